"""Reading netadopt output files (HDF5, netCDF-4 compatible) with xarray.

Run with Debian's interpreter, /usr/bin/python3, which sees python3-xarray and h5netcdf.

    import netadopt_io
    ds = netadopt_io.open_output("out.h5")
    per_1000 = netadopt_io.per_thousand_agents(ds["members"], netadopt_io.population_size(ds))
    band = netadopt_io.summarize_replications(per_1000)   # mean, lower, upper over replications
    table = netadopt_io.tidy_members(ds)  # essay: replication, date, platform, role, per 1,000 workers

Command line: ``/usr/bin/python3 analysis/netadopt_io.py OUT.h5`` prints a summary.
"""

import argparse
import configparser
import os
import sys

import numpy as np
import xarray as xr


class OutputFileError(Exception):
    """An output file that is missing, unreadable, or not completely written."""


def open_output(path):
    """Opens a complete netadopt output as an xarray Dataset (engine h5netcdf).

    Raises OutputFileError when the file does not exist, is not HDF5, or lacks the root
    attribute complete = 1 that netadopt writes last.
    """
    if not os.path.exists(path):
        raise OutputFileError(f"output file '{path}' does not exist")
    try:
        ds = xr.open_dataset(path, engine="h5netcdf")
    except (OSError, ValueError) as error:
        raise OutputFileError(
            f"output file '{path}' is not a readable netadopt HDF5 file: {error}") from error
    _require_complete(ds, path)
    return ds


def _require_complete(ds, path):
    complete = ds.attrs.get("complete")
    if complete is None or int(complete) != 1:
        ds.close()
        found = "missing" if complete is None else f"{complete}"
        raise OutputFileError(
            f"output file '{path}' is incomplete: expected root attribute complete = 1, "
            f"found {found} (the run was interrupted, or the file was not written by netadopt)")


def scenario_config(ds):
    """The resolved scenario (root attribute `scenario`, INI text) as a ConfigParser."""
    if "scenario" not in ds.attrs:
        raise OutputFileError("output has no root attribute 'scenario'")
    config = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    config.read_string(ds.attrs["scenario"])
    return config


def scenario_value(ds, key):
    """The value of `section.key` in the resolved scenario, as text."""
    section, _, name = key.partition(".")
    config = scenario_config(ds)
    if not config.has_option(section, name):
        raise OutputFileError(f"the scenario in this output has no key '{key}'")
    return config.get(section, name).strip()


def population_size(ds):
    """Number of agents: the root attribute population_size, or, in files written before it
    existed, population.size parsed from the resolved scenario."""
    if "population_size" in ds.attrs:
        return int(ds.attrs["population_size"])
    return int(scenario_value(ds, "population.size"))


def replications(ds):
    return int(ds.sizes.get("replication", 0))


def scenario_name(ds):
    """A run's scenario name: the stem of its root attribute scenario_file, else of the path in
    the resolved scenario's first line ('# resolved scenario of PATH'), else 'scenario'."""
    path = str(ds.attrs.get("scenario_file", "")).strip()
    if not path:
        first = str(ds.attrs.get("scenario", "")).lstrip().split("\n", 1)[0]
        prefix = "# resolved scenario of "
        path = first[len(prefix):].strip() if first.startswith(prefix) else ""
    return os.path.splitext(os.path.basename(path))[0] or "scenario"


def run_description(ds):
    """'france, N = 3,000 agents, 3 replications': scenario, population size, replications."""
    return f"{scenario_name(ds)}, N = {population_size(ds):,} agents, {replications(ds)} replications"


# Display names of the essay model's roles: the one spelling every plot and table uses.
ROLE_NAMES = {"executive": "executive", "salesperson": "salesperson",
              "middle_manager": "middle manager", "job_seeker": "job seeker", "all": "all roles"}


def role_name(role):
    """The display name of a role label of the files ('middle_manager' -> 'middle manager')."""
    role = str(role)
    return ROLE_NAMES.get(role, role.replace("_", " "))


def is_essay(ds):
    """Whether a run output is the essay model's (members by platform, role and status)."""
    return "members" in ds.data_vars and "role" in ds["members"].dims


def workforce_share_of_config(config):
    """population.workforce_share where the scenario (a ConfigParser) sets it; otherwise derived
    as the simulator derives it (sim/models/essay/structure/population_keys.cpp): cadres + sales
    shares."""
    if config.has_option("population", "workforce_share"):
        return float(config.get("population", "workforce_share"))
    return (float(config.get("population", "cadres_share"))
            + float(config.get("population", "sales_share")))


def workforce_share(ds):
    """The run's workforce share: root attribute workforce_share, or, in older files, the
    resolved scenario's (workforce_share_of_config)."""
    if "workforce_share" in ds.attrs:
        return float(ds.attrs["workforce_share"])
    return workforce_share_of_config(scenario_config(ds))


def per_1000_workers(counts, ds):
    """Agents counted in an essay run, as per 1,000 workers: x / size x share x 1000."""
    scaled = counts * (1000.0 * workforce_share(ds) / population_size(ds))
    scaled.attrs = dict(counts.attrs, units="1 per 1000 workers")
    return scaled


