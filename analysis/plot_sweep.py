"""Plots one output of a grid sweep over two scenario keys (`netadopt sweep`) as a heatmap.

    /usr/bin/python3 analysis/plot_sweep.py SWEEP.h5 --output VAR [-o sweep.png] [--date D]
                                            [--role R] [--counts] [--dpi N] [--title TEXT]

Each cell is one point of the grid: VAR averaged over the point's replications (like `netadopt
analyze sobol`): at --date (linear between reporting times; default the end of the run) for a
series over time, or at the summary date --date (default the last) for members_at_date; for the
role --role where VAR has roles (default all: every role, summed); counting members (active or
dormant) where VAR has a status; summed over any other dimension (platforms), as the colour
bar's label says. Points not done (another shard's, or failed) are left blank. The axes are the
two swept keys, labelled with their values. A sweep that is not a grid over two keys is refused.

Membership levels (members, members_any, members_at_date) are shown per 1,000 workers for the
essay model (members / population.size x workforce share x 1000) and per 1,000 agents for the
models without a workforce (Bass, SIR, threshold), with each point's population.size and
workforce share: the swept value where the key is swept, else the sweep's [base] section's,
else the base scenario's (stored in the file). --counts shows the counts of agents instead.
The title gives the sweep, its base scenario, N and the number of replications.
"""

import configparser
import os
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import xarray as xr  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_io  # noqa: E402
import netadopt_io  # noqa: E402
import plot_style  # noqa: E402

MEMBER_STATUSES = ("active", "dormant")
ROLE_DIMS = ("role", "summary_role")
LEVEL_VARIABLES = ("members", "members_any", "members_at_date")
WORKFORCE_KEYS = ("population.workforce_share", "population.cadres_share", "population.sales_share")


def base_config(ds):
    """The base scenario of the sweep (root attribute base_scenario) with the sweep's [base]
    section applied: the scenario every point starts from, as a ConfigParser."""
    config = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    config.read_string(str(ds.attrs.get("base_scenario", "")))
    sweep = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    sweep.read_string(str(ds.attrs.get("sweep", "")))
    if sweep.has_section("base"):
        for key, value in sweep.items("base"):
            section, _, name = key.partition(".")
            if not config.has_section(section):
                config.add_section(section)
            config.set(section, name, value)
    return config


def point_config(config, keys, values):
    """A copy of `config` with the point's swept keys set."""
    point = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    point.read_dict({section: dict(config.items(section)) for section in config.sections()})
    for key, value in zip(keys, values):
        section, _, name = key.partition(".")
        if not point.has_section(section):
            point.add_section(section)
        point.set(section, name, repr(float(value)))
    return point


def per_1000_scale(ds, path):
    """(factor per point, unit): from counts of agents to per 1,000 workers (essay) or per
    1,000 agents (no workforce), with each point's population size and workforce share."""
    config = base_config(ds)
    keys = [str(k) for k in ds["key"].values]
    essay = config.get("run", "model", fallback="").strip() == "essay"
    factors = []
    for values in ds["parameters"].transpose("point", "key").values:
        point = point_config(config, keys, values)
        if not point.has_option("population", "size"):
            raise netadopt_io.OutputFileError(
                f"'{path}': no population.size in the base scenario, its [base] or the swept keys; "
                f"plot counts with --counts")
        factor = 1000.0 / float(point.get("population", "size"))
        if essay:
            try:
                factor *= netadopt_io.workforce_share_of_config(point)
            except (configparser.Error, ValueError) as error:
                raise netadopt_io.OutputFileError(
                    f"'{path}': cannot find the workforce share ({', '.join(WORKFORCE_KEYS)}) in "
                    f"the base scenario, its [base] or the swept keys ({error}); plot counts "
                    f"with --counts") from error
        factors.append(factor)
    return xr.DataArray(factors, dims="point"), "per 1,000 workers" if essay else "per 1,000 agents"


def require_grid(ds, path):
    """The two keys and their sorted values; OutputFileError unless a 2-key grid sweep."""
    if "parameters" not in ds.data_vars or "key" not in ds.coords:
        raise netadopt_io.OutputFileError(
            f"'{path}' is not a sweep file (written by `netadopt sweep`): expected 'parameters' "
            f"(point, key), found '{ds.attrs.get('title', 'no title')}' with variables "
            f"{', '.join(list(ds.data_vars)[:8]) or 'none'}")
    design = str(ds.attrs.get("design", "unknown"))
    keys = [str(k) for k in ds["key"].values]
    if design != "grid" or len(keys) != 2:
        raise netadopt_io.OutputFileError(
            f"'{path}': expected a grid sweep over 2 keys, found a {design} sweep over "
            f"{len(keys)} key{'s' if len(keys) != 1 else ''} ({', '.join(keys)})")
    parameters = ds["parameters"].transpose("point", "key").values
    axes = [np.unique(parameters[:, k]) for k in range(2)]
    combinations = {tuple(row) for row in parameters}
    if len(axes[0]) * len(axes[1]) != ds.sizes["point"] or len(combinations) != ds.sizes["point"]:
        raise netadopt_io.OutputFileError(
            f"'{path}': expected a full {len(axes[0])} x {len(axes[1])} grid over {keys[0]} and "
            f"{keys[1]}, found {ds.sizes['point']} points with {len(combinations)} distinct pairs")
    return keys, axes


