"""Plots an essay-model output by role: for each platform, the share of each role that is an
active member (per 1,000 agents of the role), the mean over replications with the band holding
the central 95% of replications; and, below, the mean utility terms by role at the end of the
run (why a role joins or stays away).

    /usr/bin/python3 analysis/plot_roles.py OUT.h5 [-o roles.png] [--dpi N] [--title TEXT]
                                            [--sharey]

The last year is the reporting times within 365.25 days of the run's last one, whatever
output.interval_days is. --sharey gives the platforms' adoption panels one y scale, and their
utility panels another.
"""

import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netadopt_io  # noqa: E402
import plot_style  # noqa: E402

DAYS_PER_YEAR = 365.25

ROLE_COLOURS = plot_style.ROLE_COLOURS


def active_share_by_role(ds):
    """Active members per 1,000 agents of each role: (replication, time, platform, role)."""
    members = ds["members"]
    expected = ("replication", "time", "platform", "role", "status")
    if members.dims != expected:
        raise netadopt_io.OutputFileError(
            f"expected 'members' with dims {expected} (an essay-model output), found {members.dims}")
    in_role = members.sum("status")
    return 1000.0 * members.sel(status="active") / in_role.where(in_role > 0)


def draw_adoption(ax, share, platform):
    for role in share["role"].values:
        series = share.sel(platform=platform, role=role)
        summary = netadopt_io.summarize_replications(series)
        colour = ROLE_COLOURS.get(str(role))
        ax.fill_between(series["time"].values, summary["lower"].values, summary["upper"].values,
                        color=colour, alpha=0.2, linewidth=0)
        ax.plot(series["time"].values, summary["mean"].values, color=colour,
                label=netadopt_io.role_name(role))
    ax.set_title(f"{platform}: active members by role")
    ax.set_ylabel("active members per 1,000 agents of the role")
    ax.grid(alpha=0.3)
    handles, _ = ax.get_legend_handles_labels()
    handles.append(plot_style.band_legend_entry(share.sizes["replication"]))
    ax.legend(handles=handles, fontsize=8)


def last_year(times):
    """A boolean mask of the reporting times within 365.25 days of the last one."""
    since = (times - times[-1]) / np.timedelta64(1, "D")
    return since >= -DAYS_PER_YEAR


def draw_terms(ax, ds, platform):
    """Mean of each utility term by role over the last year of the run (NaN-aware)."""
    terms = ds["utility_terms"].sel(platform=platform)
    window = terms.isel(time=last_year(terms["time"].values))
    table = window.mean(["replication", "time"], skipna=True).to_pandas()  # role x term
    colours = [ROLE_COLOURS.get(r) for r in table.index]
    table.index = [netadopt_io.role_name(r) for r in table.index]
    table.columns = [str(t).replace("_", " ") for t in table.columns]
    table.T.plot.bar(ax=ax, color=colours, width=0.8)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_title(f"{platform}: utility terms among those who evaluated, last year")
    ax.set_ylabel("utility")
    ax.tick_params(axis="x", labelrotation=30)
    ax.legend(fontsize=8)


def draw(ds, title=None, sharey=False):
    share = active_share_by_role(ds)
    platforms = [str(p) for p in ds["platform"].values]
    fig, axes = plt.subplots(2, len(platforms), figsize=(7 * len(platforms), 8), squeeze=False)
    for column, platform in enumerate(platforms):
        draw_adoption(axes[0][column], share, platform)
        draw_terms(axes[1][column], ds, platform)
    if sharey:
        for row in axes:
            plot_style.share_y(row)
    fig.suptitle(title or netadopt_io.run_description(ds))
    fig.tight_layout()
    return fig


def main(argv=None):
    parser = plot_style.make_parser(__doc__, "image to write, .png or .pdf; the other is written "
                                             "beside it (default: OUTPUT_roles.png)", panels=True)
    parser.add_argument("output", help="HDF5 file written by `netadopt run` with run.model = essay")
    args = parser.parse_args(argv)
    plot_style.check_dpi(parser, args.dpi)
    png = args.png or os.path.splitext(args.output)[0] + "_roles.png"
    try:
        with netadopt_io.open_output(args.output) as ds:
            written = plot_style.save_figure(draw(ds, args.title, args.sharey), png, args.dpi)
    except netadopt_io.OutputFileError as error:
        print(f"plot_roles: {error}", file=sys.stderr)
        return 1
    print(f"wrote {' and '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
