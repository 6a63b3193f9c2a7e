"""Plots the adoption curve of any netadopt run output: members over time per 1,000 workers (the
essay model: members of any platform, and each platform's) or per 1,000 agents (Bass, SIR,
threshold: no workforce), the mean over replications with the band holding the central 95% of
replications, and, for run.model = bass, the analytic Bass (1969) curve with the scenario's p, q
and population size.

    /usr/bin/python3 analysis/plot_members.py OUT.h5 [-o members.png] [--counts] [--dpi N]
                                              [--title TEXT]

--counts plots numbers of agents instead. The title gives the scenario,
its population size N and the number of replications.
"""

import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the non-interactive backend)
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netadopt_io  # noqa: E402
import plot_style  # noqa: E402


def members_series(ds, variable):
    """`variable` as (replication, time), or OutputFileError saying what was found instead."""
    if variable not in ds.data_vars:
        raise netadopt_io.OutputFileError(
            f"output has no variable '{variable}'; it has {', '.join(ds.data_vars)}")
    values = ds[variable]
    if values.dims != ("replication", "time"):
        raise netadopt_io.OutputFileError(
            f"expected '{variable}' to have dims (replication, time), found {values.dims}")
    return values


def days_since_start(ds):
    """Reporting times as days since the scenario start (the `time` units' reference date)."""
    units = ds["time"].encoding.get("units", "")
    if not units.startswith("days since "):
        raise netadopt_io.OutputFileError(f"expected time units 'days since DATE', found '{units}'")
    start = np.datetime64(units[len("days since "):].strip()[:10])
    return (ds["time"].values - start) / np.timedelta64(1, "D")


def bass_curve(ds):
    """Analytic Bass adopters at the output's times, or None when run.model is not bass."""
    if netadopt_io.scenario_value(ds, "run.model") != "bass":
        return None
    population = netadopt_io.population_size(ds)
    initial = int(netadopt_io.scenario_value(ds, "bass.initial_adopters"))
    p = float(netadopt_io.scenario_value(ds, "bass.p"))
    q = float(netadopt_io.scenario_value(ds, "bass.q"))
    share = netadopt_io.bass_fraction(days_since_start(ds), p, q, initial / population)
    return population * share


def scale_of(ds, counts):
    """The factor from agents to the plotted unit, and the unit's name."""
    if counts:
        return 1.0, "agents"
    return 1000.0 / netadopt_io.population_size(ds), "per 1,000 agents"


def essay_series(ds, counts):
    """Essay model: {label: (replication, time)} of any platform and each platform, and the unit."""
    if counts:
        members = netadopt_io.platform_members(ds).sum("role")
        series = {"any platform": ds["members_any"].sum("role")}
        unit = "agents"
    else:
        members = netadopt_io.platform_per_1000_workers(ds)
        series = {"any platform": netadopt_io.any_platform_per_1000_workers(ds)}
        unit = "per 1,000 workers"
    for platform in members["platform"].values:
        series[str(platform)] = members.sel(platform=platform, drop=True)
    return series, unit


def draw_band(axes, times, values, colour, label, band_label=None):
    band = netadopt_io.summarize_replications(values)
    axes.fill_between(times, band["lower"], band["upper"], alpha=0.25, color=colour,
                      linewidth=0, label=band_label)
    axes.plot(times, band["mean"], color=colour, label=label)


def draw(ds, variable="members", counts=False, title=None):
    """The figure: replication means, the central 95% band, the Bass curve where it applies."""
    figure, axes = plt.subplots(figsize=(8, 4.8))
    times = ds["time"].values
    replications = netadopt_io.replications(ds)
    if netadopt_io.is_essay(ds) and variable == "members":
        series, unit = essay_series(ds, counts)
        for index, (label, values) in enumerate(series.items()):
            draw_band(axes, times, values, "black" if index == 0 else f"C{index - 1}",
                      f"{label}: mean over replications",
                      plot_style.band_label(replications) if index == 0 else None)
        name = "members (active or dormant)"
    else:
        scale, unit = scale_of(ds, counts)
        values = members_series(ds, variable) * scale
        draw_band(axes, times, values, "C0", "mean over replications",
                  plot_style.band_label(replications))
        add_bass_curve(axes, ds, scale)
        name = ds[variable].attrs.get("long_name", variable)
    axes.set_xlabel("date")
    axes.set_ylabel(f"{name} ({unit})")
    axes.set_title(title or netadopt_io.run_description(ds), fontsize=10)
    axes.legend(loc="upper left", fontsize=8)
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure


def add_bass_curve(axes, ds, scale):
    curve = bass_curve(ds)
    if curve is not None:
        axes.plot(ds["time"].values, curve * scale, "k--", label="Bass (1969), analytic")


def default_png(output):
    return os.path.splitext(output)[0] + "_members.png"


def main(argv=None):
    parser = plot_style.make_parser(__doc__, "image to write, .png or .pdf; the other is written "
                                             "beside it (default: OUTPUT_members.png)")
    parser.add_argument("output", help="netadopt run output file (.h5)")
    parser.add_argument("--variable", default="members", help="variable to plot (default: members)")
    parser.add_argument("--counts", action="store_true", help="plot agents, not per 1,000")
    parser.add_argument("--per-thousand", action="store_true",
                        help="per 1,000 (the default; kept for older command lines)")
    args = parser.parse_args(argv)
    plot_style.check_dpi(parser, args.dpi)
    png = args.png or default_png(args.output)
    try:
        with netadopt_io.open_output(args.output) as ds:
            figure = draw(ds, args.variable, args.counts, args.title)
            written = plot_style.save_figure(figure, png, args.dpi)
    except netadopt_io.OutputFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {' and '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
