"""Plots a France/US comparison (`netadopt compare`): the adoption curve of each role in each
country, the all-platform members per 1,000 workers of both countries beside the observed data,
and the US/France ratio with its 95% interval.

    /usr/bin/python3 analysis/plot_compare.py FVU.h5 [-o compare.png] [--data membership.csv]
                                              [--dpi N] [--title TEXT] [--sharey]

Top: members (active or dormant) on any platform per 1,000 agents of each role, from each
country's full run (the file's groups), mean over replications with the band holding the central
95% of replications; the dotted line is 10% of the role, and a marker shows the date the role
reaches it (replications pooled, as the file records it).
Bottom left, log scale: all-platform members per 1,000 workers (members / agents x
population.workforce_share x 1000; where unset, its derived value cadres_share + sales_share),
mean and central 95% band, each platform's mean dashed, and
the observed points: Viaduc and LinkedIn in France over France's 25.8M workers, LinkedIn's
worldwide members times its US share over the US's 142.5M workers (as the calibration does).
Bottom right: us / france of all-platform members per 1,000 workers, the geometric mean over
paired replications (common random numbers) at every reporting time, and the file's ratio with
its 95% Student t interval at the compare dates.

The title gives each scenario, its population size N and its number of replications; --sharey
gives the two countries' role panels one y scale.
"""

import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_io  # noqa: E402
import netadopt_io  # noqa: E402
import plot_style  # noqa: E402

ROLE_COLOURS = plot_style.ROLE_COLOURS
COUNTRY_COLOURS = {"france": "tab:blue", "us": "tab:red"}
SERIES_MARKERS = {"Viaduc, France": "s", "LinkedIn, France": "D", "LinkedIn, world x US share": "o"}
THRESHOLD_PER_1000 = 100.0  # the file's share_threshold, 10%


def colour_of(country, index):
    return COUNTRY_COLOURS.get(country, f"C{index}")


def band(axes, times, values, colour, label):
    summary = netadopt_io.summarize_replications(values)
    axes.fill_between(times, summary["lower"].values, summary["upper"].values, color=colour,
                      alpha=0.2, linewidth=0)
    return axes.plot(times, summary["mean"].values, color=colour, label=label)[0]


def draw_roles(axes, run, country, root):
    share = compare_io.any_platform_per_1000_of_role(run)
    times = run["time"].values
    reached = root["date_share_reached"].sel(scenario=country) \
        if "date_share_reached" in root.data_vars else None
    for role in [str(r) for r in share["role"].values]:
        colour = ROLE_COLOURS.get(role)
        band(axes, times, share.sel(role=role), colour, netadopt_io.role_name(role))
        if reached is not None and role in reached["role"].values:
            when = reached.sel(role=role).values
            if not np.isnat(when):
                axes.plot([when], [THRESHOLD_PER_1000], marker="v", color=colour, markersize=7,
                          markeredgecolor="black", linestyle="none")
    axes.axhline(THRESHOLD_PER_1000, color="grey", linestyle=":", linewidth=1)
    replications = run.sizes["replication"]
    axes.set_title(f"{country}: members on any platform by role", fontsize=10)
    axes.set_ylabel("members per 1,000 agents of the role")
    axes.grid(alpha=0.3)
    handles, _ = axes.get_legend_handles_labels()
    handles.append(plot_style.band_legend_entry(replications))
    axes.legend(handles=handles, fontsize=8, loc="upper left")


# One dash pattern per platform, for the 8 a scenario may declare (platforms.count <= 8).
PLATFORM_STYLES = ["--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 3)), (0, (8, 2)),
                   (0, (3, 1, 1, 1)), (0, (2, 2, 6, 2))]


def draw_levels(axes, runs, data_path):
    for index, (country, run) in enumerate(runs.items()):
        colour = colour_of(country, index)
        times = run["time"].values
        total = compare_io.any_platform_per_1000_workers(run)
        positive = total.where(total > 0)
        band(axes, times, positive, colour, f"{country}: model, any platform")
        per_platform = compare_io.platform_per_1000_workers(run).mean("replication")
        if per_platform.sizes["platform"] > 1:
            for style, platform in zip(PLATFORM_STYLES, per_platform["platform"].values):
                series = per_platform.sel(platform=platform)
                axes.plot(times, series.where(series > 0).values, color=colour, linestyle=style,
                          linewidth=1, label=f"{country}: model, {platform}")
    if data_path:
        for (country, label), (dates, values) in compare_io.observed_per_1000_workers(data_path).items():
            if country not in runs:
                continue
            axes.plot(dates.astype("datetime64[ns]"), values, linestyle="none",
                      marker=SERIES_MARKERS.get(label, "o"), markersize=6,
                      markerfacecolor=colour_of(country, list(runs).index(country)),
                      markeredgecolor="black", label=f"observed: {label}", gid=f"observed:{label}")
    axes.set_yscale("log")
    axes.set_title("all-platform members per 1,000 workers, model and data", fontsize=10)
    axes.set_ylabel("members per 1,000 workers (log)")
    axes.grid(alpha=0.3, which="both")
    handles, _ = axes.get_legend_handles_labels()
    replications = next(iter(runs.values())).sizes["replication"]
    handles.append(plot_style.band_legend_entry(replications))
    axes.legend(handles=handles, fontsize=7, loc="lower right")


