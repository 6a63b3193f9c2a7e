"""Shared by the France/US plots: opening a `netadopt compare` file or one of its groups, the
observed membership (scenarios/data/membership.csv) converted to members per 1,000 workers as
the calibration does, dates, and Student t quantiles.

Run with Debian's interpreter, /usr/bin/python3.

    import compare_io
    root = compare_io.open_comparison("france_vs_us.h5")          # root: comparison, decomposition
    france = compare_io.open_run("france_vs_us.h5", group="france")  # a full run
    points = compare_io.observed_per_1000_workers("scenarios/data/membership.csv")
    table = compare_io.tidy_members("france_vs_us.h5")  # scenario, replication, date, platform, role, ...
"""

import contextlib
import csv
import math
import os
import warnings

import numpy as np
import pandas as pd
import xarray as xr

import netadopt_io

OutputFileError = netadopt_io.OutputFileError

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DEFAULT_DATA = os.path.normpath(os.path.join(REPO, "scenarios", "data", "membership.csv"))

# Employed persons, as in scenarios/calibration.ini: France 25.8M (INSEE 2011), US 142.5M
# (BLS CPS 2012), both from shared/data/culture.csv.
WORKFORCE = {"france": 25.8e6, "us": 142.5e6}

# LinkedIn's US share of its worldwide members (include/netadopt/calibration/observations.hpp):
# 0.65 on 2004-08-31, 32.99M / 66.27M on 2010-05-05, linear in time between, constant outside.
US_SHARE_ANCHORS = (np.datetime64("2004-08-31"), 0.65, np.datetime64("2010-05-05"), 32.99 / 66.27)

COMPARISON_VARIABLES = ("members_per_1000_workers", "ratio", "ratio_lower", "ratio_upper")


@contextlib.contextmanager
def quiet_warnings():
    """A context that hides xarray's and numpy's warnings on NaT dates and all-NaN means."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=RuntimeWarning)
        yield


def _describe(ds):
    title = ds.attrs.get("title", "no title")
    variables = ", ".join(list(ds.data_vars)[:8]) or "no variables"
    return f"'{title}' with {variables}"


def open_comparison(path):
    """The root of a `netadopt compare` file (comparison and decomposition variables).

    Raises OutputFileError naming what was found when the file is not a comparison.
    """
    ds = netadopt_io.open_output(path)
    missing = [name for name in COMPARISON_VARIABLES if name not in ds.data_vars]
    if missing:
        found = _describe(ds)
        ds.close()
        raise OutputFileError(
            f"'{path}' is not a comparison file (written by `netadopt compare`): expected "
            f"{', '.join(COMPARISON_VARIABLES)} at the root, found {found}")
    return ds


def require_decomposition(ds, path):
    if "shapley_mean" not in ds.data_vars:
        raise OutputFileError(
            f"'{path}' holds no decomposition (expected shapley, shapley_mean, one_at_a_time, "
            f"residual: was it written with --no-decomposition?)")


def scenario_names(ds):
    return [str(s) for s in ds["scenario"].values]


def open_run(path, group=None):
    """A full run: the root of a `netadopt run` output, or group `group` of a comparison file.

    The root must be complete (root attribute complete = 1) in both cases.
    """
    root = netadopt_io.open_output(path)
    if group is None:
        if "scenario" in root.data_vars or "scenario" in root.coords:
            names = scenario_names(root) if "scenario" in root.coords else []
            root.close()
            raise OutputFileError(
                f"'{path}' is a comparison file; choose one of its runs with --group "
                f"({' or '.join(names)})")
        return root
    names = scenario_names(root) if "scenario" in root.coords else []
    root.close()
    if group not in names:
        what = f"groups {', '.join(names)}" if names else "no groups (a plain run output)"
        raise OutputFileError(f"'{path}' has no run '{group}': it has {what}")
    try:
        return xr.open_dataset(path, group=group, engine="h5netcdf")
    except (OSError, ValueError) as error:
        raise OutputFileError(f"cannot read group '{group}' of '{path}': {error}") from error


def require_essay(ds, path, what):
    expected = ("replication", "time", "platform", "role", "status")
    if "members" not in ds.data_vars or ds["members"].dims != expected:
        found = ds["members"].dims if "members" in ds.data_vars else _describe(ds)
        raise OutputFileError(
            f"'{path}': {what} needs an essay-model run, with 'members' of dims {expected}; "
            f"found {found}")


# Shared with plain runs: defined in netadopt_io, named here as the plots have always used them.
workforce_share = netadopt_io.workforce_share
workforce_share_of_config = netadopt_io.workforce_share_of_config
per_1000_workers = netadopt_io.per_1000_workers


def role_agents(ds):
    """Agents of each role at each time (replication, time, role): every status, platform 0."""
    return ds["members"].isel(platform=0).sum("status")


def any_platform_per_1000_of_role(ds):
    """Members (active or dormant) on any platform per 1,000 agents of the role."""
    agents = role_agents(ds)
    return 1000.0 * ds["members_any"] / agents.where(agents > 0)


any_platform_per_1000_workers = netadopt_io.any_platform_per_1000_workers
platform_per_1000_workers = netadopt_io.platform_per_1000_workers


def tidy_members(path):
    """Both runs of a comparison file as one long table: netadopt_io.tidy_members of each group
    with a first column `scenario` (france, us): scenario, replication, date, platform, role,
    members_per_1000_workers."""
    with open_comparison(path) as root:
        names = scenario_names(root)
    tables = []
    for name in names:
        with open_run(path, group=name) as run:
            table = netadopt_io.tidy_members(run)
        table.insert(0, "scenario", name)
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


def linkedin_us_share(dates):
    """LinkedIn's US share of its worldwide members at `dates` (datetime64)."""
    early, early_share, late, late_share = US_SHARE_ANCHORS
    days = (np.asarray(dates, dtype="datetime64[D]") - early) / np.timedelta64(1, "D")
    span = (late - early) / np.timedelta64(1, "D")
    return np.interp(days, [0.0, span], [early_share, late_share])


