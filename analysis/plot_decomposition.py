"""Plots the decomposition of the France/US gap written by `netadopt compare`: the Shapley split
of the log ratio among the groups of inputs, with the one-at-a-time effects beside it.

    /usr/bin/python3 analysis/plot_decomposition.py FVU.h5 [-o decomposition.png] [--dpi N]
                                                    [--title TEXT] [--sharey]

v(S) is the natural log of all-platform members per 1,000 workers of the first scenario
(france) with the groups in S given the second's (us) values, at the compare dates (a count
under half an agent floored there), so v(all) - v({}) is the log of the ratio. One panel per
compare date; per group, side by side: its Shapley value (solid) and its one-at-a-time effect
v({g}) - v({}) (hatched), each with the file's 95% Student t interval over the decomposition's
replications as error bars; then the residual log us - v(all) (the keys in no group), with its
95% t interval. The Shapley bars of a panel sum to v(all) - v({}); the title gives it, with the
interaction share 1 - (sum of one-at-a-time effects) / (v(all) - v({})) and its interval.
The figure's title gives the two scenarios, the decomposition's population size N and its
number of replications; --sharey gives the dates' panels one y scale.
"""

import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_io  # noqa: E402
import netadopt_io  # noqa: E402
import plot_style  # noqa: E402

RESIDUAL = "residual"
EXPECTED = ("shapley_mean", "one_at_a_time_mean", "log_gap", "interaction_share_mean", "residual")


def group_labels(ds):
    return [str(g).replace("_", " ") for g in ds["group"].values]


def require_log_layout(ds, path):
    """A decomposition on the log scale (netadopt 10 groups and later), not an older file."""
    missing = [name for name in EXPECTED if name not in ds.data_vars]
    if missing:
        raise netadopt_io.OutputFileError(
            f"'{path}' holds a decomposition without {', '.join(missing)}: expected the log-scale "
            f"layout ({', '.join(EXPECTED)}); rerun `netadopt compare` to write it")


def interval(ds, name):
    """(mean, lower, upper) of `name` per (group, date) from the file's summaries."""
    return tuple(ds[f"{name}_{part}"].transpose("group", "date").values
                 for part in ("mean", "lower", "upper"))


def one_at_a_time(ds):
    """The first direction (first scenario given the second's group), per (group, date)."""
    first = ds["direction"].values[0]
    return tuple(ds[f"one_at_a_time_{part}"].sel(direction=first).transpose("group", "date").values
                 for part in ("mean", "lower", "upper"))


def residual_interval(ds):
    residual = ds["residual"].transpose("decomposition_replication", "date")
    mean, lower, upper = compare_io.t_interval(residual, "decomposition_replication")
    return mean.values, lower.values, upper.values


def bars(axes, positions, mean, lower, upper, **style):
    errors = np.array([mean - lower, upper - mean])
    errors = np.where(np.isfinite(errors), errors, 0.0)
    return axes.bar(positions, mean, yerr=errors, capsize=2, error_kw={"elinewidth": 0.8}, **style)


def percent(ds, date):
    values = [float(ds[f"interaction_share_{part}"].values[date]) for part in ("mean", "lower", "upper")]
    if not np.isfinite(values[0]):
        return "n/a"
    return f"{100 * values[0]:.0f}% [{100 * values[1]:.0f}%, {100 * values[2]:.0f}%]"


def panel_title(ds, date, label):
    gap = float(ds["log_gap_mean"].values[date])
    first, second = compare_io.scenario_names(ds)[:2]
    return (f"{label}: Shapley split of log({first} given {second}'s groups / {first}) = "
            f"{gap:+.2f} (x{np.exp(gap):.2f}); interaction share {percent(ds, date)}")


def draw_date(axes, ds, date, label):
    """One date: Shapley and one-at-a-time bars per group, then the residual."""
    shapley, alone, residual = interval(ds, "shapley"), one_at_a_time(ds), residual_interval(ds)
    groups = len(ds["group"])
    positions, width = np.arange(groups), 0.38
    bars(axes, positions - width / 2, *(part[:, date] for part in shapley), width=width,
         color="C0", label="Shapley value")
    bars(axes, positions + width / 2, *(part[:, date] for part in alone), width=width,
         color="C1", hatch="//", edgecolor="white", label="one at a time: v({g}) - v({})")
    bars(axes, [groups], *(part[date:date + 1] for part in residual), width=width, color="0.6",
         hatch="xx", edgecolor="white", label=f"{RESIDUAL}: log {compare_io.scenario_names(ds)[1]} - v(all)")
    axes.set_xticks(list(positions) + [groups])
    axes.set_xticklabels(group_labels(ds) + [RESIDUAL], rotation=20, ha="right", fontsize=8)
    axes.axhline(0, color="black", linewidth=0.8)
    axes.grid(alpha=0.3, axis="y")
    axes.set_title(panel_title(ds, date, label), fontsize=9)
    axes.set_ylabel("change in log members\nper 1,000 workers", fontsize=8)


def method(ds):
    permutations = int(ds.attrs.get("decomposition_permutations", 0))
    if permutations == 0:
        return "exact Shapley values"
    return f"{permutations} orders per replication in antithetic pairs"


def default_title(ds):
    first, second = compare_io.scenario_names(ds)[:2]
    size = ds.attrs.get("decomposition_population_size")
    population = f"N = {int(size):,} agents, " if size else ""
    return (f"{first} vs {second}: decomposition on the log scale ({population}"
            f"{ds.sizes['decomposition_replication']} replications; {method(ds)}; "
            f"95% Student t intervals of the mean)")


def draw(ds, title=None, sharey=False):
    dates = compare_io.date_labels(ds["date"].values)
    figure, axes = plt.subplots(len(dates), 1, figsize=(13, 3.6 * len(dates)), squeeze=False)
    for date, label in enumerate(dates):
        draw_date(axes[date, 0], ds, date, label)
    handles, _ = axes[0, 0].get_legend_handles_labels()
    handles.append(Line2D([], [], color="black", marker="|", markersize=10, linestyle="none",
                          label=f"error bars: 95% Student t interval of the mean over "
                                f"{ds.sizes['decomposition_replication']} replications"))
    axes[0, 0].legend(handles=handles, fontsize=8, loc="best")
    if sharey:
        plot_style.share_y(axes[:, 0])
    figure.suptitle(title or default_title(ds), fontsize=10)
    figure.tight_layout()
    return figure


def main(argv=None):
    parser = plot_style.make_parser(__doc__, "image to write, .png or .pdf; the other is written "
                                             "beside it (default: OUTPUT_decomposition.png)",
                                    panels=True)
    parser.add_argument("output", help="HDF5 file written by `netadopt compare`")
    args = parser.parse_args(argv)
    plot_style.check_dpi(parser, args.dpi)
    png = args.png or os.path.splitext(args.output)[0] + "_decomposition.png"
    try:
        with compare_io.quiet_warnings(), compare_io.open_comparison(args.output) as ds:
            compare_io.require_decomposition(ds, args.output)
            require_log_layout(ds, args.output)
            written = plot_style.save_figure(draw(ds, args.title, args.sharey), png, args.dpi)
    except netadopt_io.OutputFileError as error:
        print(f"plot_decomposition: {error}", file=sys.stderr)
        return 1
    print(f"wrote {' and '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