def days_since_start(times):
    return (times - times[0]) / np.timedelta64(1, "D")


def at_time(values, date):
    """`values` over `time` at `date` (datetime64), linear between reporting times."""
    times = values["time"].values
    if date is None:
        return values.isel(time=-1, drop=True)
    if date < times[0] or date > times[-1]:
        raise netadopt_io.OutputFileError(
            f"--date {np.datetime64(date, 'D')} is outside the run "
            f"({np.datetime64(times[0], 'D')} to {np.datetime64(times[-1], 'D')})")
    index = int(np.searchsorted(times, date, side="right")) - 1
    if index >= len(times) - 1 or times[index] == date:
        return values.isel(time=index, drop=True)
    span = (times[index + 1] - times[index]) / np.timedelta64(1, "D")
    weight = ((date - times[index]) / np.timedelta64(1, "D")) / span
    return ((1.0 - weight) * values.isel(time=index, drop=True)
            + weight * values.isel(time=index + 1, drop=True))


def at_summary_date(values, date):
    dates = values["date"].values
    if date is None:
        return values.isel(date=-1, drop=True)
    matches = np.nonzero(dates.astype("datetime64[D]") == np.datetime64(date, "D"))[0]
    if len(matches) == 0:
        raise netadopt_io.OutputFileError(
            f"--date {np.datetime64(date, 'D')} is not a summary date of this sweep; it has "
            f"{', '.join(compare_io.date_labels(dates))}")
    return values.isel(date=int(matches[0]), drop=True)


def at_role(values, role, notes):
    dims = [d for d in ROLE_DIMS if d in values.dims]
    if not dims:
        if role is not None:
            raise netadopt_io.OutputFileError(
                f"'{values.name}' has no role dimension; drop --role")
        return values
    dim = dims[0]
    labels = [str(r) for r in values[dim].values]
    wanted = role or "all"
    if wanted in labels:
        notes.append(f"role {wanted}")
        return values.sel({dim: wanted}, drop=True)
    if wanted == "all":
        notes.append("every role")
        return values.sum(dim)
    raise netadopt_io.OutputFileError(
        f"no role '{wanted}' in '{values.name}'; it has {', '.join(labels)}")


def point_values(ds, variable, date=None, role=None, unit_scale=None):
    """One number per point (NaN where not done) and notes on how it was taken; `unit_scale`,
    (factor per point, unit), rescales the values."""
    if variable not in ds.data_vars:
        raise netadopt_io.OutputFileError(
            f"no variable '{variable}' in this sweep; it has {', '.join(ds.data_vars)}")
    values = ds[variable]
    if "point" not in values.dims:
        raise netadopt_io.OutputFileError(
            f"'{variable}' has no point dimension (dims {values.dims}): not an output per point")
    notes = []
    if np.issubdtype(values.dtype, np.datetime64):
        years = values.dt.year + (values.dt.dayofyear - 1) / 365.25
        values = years.where(values.notnull())
        notes.append("as a decimal year")
    else:
        values = values.astype(float)
    if unit_scale is not None:
        values = values * unit_scale[0]
    if "replication" in values.dims:
        if "pair_status" in ds.data_vars:
            values = values.where(ds["pair_status"] == 1)
        values = values.mean("replication")
        notes.append(f"mean over {ds.sizes['replication']} replications")
    if "time" in values.dims:
        values = at_time(values, None if date is None else np.datetime64(date, "ns"))
        notes.append(f"at {date}" if date else "at the end of the run")
    elif "date" in values.dims:
        values = at_summary_date(values, None if date is None else np.datetime64(date, "ns"))
        notes.append(f"at {date}" if date else "at the last summary date")
    elif date is not None:
        raise netadopt_io.OutputFileError(
            f"'{variable}' has no time or date dimension (dims {values.dims}); drop --date")
    values = at_role(values.rename(variable), role, notes)
    if "status" in values.dims:
        values = values.sel(status=list(MEMBER_STATUSES)).sum("status")
        notes.append("members: " + " + ".join(MEMBER_STATUSES))
    others = [d for d in values.dims if d != "point"]
    if others:
        values = values.sum(others)
        notes.append("summed over " + ", ".join(others))
    if "point_status" in ds.data_vars:
        done = np.array([str(s) == "done" for s in ds["point_status"].values])
        values = values.where(xr.DataArray(done, dims="point"))
    return values.transpose("point").values, notes