def read_membership(path):
    """The rows of membership.csv (after its # notes) as dicts with a datetime64 date."""
    if not os.path.exists(path):
        raise OutputFileError(f"data file '{path}' does not exist")
    with open(path, newline="", encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    rows = list(csv.DictReader(lines))
    needed = {"platform", "geography", "date", "members"}
    if not rows or not needed <= set(rows[0]):
        raise OutputFileError(
            f"data file '{path}': expected a header with {', '.join(sorted(needed))}, "
            f"found {', '.join(rows[0]) if rows else 'no rows'}")
    for row in rows:
        row["date"] = np.datetime64(row["date"].strip(), "D")
        row["members"] = float(row["members"])
    return rows


def observed_per_1000_workers(path):
    """Observed series per 1,000 workers: {(country, label): (dates, values)}.

    France: Viaduc's French members and LinkedIn's French members over France's workforce.
    US: LinkedIn's worldwide members times its US share over the US workforce (the file's one
    direct US figure, 2010-05-05, is the anchor of that share and gives the same value).
    """
    rows = read_membership(path)
    series = {}

    def add(country, label, row, members):
        dates, values = series.setdefault((country, label), ([], []))
        dates.append(row["date"])
        values.append(1000.0 * members / WORKFORCE[country])

    for row in rows:
        platform, geography = row["platform"].strip(), row["geography"].strip()
        if geography == "france" and platform == "viaduc":
            add("france", "Viaduc, France", row, row["members"])
        elif geography == "france" and platform == "linkedin":
            add("france", "LinkedIn, France", row, row["members"])
        elif geography == "world" and platform == "linkedin":
            add("us", "LinkedIn, world x US share", row,
                row["members"] * float(linkedin_us_share(row["date"])))
    return {key: (np.array(d, dtype="datetime64[D]"), np.array(v)) for key, (d, v) in series.items()}


def t_quantile(probability, df):
    """Quantile of Student's t with `df` degrees of freedom (numerical, about 1e-8)."""
    if df <= 0:
        return math.nan
    if probability == 0.5:
        return 0.0
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)

    def upper_tail(x):  # P(T > x), x >= 0, by Simpson's rule on u = atan(t) in [atan x, pi/2)
        u = np.linspace(math.atan(x), math.pi / 2, 20001)
        t = np.tan(u[:-1])
        density = np.exp(log_norm - (df + 1) / 2 * np.log1p(t * t / df)) / np.cos(u[:-1]) ** 2
        density = np.append(density, 0.0 if df > 1 else math.exp(log_norm) * df)
        h = u[1] - u[0]
        return h / 3 * (density[0] + density[-1] + 4 * density[1:-1:2].sum()
                        + 2 * density[2:-1:2].sum())

    tail = 1.0 - probability if probability > 0.5 else probability
    low, high = 0.0, 1.0
    while upper_tail(high) > tail:
        high *= 2.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if upper_tail(middle) > tail else (low, middle)
    x = (low + high) / 2
    return x if probability > 0.5 else -x


def t_interval(values, dim, level=0.95):
    """Mean over `dim` and the Student t interval of the mean: (mean, lower, upper)."""
    n = values.sizes[dim]
    mean = values.mean(dim)
    if n < 2:
        return mean, mean * math.nan, mean * math.nan
    half = t_quantile((1 + level) / 2, n - 1) * values.std(dim, ddof=1) / math.sqrt(n)
    return mean, mean - half, mean + half


def date_labels(dates):
    return [str(np.datetime64(d, "D")) for d in np.asarray(dates)]
