#!/usr/bin/python3
"""Plot how netadopt's cost grows with the network: time per event and memory per agent
against the number of agents N, for SIR and the essay model, from the CSV that
`netadopt_bench --scaling --csv FILE` writes.

    /usr/bin/python3 analysis/plot_scaling.py bench/scaling.csv -o bench/scaling.png

Left: wall time per event in nanoseconds (the runs only; SIR's network is built before the
clock starts, the essay's population and network are built inside it). Right: peak resident
memory per agent, as measured (VmHWM of the case's process, less what it held when it
started), and the same without the network's ties (SIR: 8 bytes per undirected tie; essay:
4 bytes per tie end, counted at the end of the run). Both axes are logarithmic.
"""

import csv
import sys

import plot_style

SERIES = {"sir_scaling": ("SIR, Erdős-Rényi k = 10", "tab:blue"),
          "essay_scaling": ("essay, France scenario", "tab:orange")}


class ScalingError(ValueError):
    pass


def read_rows(path):
    """The scaling rows of a netadopt_bench CSV: {case: [(N, ns per event, B per agent,
    B per agent beyond the ties)]}, sorted by N."""
    try:
        with open(path, newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise ScalingError(f"{path}: cannot read it ({error.strerror})") from error
    needed = {"case", "agents", "events", "wall_seconds", "base_bytes", "peak_bytes",
              "bytes_per_agent_beyond_ties"}
    if not rows or not needed <= set(rows[0]):
        raise ScalingError(f"{path}: not a netadopt_bench CSV (expected the columns "
                           f"{', '.join(sorted(needed))})")
    series = {}
    for line, row in enumerate(rows, start=2):
        if row["case"] not in SERIES:
            continue
        try:
            agents, events = int(row["agents"]), int(row["events"])
            wall = float(row["wall_seconds"])
            per_agent = (float(row["peak_bytes"]) - float(row["base_bytes"])) / agents
            beyond = float(row["bytes_per_agent_beyond_ties"])
        except (ValueError, ZeroDivisionError) as error:
            raise ScalingError(f"{path}:{line}: a value is not a number ({error})") from error
        if events <= 0:
            raise ScalingError(f"{path}:{line}: case {row['case']} has no events")
        series.setdefault(row["case"], []).append((agents, 1e9 * wall / events, per_agent, beyond))
    if not series:
        raise ScalingError(f"{path}: no scaling rows (cases {', '.join(SERIES)}); write them "
                           "with netadopt_bench --scaling --csv FILE")
    return {case: sorted(points) for case, points in series.items()}


def draw(series, title=None):
    figure, (time_axes, memory_axes) = plot_style.plt.subplots(1, 2, figsize=(11, 4.2))
    for case, points in series.items():
        label, colour = SERIES[case]
        n = [p[0] for p in points]
        time_axes.plot(n, [p[1] for p in points], "o-", color=colour, label=label)
        memory_axes.plot(n, [p[2] for p in points], "o-", color=colour, label=f"{label}: all")
        memory_axes.plot(n, [p[3] for p in points], "s--", color=colour,
                         label=f"{label}: beyond the ties")
    for axes, ylabel in ((time_axes, "wall time per event (ns)"),
                         (memory_axes, "peak memory per agent (bytes)")):
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xlabel("agents N")
        axes.set_ylabel(ylabel)
        axes.grid(True, which="both", alpha=0.3)
        axes.legend(fontsize="small")
    figure.suptitle(title or "netadopt: cost as the network grows (one core)")
    figure.tight_layout()
    return figure


def main(argv=None):
    parser = plot_style.make_parser(__doc__, "the image to write (default: beside the CSV)")
    parser.add_argument("csv", help="a CSV written by netadopt_bench --scaling --csv FILE")
    args = parser.parse_args(argv)
    plot_style.check_dpi(parser, args.dpi)
    try:
        series = read_rows(args.csv)
    except ScalingError as error:
        print(f"plot_scaling.py: {error}", file=sys.stderr)
        return 1
    target = args.png or args.csv.rsplit(".", 1)[0] + ".png"
    for path in plot_style.save_figure(draw(series, args.title), target, args.dpi):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
