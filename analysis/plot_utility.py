"""Plots the utility terms of one platform by role over time, from an essay-model run: why a role
joins or stays away (middle managers, in France).

    /usr/bin/python3 analysis/plot_utility.py OUT.h5 [-o utility.png] [--group france]
                                              [--platform NAME] [--smooth K] [--dpi N]
                                              [--title TEXT] [--sharey]

One panel per role; a line per term of the utility U (costs negative): the mean of the term
among the agents of the role who evaluated the platform in each reporting interval (the file's
utility_terms), averaged over the replications where someone evaluated (NaN, a gap, where nobody
did in any replication). The thick black line is U, the sum of the terms; the dashed line is the
join threshold theta = adoption.threshold_base + adoption.threshold_uncertainty x
culture.uncertainty_avoidance / 100. --smooth K takes a centred moving mean over K reporting
times (ignoring gaps; 1, the default, plots the means as they are). OUT.h5 is a `netadopt run`
output, or a `netadopt compare` file with --group naming one of its runs. The title gives
the scenario, its population size N and the number of replications; --sharey gives the roles'
panels one y scale.
"""

import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_io  # noqa: E402
import netadopt_io  # noqa: E402
import plot_style  # noqa: E402


def require_terms(ds, path):
    expected = ("replication", "time", "platform", "role", "term")
    if "utility_terms" not in ds.data_vars or ds["utility_terms"].dims != expected:
        found = (f"'utility_terms' with dims {ds['utility_terms'].dims}"
                 if "utility_terms" in ds.data_vars
                 else f"'{ds.attrs.get('title', 'no title')}' with variables "
                      f"{', '.join(list(ds.data_vars)[:8]) or 'none'}")
        raise netadopt_io.OutputFileError(
            f"'{path}': expected an essay-model run with 'utility_terms' of dims {expected}, "
            f"found {found}")


def pick_platform(ds, platform):
    names = [str(p) for p in ds["platform"].values]
    if platform is None:
        return names[0]
    if platform not in names:
        raise netadopt_io.OutputFileError(
            f"no platform '{platform}' in this run; it has {', '.join(names)}")
    return platform


def mean_terms(ds, platform, smooth=1):
    """Terms by (time, role, term): mean over the replications where someone evaluated."""
    terms = ds["utility_terms"].sel(platform=platform)
    evaluated = terms.notnull()
    count = evaluated.sum("replication")
    mean = terms.fillna(0.0).sum("replication") / count.where(count > 0)
    if smooth > 1:
        mean = mean.rolling(time=smooth, center=True, min_periods=1).mean()
    return mean


def threshold(ds):
    try:
        base = float(netadopt_io.scenario_value(ds, "adoption.threshold_base"))
        slope = float(netadopt_io.scenario_value(ds, "adoption.threshold_uncertainty"))
        uai = float(netadopt_io.scenario_value(ds, "culture.uncertainty_avoidance"))
    except netadopt_io.OutputFileError:
        return None
    return base + slope * uai / 100.0


def draw(ds, platform, smooth=1, title=None, sharey=False):
    means = mean_terms(ds, platform, smooth)
    roles = [str(r) for r in ds["role"].values]
    terms = [str(t) for t in ds["term"].values]
    columns = 2 if len(roles) > 1 else 1
    rows = (len(roles) + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(7.5 * columns, 4.2 * rows), sharex=True,
                                sharey=sharey, squeeze=False)
    times = ds["time"].values
    theta = threshold(ds)
    for index, role in enumerate(roles):
        ax = axes[index // columns][index % columns]
        per_role = means.sel(role=role)
        for t, term in enumerate(terms):
            ax.plot(times, per_role.sel(term=term).values, color=f"C{t}", linewidth=1.2,
                    label=term.replace("_", " "), gid=f"term:{role}:{term}")
        total = per_role.sum("term", skipna=False)
        ax.plot(times, total.values, color="black", linewidth=2.2, label="U (sum)",
                gid=f"total:{role}")
        if theta is not None:
            ax.axhline(theta, color="black", linestyle="--", linewidth=1,
                       label=f"threshold theta = {theta:.2f}")
        ax.axhline(0, color="grey", linewidth=0.6)
        ax.set_title(netadopt_io.role_name(role), fontsize=10)
        ax.grid(alpha=0.3)
        if index % columns == 0 or not sharey:
            ax.set_ylabel("utility")
    for index in range(len(roles), rows * columns):
        axes[index // columns][index % columns].set_visible(False)
    handles, labels = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=min(len(labels), 6), fontsize=8)
    smoothing = f", moving mean over {smooth} reports" if smooth > 1 else ""
    figure.suptitle(title or f"{netadopt_io.run_description(ds)}\n{platform}: utility terms "
                             f"among the agents who evaluated it (mean over the replications "
                             f"where someone did{smoothing})")
    figure.autofmt_xdate()
    figure.tight_layout(rect=(0, 0.06, 1, 1))
    return figure


def main(argv=None):
    parser = plot_style.make_parser(__doc__, "image to write, .png or .pdf; the other is written "
                                             "beside it (default: OUTPUT_utility.png)", panels=True)
    parser.add_argument("output", help="`netadopt run` output (essay), or a `netadopt compare` file")
    parser.add_argument("--group", help="the run of a comparison file to plot (france, us)")
    parser.add_argument("--platform", help="platform to plot (default: the run's first)")
    parser.add_argument("--smooth", type=int, default=1,
                        help="centred moving mean over this many reporting times (default 1: none)")
    args = parser.parse_args(argv)
    if args.smooth < 1:
        parser.error(f"--smooth: expected a count >= 1, found {args.smooth}")
    plot_style.check_dpi(parser, args.dpi)
    suffix = f"_{args.group}" if args.group else ""
    png = args.png or os.path.splitext(args.output)[0] + f"{suffix}_utility.png"
    try:
        with compare_io.quiet_warnings(), compare_io.open_run(args.output, args.group) as ds:
            require_terms(ds, args.output)
            platform = pick_platform(ds, args.platform)
            figure = draw(ds, platform, args.smooth, args.title, args.sharey)
            written = plot_style.save_figure(figure, png, args.dpi)
    except netadopt_io.OutputFileError as error:
        print(f"plot_utility: {error}", file=sys.stderr)
        return 1
    print(f"wrote {' and '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
