"""The France-US gap split among the input groups, on posterior draws.

At each of decomposition_draws posterior draws (the first of the posterior predictive points),
`netadopt compare france.ini us.ini` runs with the draw's parameters and the calibration's size,
and splits the log of the US/France ratio of members per 1,000 workers on 2005-08-15 among ten
groups (sim/compare/decomposition.cpp: Shapley values by antithetic permutation sampling, the
one-at-a-time effects and the interaction share). The intervals here pool every draw and
replication: they hold the posterior's uncertainty, the simulator's noise and the sampling of
group orders together.
"""

import dataclasses
import os
import subprocess

import h5py
import numpy as np

from calibration import scoring, simulator

DATE = "2005-08-15"
END = "2005-09-01"   # the runs stop after the date: nothing later is read


class DecompositionError(RuntimeError):
    """netadopt compare failed at a posterior draw."""


@dataclasses.dataclass
class GroupShare:
    group: str
    shapley: tuple          # median, lower, upper (log units)
    share: tuple            # of the log ratio
    one_at_a_time: tuple    # France given the US's group alone (log units)


def compare_command(netadopt, settings, keys, point, output):
    command = [netadopt, "compare", settings.scenario_file("france"), settings.scenario_file("us"),
               "-o", output, "--force", "--quiet", "--dates", DATE,
               "--decomposition-size", str(settings.population_size),
               "--decomposition-replications", str(settings.decomposition_replications),
               "--decomposition-permutations", str(settings.decomposition_permutations),
               "--set", f"run.replications={settings.decomposition_replications}"]
    # Size, end and founders as every calibration run has them (simulator.base_overrides, from
    # France's platforms; --set applies to both countries, and the US's one platform takes the
    # same scaled founders as France's first).
    base = simulator.base_overrides(netadopt, settings.scenario_file("france"), settings.population_size, END)
    command += [a for key, value in base.items() for a in ("--set", f"{key}={value}")]
    for key, value in zip(keys, point):
        command += ["--set", f"{key}={value!r}"]
    return command


def run_draws(settings, ws, keys, points):
    """One compare file per draw (skipped when it is there); returns their paths."""
    paths = []
    for d, point in enumerate(points[:settings.decomposition_draws]):
        path = ws.path(f"decomposition_draw{d}.h5")
        if not os.path.exists(path):
            ws.say(f"decomposition: draw {d + 1} of {settings.decomposition_draws}")
            done = subprocess.run(compare_command(ws.netadopt, settings, keys, point, path + ".part.h5"),
                                  capture_output=True, text=True)
            if done.returncode != 0:
                raise DecompositionError(f"netadopt compare at posterior draw {d} failed "
                                         f"(exit {done.returncode}): {done.stderr.strip()[-2000:]}")
            os.replace(path + ".part.h5", path)
        paths.append(path)
    return paths


def pooled(paths, name, index=()):
    values = []
    for path in paths:
        with h5py.File(path, "r") as f:
            values.append(np.asarray(f[name][index + (Ellipsis,)])[..., 0])  # the one date
    return np.concatenate(values, axis=-1)


def summarize(paths):
    """Per group: Shapley value, share and one-at-a-time effect (median and 90% interval over
    draws x replications); the log ratio and the interaction share likewise."""
    with h5py.File(paths[0], "r") as f:
        groups = [g.decode() if isinstance(g, bytes) else str(g) for g in f["group"][:]]
    shapley, share = pooled(paths, "shapley"), pooled(paths, "shapley_share")
    oat = pooled(paths, "one_at_a_time", (0,))
    rows = [GroupShare(g, tuple(scoring.quantiles(shapley[i])), tuple(scoring.quantiles(share[i])),
                       tuple(scoring.quantiles(oat[i]))) for i, g in enumerate(groups)]
    gap = tuple(scoring.quantiles(pooled(paths, "log_gap")))
    interaction = tuple(scoring.quantiles(pooled(paths, "interaction_share")))
    return rows, gap, interaction, shapley, oat


def format_lines(paths, rows, gap, interaction):
    lines = [f"Decomposition of log(US/France) on {DATE} at {len(paths)} posterior draws "
             "(median [90% over draws x replications]):",
             f"  log ratio {gap[0]:+.2f} [{gap[1]:+.2f}, {gap[2]:+.2f}]  (x{np.exp(gap[0]):.2f}); "
             f"interaction share {100 * interaction[0]:.0f}% [{100 * interaction[1]:.0f}%, "
             f"{100 * interaction[2]:.0f}%]",
             f"  {'group':24s} {'Shapley (log)':>24s} {'share':>22s} {'one at a time (log)':>26s}"]
    for r in rows:
        lines.append(f"  {r.group:24s} {r.shapley[0]:+6.2f} [{r.shapley[1]:+.2f}, {r.shapley[2]:+.2f}]"
                     f"  {100 * r.share[0]:5.0f}% [{100 * r.share[1]:4.0f}%, {100 * r.share[2]:4.0f}%]"
                     f"  {r.one_at_a_time[0]:+6.2f} [{r.one_at_a_time[1]:+.2f}, {r.one_at_a_time[2]:+.2f}]")
    return lines
