"""Plots an essay-model output by role: for each platform, the share of each role that is an
active member (per 1,000 agents of the role), the mean over replications with the band holding
the central 95% of replications; and, below, the mean utility terms by role at the end of the
run (why a role joins or stays away).

    /usr/bin/python3 analysis/plot_roles.py OUT.h5 [-o roles.png]
"""

import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netadopt_io  # noqa: E402

ROLE_COLOURS = {"executive": "tab:blue", "salesperson": "tab:orange",
                "middle_manager": "tab:green", "job_seeker": "tab:red"}


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
                label=str(role).replace("_", " "))
    ax.set_title(f"{platform}: active members by role")
    ax.set_ylabel("per 1,000 agents of the role")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)


def draw_terms(ax, ds, platform):
    """Mean of each utility term by role over the last year of the run (NaN-aware)."""
    terms = ds["utility_terms"].sel(platform=platform)
    last_year = terms.isel(time=slice(-13, None)).mean(["replication", "time"], skipna=True)
    table = last_year.to_pandas()  # role x term
    table.T.plot.bar(ax=ax, color=[ROLE_COLOURS.get(r) for r in table.index], width=0.8)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_title(f"{platform}: utility terms among those who evaluated, last year")
    ax.set_ylabel("utility")
    ax.tick_params(axis="x", labelrotation=30)
    ax.legend(fontsize=8)


def draw(ds):
    share = active_share_by_role(ds)
    platforms = [str(p) for p in ds["platform"].values]
    fig, axes = plt.subplots(2, len(platforms), figsize=(7 * len(platforms), 8), squeeze=False)
    for column, platform in enumerate(platforms):
        draw_adoption(axes[0][column], share, platform)
        draw_terms(axes[1][column], ds, platform)
    fig.suptitle(os.path.basename(str(ds.attrs.get("scenario_file", ""))))
    fig.tight_layout()
    return fig


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="HDF5 file written by `netadopt run` with run.model = essay")
    parser.add_argument("-o", "--png", help="image to write (default: OUTPUT with .png)")
    args = parser.parse_args(argv)
    png = args.png or os.path.splitext(args.output)[0] + "_roles.png"
    try:
        with netadopt_io.open_output(args.output) as ds:
            draw(ds).savefig(png, dpi=110)
    except netadopt_io.OutputFileError as error:
        print(f"plot_roles: {error}", file=sys.stderr)
        return 1
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
