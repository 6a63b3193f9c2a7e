"""Plots the decomposition of the France/US gap written by `netadopt compare`: the Shapley split
of v(all) - v({}) among the groups of inputs, and the one-at-a-time effects with the residual.

    /usr/bin/python3 analysis/plot_decomposition.py FVU.h5 [-o decomposition.png]

v(S) is all-platform members per 1,000 workers of the first scenario (france) with the groups
in S given the second's (us) values, at the compare dates. Top: each group's Shapley value, one
bar per compare date, with the file's 95% Student t interval over the decomposition's
replications as error bars; the bars of a date sum to v(all) - v({}). Bottom left: the first
scenario given the second's values of one group at a time, minus the first, and the residual
us - v(all) (the platforms and the keys in no group), with its 95% t interval. Bottom right: the
second scenario given the first's values of one group, minus the second.
"""

import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_io  # noqa: E402
import netadopt_io  # noqa: E402

RESIDUAL = "residual"


def group_labels(ds):
    return [str(g).replace("_", " ") for g in ds["group"].values]


def gap(ds):
    """v(all) - v({}) per (decomposition_replication, date): the outcome the Shapley values split."""
    outcome = ds["combination_outcome"]
    combinations = ds["combination"].values
    everything = (1 << ds.sizes["group"]) - 1
    if 0 not in combinations or everything not in combinations:
        raise netadopt_io.OutputFileError(
            f"expected combinations 0 and {everything} in 'combination', found "
            f"{combinations.min()} to {combinations.max()}")
    return outcome.sel(combination=everything) - outcome.sel(combination=0)


def grouped_bars(axes, categories, means, lowers, uppers, dates, hatches=None):
    """One bar group per category, one bar per date; returns the BarContainers by date."""
    width = 0.8 / len(dates)
    positions = np.arange(len(categories))
    containers = []
    for d, date in enumerate(dates):
        mean = means[:, d]
        errors = np.array([mean - lowers[:, d], uppers[:, d] - mean])
        errors = np.where(np.isfinite(errors), errors, 0.0)
        container = axes.bar(positions + (d - (len(dates) - 1) / 2) * width, mean, width,
                             yerr=errors, capsize=2, color=f"C{d}", label=date,
                             error_kw={"elinewidth": 0.8})
        if hatches is not None:
            for patch, hatch in zip(container.patches, hatches):
                patch.set_hatch(hatch)
        containers.append(container)
    axes.set_xticks(positions)
    axes.set_xticklabels(categories, rotation=25, ha="right", fontsize=8)
    axes.axhline(0, color="black", linewidth=0.8)
    axes.grid(alpha=0.3, axis="y")
    return containers


def draw_shapley(axes, ds):
    dates = compare_io.date_labels(ds["date"].values)
    totals = gap(ds).mean("decomposition_replication").values
    labels = [f"{date}: v(all) - v({{}}) = {total:+.1f}" for date, total in zip(dates, totals)]
    containers = grouped_bars(axes, group_labels(ds),
                              ds["shapley_mean"].transpose("group", "date").values,
                              ds["shapley_lower"].transpose("group", "date").values,
                              ds["shapley_upper"].transpose("group", "date").values, labels)
    first, second = compare_io.scenario_names(ds)[:2]
    replications = ds.sizes["decomposition_replication"]
    size = ds.attrs.get("decomposition_population_size")
    axes.set_title(f"Shapley split of the gap: {first} given {second}'s groups "
                   f"({replications} replications"
                   + (f" of {int(size)} agents" if size else "") + "; 95% t intervals)",
                   fontsize=10)
    axes.set_ylabel("members per 1,000 workers")
    axes.legend(fontsize=8)
    return containers


def residual_interval(ds):
    residual = ds["residual"].transpose("decomposition_replication", "date")
    mean, lower, upper = compare_io.t_interval(residual, "decomposition_replication")
    return mean.values, lower.values, upper.values


def draw_one_at_a_time(axes, ds, direction, with_residual):
    dates = compare_io.date_labels(ds["date"].values)
    pick = {name: ds[f"one_at_a_time_{name}"].sel(direction=direction).transpose("group", "date").values
            for name in ("mean", "lower", "upper")}
    categories = group_labels(ds)
    hatches = None
    if with_residual:
        extra = residual_interval(ds)
        for index, name in enumerate(("mean", "lower", "upper")):
            pick[name] = np.vstack([pick[name], extra[index][np.newaxis, :]])
        categories = categories + [f"{RESIDUAL}: us - v(all)\n(platforms, other keys)"]
        hatches = [""] * (len(categories) - 1) + ["//"]
    containers = grouped_bars(axes, categories, pick["mean"], pick["lower"], pick["upper"], dates,
                              hatches)
    axes.set_title(str(direction).replace("_", " ") + ", minus without it", fontsize=10)
    axes.set_ylabel("change in members per 1,000 workers")
    axes.legend(fontsize=8)
    return containers


def draw(ds):
    figure = plt.figure(figsize=(15, 10))
    grid = figure.add_gridspec(2, 2)
    top = figure.add_subplot(grid[0, :])
    draw_shapley(top, ds)
    directions = [str(d) for d in ds["direction"].values]
    for column, direction in enumerate(directions[:2]):
        draw_one_at_a_time(figure.add_subplot(grid[1, column]), ds, direction, column == 0)
    figure.tight_layout()
    return figure


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="HDF5 file written by `netadopt compare`")
    parser.add_argument("-o", "--png", help="image to write (default: OUTPUT_decomposition.png)")
    args = parser.parse_args(argv)
    png = args.png or os.path.splitext(args.output)[0] + "_decomposition.png"
    try:
        with compare_io.quiet_warnings(), compare_io.open_comparison(args.output) as ds:
            compare_io.require_decomposition(ds, args.output)
            figure = draw(ds)
            figure.savefig(png, dpi=100)
            plt.close(figure)
    except netadopt_io.OutputFileError as error:
        print(f"plot_decomposition: {error}", file=sys.stderr)
        return 1
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