def grid_matrix(ds, path, variable, date=None, role=None, unit_scale=None):
    """(keys, x values, y values, matrix[y, x], notes): VAR over the grid of the two keys."""
    keys, (xs, ys) = require_grid(ds, path)
    per_point, notes = point_values(ds, variable, date, role, unit_scale)
    parameters = ds["parameters"].transpose("point", "key").values
    matrix = np.full((len(ys), len(xs)), np.nan)
    for point, (x, y) in enumerate(parameters):
        matrix[np.searchsorted(ys, y), np.searchsorted(xs, x)] = per_point[point]
    return keys, xs, ys, matrix, notes


def value_label(value):
    return f"{value:.4g}"


def stem(path):
    return os.path.splitext(os.path.basename(str(path)))[0]


def default_title(ds, path):
    config = base_config(ds)
    keys = [str(k) for k in ds["key"].values]
    size = "N swept" if "population.size" in keys else \
        f"N = {int(float(config.get('population', 'size', fallback='nan'))):,} agents" \
        if config.has_option("population", "size") else "N unknown"
    return (f"sweep {stem(ds.attrs.get('sweep_file', path))} of "
            f"{stem(ds.attrs.get('base_scenario_file', 'scenario'))}: {size}, "
            f"{ds.sizes.get('replication', 0)} replications per point")


def draw(ds, path, variable, date=None, role=None, counts=False, title=None):
    require_grid(ds, path)
    unit_scale = None if counts or variable not in LEVEL_VARIABLES else per_1000_scale(ds, path)
    keys, xs, ys, matrix, notes = grid_matrix(ds, path, variable, date, role, unit_scale)
    figure, axes = plt.subplots(figsize=(max(6.5, 1.5 + 0.8 * len(xs)), max(5.0, 1.5 + 0.6 * len(ys))),
                                layout="constrained")
    image = axes.imshow(np.ma.masked_invalid(matrix), origin="lower", aspect="auto",
                        cmap="viridis", interpolation="nearest")
    axes.set_xticks(range(len(xs)))
    axes.set_xticklabels([value_label(x) for x in xs])
    axes.set_yticks(range(len(ys)))
    axes.set_yticklabels([value_label(y) for y in ys])
    axes.set_xlabel(keys[0])
    axes.set_ylabel(keys[1])
    if matrix.size <= 144 and np.isfinite(matrix).any():
        middle = np.nanmin(matrix) + 0.5 * (np.nanmax(matrix) - np.nanmin(matrix))
        for (row, column), value in np.ndenumerate(matrix):
            if np.isfinite(value):
                axes.text(column, row, f"{value:.3g}", ha="center", va="center", fontsize=8,
                          color="black" if value > middle else "white")
    units = ds[variable].attrs.get("units", "")
    unit = unit_scale[1] if unit_scale is not None else (units if units and units != "1" else "")
    bar = figure.colorbar(image, ax=axes)
    bar.set_label(variable + (f" ({unit})" if unit else ""))
    width = max(40, int(figure.get_figwidth() * 12))
    axes.set_title(textwrap.fill(f"{variable}: " + "; ".join(notes), width), fontsize=9)
    figure.suptitle(textwrap.fill(title or default_title(ds, path), width), fontsize=10)
    return figure


def main(argv=None):
    parser = plot_style.make_parser(__doc__, "image to write, .png or .pdf; the other is written "
                                             "beside it (default: SWEEP_VAR.png)")
    parser.add_argument("sweep", help="HDF5 file written by `netadopt sweep` (a grid over 2 keys)")
    parser.add_argument("--output", required=True, dest="variable",
                        help="variable of the sweep to plot (members, members_at_date, ...)")
    parser.add_argument("--date", help="date YYYY-MM-DD (default: the end of the run)")
    parser.add_argument("--role", help="role (default: all)")
    parser.add_argument("--counts", action="store_true",
                        help="show counts of agents, not per 1,000 workers or agents")
    args = parser.parse_args(argv)
    plot_style.check_dpi(parser, args.dpi)
    if args.date is not None:
        try:
            np.datetime64(args.date, "D")
        except ValueError:
            parser.error(f"--date: expected YYYY-MM-DD, found '{args.date}'")
    png = args.png or os.path.splitext(args.sweep)[0] + f"_{args.variable}.png"
    try:
        with compare_io.quiet_warnings(), netadopt_io.open_output(args.sweep) as ds:
            figure = draw(ds, args.sweep, args.variable, args.date, args.role, args.counts,
                          args.title)
            written = plot_style.save_figure(figure, png, args.dpi)
    except netadopt_io.OutputFileError as error:
        print(f"plot_sweep: {error}", file=sys.stderr)
        return 1
    print(f"wrote {' and '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