def any_platform_per_1000_workers(ds):
    """Essay run: members of any platform, all roles, per 1,000 workers (replication, time):
    the file's members_any_per_1000_workers, or computed from members_any in older files."""
    if "members_any_per_1000_workers" in ds.data_vars:
        return ds["members_any_per_1000_workers"]
    return per_1000_workers(ds["members_any"].sum("role"), ds)


def platform_members(ds):
    """Essay run: members (active or dormant) by (replication, time, platform, role)."""
    return ds["members"].sel(status=["active", "dormant"]).sum("status")


def platform_per_1000_workers(ds):
    """Essay run: members of each platform, all roles, per 1,000 workers (replication, time,
    platform): the file's members_per_1000_workers, or computed from members in older files."""
    stored = ds.data_vars.get("members_per_1000_workers")
    if stored is not None and stored.dims == ("replication", "time", "platform"):
        return stored
    return per_1000_workers(platform_members(ds).sum("role"), ds)


def members_level(ds, variable="members"):
    """(values, unit) of the membership level a plot shows, per replication and time: for the
    essay model, members of any platform per 1,000 workers; for the others (no workforce),
    `variable` per 1,000 agents."""
    if is_essay(ds) and variable == "members":
        return any_platform_per_1000_workers(ds), "per 1,000 workers"
    return per_thousand_agents(ds[variable], population_size(ds)), "per 1,000 agents"


def tidy_members(ds):
    """An essay run as a long table: one row per (replication, date, platform, role), with
    members_per_1000_workers (members active or dormant / population.size x workforce share x
    1000); platform 'any' counts members of at least one platform (members_any), role 'all' sums
    the roles. A pandas DataFrame with columns replication, date, platform, role,
    members_per_1000_workers."""
    if not is_essay(ds):
        raise OutputFileError("tidy_members needs an essay-model run (members by platform, role "
                              "and status); found 'members' of dims "
                              f"{ds['members'].dims if 'members' in ds.data_vars else 'none'}")
    by_platform = platform_members(ds)
    by_platform = xr.concat([by_platform, by_platform.sum("role").expand_dims(role=["all"])], "role")
    any_platform = ds["members_any"]
    any_platform = xr.concat([any_platform, any_platform.sum("role").expand_dims(role=["all"])],
                             "role").expand_dims(platform=["any"])
    counts = xr.concat([by_platform, any_platform.transpose(*by_platform.dims)], "platform")
    table = per_1000_workers(counts, ds).rename("members_per_1000_workers").rename(time="date")
    table = table.transpose("replication", "date", "platform", "role")
    return table.to_dataframe().reset_index()[
        ["replication", "date", "platform", "role", "members_per_1000_workers"]]


def per_thousand_agents(values, population):
    """Counts of agents rescaled to counts per 1,000 agents."""
    if population <= 0:
        raise ValueError(f"population must be positive, found {population}")
    scaled = values * (1000.0 / population)
    scaled.attrs = dict(values.attrs, units="1 per 1000 agents")
    return scaled


def summarize_replications(values, level=0.95, dim="replication"):
    """Mean over replications and the central `level` interval of the replications.

    Returns a Dataset with `mean`, `lower` and `upper`: lower and upper are the empirical
    (1 - level) / 2 and (1 + level) / 2 quantiles over `dim`, i.e. the band holding the
    central 95% of replications by default.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be in (0, 1), found {level}")
    tail = (1.0 - level) / 2.0
    quantiles = values.quantile([tail, 1.0 - tail], dim=dim)
    return xr.Dataset({
        "mean": values.mean(dim=dim),
        "lower": quantiles.isel(quantile=0, drop=True),
        "upper": quantiles.isel(quantile=1, drop=True),
    }, attrs={"level": level})


def bass_fraction(days, p, q, initial_fraction=0.0, days_per_year=365.25):
    """Share of adopters of the Bass (1969) model at `days` since the start.

    Solves dF/dt = (p + q F)(1 - F) with F(0) = initial_fraction, p and q per year.
    """
    t = np.asarray(days, dtype=float) / days_per_year
    if initial_fraction >= 1.0 or p + q * initial_fraction == 0.0:
        return np.full_like(t, min(initial_fraction, 1.0))
    k = (p + q * initial_fraction) / (1.0 - initial_fraction)
    growth = k * np.exp((p + q) * t)
    return (growth - p) / (growth + q)


def _summary_lines(ds, path):
    lines = [f"{path}: {ds.sizes.get('replication', 0)} replications, "
             f"{ds.sizes.get('time', 0)} times"]
    for name, variable in ds.data_vars.items():
        lines.append(f"  {name} {variable.dims} [{variable.attrs.get('units', '?')}]: "
                     f"{variable.attrs.get('description', '')}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="Summarize a netadopt output file.")
    parser.add_argument("output", help="netadopt output file (.h5)")
    args = parser.parse_args(argv)
    try:
        with open_output(args.output) as ds:
            print("\n".join(_summary_lines(ds, args.output)))
    except OutputFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