def paired_ratio(runs, numerator, denominator):
    """exp of the mean over replications of log(numerator / denominator), at each time."""
    top = compare_io.any_platform_per_1000_workers(runs[numerator])
    bottom = compare_io.any_platform_per_1000_workers(runs[denominator])
    if top.sizes != bottom.sizes or not np.array_equal(top["time"].values, bottom["time"].values):
        return None
    logs = np.log(top.where(top > 0).values / bottom.where(bottom > 0).values)
    return np.exp(np.nanmean(logs, axis=0))


def draw_ratio(axes, root, runs):
    first, second = compare_io.scenario_names(root)[:2]
    curve = paired_ratio(runs, second, first)
    if curve is not None:
        axes.plot(runs[first]["time"].values, curve, color="black", linewidth=1,
                  label="geometric mean over paired replications")
    dates = root["date"].values
    ratio = root["ratio"].values
    errors = np.array([ratio - root["ratio_lower"].values, root["ratio_upper"].values - ratio])
    axes.errorbar(dates, ratio, yerr=errors, fmt="o", color="tab:purple", capsize=4,
                  label="at the compare dates, 95% interval", gid="ratio")
    for date, value in zip(dates, ratio):
        axes.annotate(f"{value:.2f}", (date, value), textcoords="offset points", xytext=(6, 6),
                      fontsize=8)
    axes.axhline(1.0, color="grey", linewidth=0.8)
    axes.set_yscale("log")
    axes.set_title(f"{second} / {first}: all-platform members per 1,000 workers", fontsize=10)
    axes.set_ylabel("ratio (log)")
    axes.grid(alpha=0.3, which="both")
    axes.legend(fontsize=8)


def draw(root, runs, data_path, title=None, sharey=False):
    countries = list(runs)
    figure, axes = plt.subplots(2, 2, figsize=(15, 10))
    for column, country in enumerate(countries[:2]):
        draw_roles(axes[0][column], runs[country], country, root)
    if sharey:
        plot_style.share_y(axes[0])
    draw_levels(axes[1][0], runs, data_path)
    draw_ratio(axes[1][1], root, runs)
    figure.suptitle(title or " vs ".join(f"{name} (N = {netadopt_io.population_size(run):,} "
                                         f"agents, {netadopt_io.replications(run)} replications)"
                                         for name, run in runs.items()))
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure


def render(path, png, data_path, dpi=plot_style.DEFAULT_DPI, title=None, sharey=False):
    with compare_io.quiet_warnings():
        with compare_io.open_comparison(path) as root:
            names = compare_io.scenario_names(root)
            runs = {name: compare_io.open_run(path, group=name) for name in names}
            try:
                for name, run in runs.items():
                    compare_io.require_essay(run, path, f"the run '{name}'")
                figure = draw(root, runs, data_path, title, sharey)
                return plot_style.save_figure(figure, png, dpi)
            finally:
                for run in runs.values():
                    run.close()


def main(argv=None):
    parser = plot_style.make_parser(__doc__, "image to write, .png or .pdf; the other is written "
                                             "beside it (default: OUTPUT_compare.png)", panels=True)
    parser.add_argument("output", help="HDF5 file written by `netadopt compare`")
    parser.add_argument("--data", default=compare_io.DEFAULT_DATA,
                        help="observed membership CSV (default: scenarios/data/membership.csv)")
    parser.add_argument("--no-data", action="store_true", help="plot no observed points")
    args = parser.parse_args(argv)
    plot_style.check_dpi(parser, args.dpi)
    png = args.png or os.path.splitext(args.output)[0] + "_compare.png"
    try:
        if not args.no_data and not os.path.exists(args.data):
            raise netadopt_io.OutputFileError(f"data file '{args.data}' does not exist")
        written = render(args.output, png, None if args.no_data else args.data, args.dpi,
                         args.title, args.sharey)
    except netadopt_io.OutputFileError as error:
        print(f"plot_compare: {error}", file=sys.stderr)
        return 1
    print(f"wrote {' and '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
