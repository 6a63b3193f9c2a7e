"""Plots the adoption curve of a netadopt output: members over time, the mean over replications
with the band holding the central 95% of replications, and, for run.model = bass, the analytic
Bass (1969) curve with the scenario's p, q and population size.

    /usr/bin/python3 analysis/plot_members.py OUT.h5 [-o members.png] [--per-thousand]
"""

import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the non-interactive backend)
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netadopt_io  # noqa: E402


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


def rescale(values, per_thousand, population):
    return netadopt_io.per_thousand_agents(values, population) if per_thousand else values


def draw(ds, variable, per_thousand):
    """The figure: replication mean, 95% band, Bass curve where it applies."""
    population = netadopt_io.population_size(ds)
    series = rescale(members_series(ds, variable), per_thousand, population)
    band = netadopt_io.summarize_replications(series)
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=100)
    times = ds["time"].values
    axes.fill_between(times, band["lower"], band["upper"], alpha=0.3,
                      label=f"central 95% of {ds.sizes['replication']} replications")
    axes.plot(times, band["mean"], label="mean over replications")
    add_bass_curve(axes, ds, per_thousand, population)
    label_axes(axes, ds, variable, per_thousand)
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure


def add_bass_curve(axes, ds, per_thousand, population):
    curve = bass_curve(ds)
    if curve is None:
        return
    scale = 1000.0 / population if per_thousand else 1.0
    axes.plot(ds["time"].values, curve * scale, "k--", label="Bass (1969), analytic")


def label_axes(axes, ds, variable, per_thousand):
    unit = "per 1,000 agents" if per_thousand else "agents"
    axes.set_xlabel("date")
    axes.set_ylabel(f"{ds[variable].attrs.get('long_name', variable)} ({unit})")
    axes.set_title(os.path.basename(ds.attrs.get("scenario_file", "")) or variable)
    axes.legend(loc="upper left")
    axes.grid(alpha=0.3)


def default_png(output):
    return os.path.splitext(output)[0] + "_members.png"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="netadopt output file (.h5)")
    parser.add_argument("-o", "--png", help="image to write (default: OUTPUT_members.png)")
    parser.add_argument("--variable", default="members", help="variable to plot (default: members)")
    parser.add_argument("--per-thousand", action="store_true", help="plot per 1,000 agents")
    args = parser.parse_args(argv)
    png = args.png or default_png(args.output)
    try:
        with netadopt_io.open_output(args.output) as ds:
            draw(ds, args.variable, args.per_thousand).savefig(png)
    except netadopt_io.OutputFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
