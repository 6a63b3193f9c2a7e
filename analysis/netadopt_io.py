"""Reading netadopt output files (HDF5, netCDF-4 compatible) with xarray.

Run with Debian's interpreter, /usr/bin/python3, which sees python3-xarray and h5netcdf.

    import netadopt_io
    ds = netadopt_io.open_output("out.h5")
    per_1000 = netadopt_io.per_thousand_agents(ds["members"], netadopt_io.population_size(ds))
    band = netadopt_io.summarize_replications(per_1000)   # mean, lower, upper over replications

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
    """Number of agents (population.size of the resolved scenario)."""
    return int(scenario_value(ds, "population.size"))


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
