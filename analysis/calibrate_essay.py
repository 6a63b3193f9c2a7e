#!/usr/bin/python3
"""Calibrates the essay model on France and the US, tests it on held-out points and benchmark
models, and predicts the countries left out (Germany). One command, resumable:

    /usr/bin/python3 analysis/calibrate_essay.py scenarios/history_matching.ini -o results/calibration

Stages (each leaves files in the output folder; rerunning the command skips what is done and
resumes a sweep where it stopped):
  1. history matching: waves of simulator runs (a Latin hypercube over the priors, then points
     drawn from the space not yet ruled out), a Gaussian-process emulator per target
     (scikit-learn), implausibility > threshold ruled out, until the space stops shrinking;
  2. posterior: MCMC (emcee) on the last wave's emulators;
  3. posterior predictive: the real simulator at posterior draws, every country, to predict_until;
  4. benchmarks: a culture-free Bass model, the network model with every hypothesis off, each
     hypothesis alone, scored on the held-out points (--no-benchmarks skips them);
  5. report: calibration.h5, report.txt, predictions/<country>.csv, and plots (plot_calibration.py).

Why a Python driver and not `netadopt calibrate`: the emulators and the sampler are
scikit-learn's and emcee's (Debian packages, well tested); the simulator runs stay in C++ as
`netadopt sweep` batches. Clusters: each batch's sweep file is written to the output folder
before it runs (NAME.sweep.ini); to run a batch on SLURM, `netadopt slurm NAME.sweep.ini
--tasks N -o NAME.h5`, submit, and rerun this command: it finds the merged NAME.h5 and goes on.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from calibration import (culture_free, decomposition, observations, pipeline, results, scoring,  # noqa: E402
                         settings as settings_module, simulator)

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BENCHMARK_END = "2010-06-01"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="calibrate_essay.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 2)[2])
    parser.add_argument("settings", help="calibration file (scenarios/history_matching.ini)")
    parser.add_argument("-o", "--output", default=os.path.join("results", "calibration"),
                        help="work and output folder (created; default results/calibration)")
    parser.add_argument("--netadopt", default=os.path.join(REPO, "build", "release", "netadopt"),
                        help="the simulator (default build/release/netadopt)")
    parser.add_argument("--threads", type=int, default=0, help="threads per sweep (default: all)")
    parser.add_argument("--no-benchmarks", action="store_true", help="skip stage 4")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--ship", metavar="DIR",
                        help="also write what the main job reads to DIR (scenarios/calibrated): "
                             "posterior.csv, medians.args, report.txt, predictions/, PROVENANCE")
    return parser.parse_args(argv)


def check_folder(args, settings):
    """The folder belongs to this calibration file: a resumed run cannot mix two settings."""
    os.makedirs(args.output, exist_ok=True)
    stamp = os.path.join(args.output, "settings.digest")
    if os.path.exists(stamp):
        with open(stamp, encoding="utf-8") as handle:
            if handle.read().strip() != settings.digest:
                raise settings_module.SettingsError(
                    f"{args.output} holds a calibration from another version of {settings.path}: "
                    "use another -o folder, or remove this one to start over")
    else:
        with open(stamp, "w", encoding="utf-8") as handle:
            handle.write(settings.digest + "\n")


def variants(settings):
    """Benchmarks (b) every hypothesis off, (c) each alone on top of (b), (d) all on ("all": the
    full model under the benchmarks' one-wave procedure, beside "full", the history-matched
    calibration): (name, fixed overrides)."""
    everything = {}
    for h in settings.hypotheses:
        everything.update(h.overrides)
    found = [("none", dict(everything))]
    for h in settings.hypotheses:
        fixed = {k: v for k, v in everything.items() if k not in h.overrides}
        found.append((f"none+{h.name}", fixed))
    found.append(("all", {}))
    return found


def variant_problem(settings, name, fixed):
    free = tuple(p for p in settings.priors if p.key not in fixed)
    return pipeline.Problem(name, free, fixed, observations.fitted(settings))


def score_problem(settings, ws, problem, heldout):
    """Benchmark calibration: one wave, posterior, a few draws run to the held-out dates."""
    waves = pipeline.run_waves(settings, ws, problem, max_waves=1, first_points=settings.benchmark_points)
    draws, _, _ = pipeline.run_posterior(settings, ws, problem, waves)
    n = min(40, settings.posterior_draws)
    _, runs = pipeline.run_predictive(settings, ws, problem, draws, settings.countries, BENCHMARK_END, n)
    predicted = results.predicted_at_targets(settings, runs, heldout)
    return scoring.series_scores(predicted, heldout, settings.errors["discrepancy"])


def culture_free_scores(settings, ws, heldout):
    resolved = {c: simulator.resolved_scenario(ws.netadopt, settings.scenario_file(c))
                for c in settings.countries}
    launches = culture_free.launch_dates(resolved, settings.fit_series())
    fitted = observations.fitted(settings)
    draws = culture_free.fit(launches, fitted, settings.errors["discrepancy"], settings.seed)
    chosen = pipeline.choose_draws(draws, 400, settings.seed)
    predicted = np.stack([culture_free.predict(theta, launches, heldout) for theta in chosen])
    return scoring.series_scores(predicted, heldout, settings.errors["discrepancy"]), draws


def benchmark_table(settings, ws, heldout, full_scores):
    table = []
    scores, _ = culture_free_scores(settings, ws, heldout)
    table += [("culture_free", s) for s in scores]
    for name, fixed in variants(settings):
        ws.say(f"benchmark {name}")
        table += [(name, s) for s in score_problem(settings, ws, variant_problem(settings, name, fixed), heldout)]
    table += [("full", s) for s in full_scores]
    return table


def format_report(settings, problem, waves, draws, acceptance, heldout_scores, series_scores,
                  ratio, benchmarks):
    lines = [f"Calibration of the essay model: {settings.path}",
             f"fitted on {len(problem.targets)} points up to {settings.fit_until}; "
             f"{len(heldout_scores)} held out", "", "History matching:"]
    for w in waves:
        lines.append(f"  wave {w.index}: {len(w.points)} points, non-implausible "
                     f"{100 * w.fraction:.3g}% of the prior box, emulator CV standardized errors "
                     f"mean {np.nanmean(w.cross_validation):+.2f} sd {np.nanstd(w.cross_validation):.2f}")
    lines += ["", f"Posterior (MCMC acceptance {acceptance:.2f}): median [90% interval]"]
    q = scoring.quantiles(draws)
    for j, p in enumerate(problem.priors):
        lines.append(f"  {p.key:42s} {q[0, j]:10.4g} [{q[1, j]:.4g}, {q[2, j]:.4g}]"
                     f"   prior [{p.low:g}, {p.high:g}]{' log' if p.log else ''}")
    rq = scoring.quantiles(ratio)
    lines += ["", f"US/France members per 1,000 workers on {results.RATIO_DATE}: {rq[0]:.2f} "
              f"[{rq[1]:.2f}, {rq[2]:.2f}] (data: 3-6)", "", "Held-out points (90% predictive):"]
    for s in heldout_scores:
        lines.append(f"  {s.target.name:32s} observed {s.target.per_1000:8.3g}  predicted "
                     f"{s.median:8.3g} [{s.lower:.3g}, {s.upper:.3g}]  log error {s.log_error:+.2f}")
    lines += ["", "Held-out RMS log error of the predictive median [90% over draws], log score:"]
    lines += [f"  {s.series:20s} {s.rms:6.2f} [{s.rms_lower:.2f}, {s.rms_upper:.2f}]  {s.log_score:7.2f}"
              for s in series_scores]
    if benchmarks:
        lines += ["", "Benchmarks, held-out error on all held-out points:",
                  f"  {'variant':16s} {'RMS log error':>14s} {'90% interval':>16s} {'log score':>10s}"]
        rows = [(v, s) for v, s in benchmarks if s.series == "all"]
        for v, s in rows:
            lines.append(f"  {v:16s} {s.rms:14.2f}   [{s.rms_lower:5.2f}, {s.rms_upper:5.2f}] {s.log_score:10.2f}")
        lines += [""] + supported_lines(rows)
    return "\n".join(lines) + "\n"


SUPPORT_NATS = 1.0


def verdict(base, variant, targets):
    """Supported: adding the hypothesis raises the held-out log score, summed over the held-out
    points, by at least SUPPORT_NATS (odds of e to 1 on these points) and lowers the RMS log
    error; otherwise not supported by these data (worse, or no clear difference)."""
    gain = (variant.log_score - base.log_score) * targets
    if gain >= SUPPORT_NATS and variant.rms < base.rms:
        return gain, "supported"
    if gain <= -SUPPORT_NATS:
        return gain, "not supported by these data (held-out prediction worse)"
    return gain, "not supported by these data (no clear difference)"


def supported_lines(rows):
    by = dict(rows)
    if "none" not in by:
        return []
    base = by["none"]
    out = [f"Hypotheses, each added alone to the model with every hypothesis off (supported: the "
           f"held-out log score, summed over {base.targets} points, rises by {SUPPORT_NATS:g} nat or "
           f"more and the RMS log error falls):"]
    for v, s in rows:
        if v.startswith("none+"):
            gain, word = verdict(base, s, base.targets)
            out.append(f"  {v[5:]:4s} RMS {base.rms:.2f} -> {s.rms:.2f}, log score {gain:+.2f} nat: {word}")
    return out


def run(args):
    settings = settings_module.load(args.settings)
    check_folder(args, settings)
    ws = pipeline.Workspace(args.output, args.netadopt, args.threads, args.quiet)
    problem = pipeline.full_problem(settings)
    heldout = observations.held_out(settings)
    waves = pipeline.run_waves(settings, ws, problem)
    draws, log_prob, acceptance = pipeline.run_posterior(settings, ws, problem, waves)
    countries = settings.countries + settings.predict
    chosen, runs = pipeline.run_predictive(settings, ws, problem, draws, countries,
                                           settings.predict_until, settings.posterior_draws)
    predicted = results.predicted_at_targets(settings, runs, heldout)
    heldout_scores = scoring.target_scores(predicted, heldout)
    series_scores = scoring.series_scores(predicted, heldout, settings.errors["discrepancy"])
    benchmarks = [] if args.no_benchmarks else benchmark_table(settings, ws, heldout, series_scores)
    ratio = results.ratio_draws(runs)
    keys = [p.key for p in problem.priors]
    split, split_lines = run_decomposition(settings, ws, keys, chosen)
    results.write_hdf5(ws.path("calibration.h5"), settings, observations.targets(settings), waves, keys,
                       draws, log_prob, acceptance, chosen, runs, heldout_scores, benchmarks, split)
    write_predictions(settings, ws, runs)
    report = format_report(settings, problem, waves, draws, acceptance, heldout_scores,
                           series_scores, ratio, benchmarks)
    report += "\n".join([""] + split_lines + [""]) if split_lines else ""
    with open(ws.path("report.txt"), "w", encoding="utf-8") as handle:
        handle.write(report)
    print(report, end="")
    if args.ship:
        ship(args, settings, ws, problem, draws, report)
    ws.say(f"done: {ws.path('calibration.h5')}, {ws.path('report.txt')}")


def run_decomposition(settings, ws, keys, chosen):
    """Stage 5: the gap's decomposition at posterior draws; (HDF5 data, report lines)."""
    if settings.decomposition_draws == 0:
        return None, []
    with ws.stage("decomposition"):
        paths = decomposition.run_draws(settings, ws, keys, chosen)
    rows, gap, interaction, shapley, oat = decomposition.summarize(paths)
    data = (rows, decomposition.pooled(paths, "log_gap"), decomposition.pooled(paths, "interaction_share"),
            shapley, oat)
    return data, decomposition.format_lines(paths, rows, gap, interaction)


def write_predictions(settings, ws, runs):
    folder = ws.path("predictions")
    os.makedirs(folder, exist_ok=True)
    header = [f"Posterior predictive members per 1,000 workers (median and central 90% of "
              f"{len(next(iter(runs.values())).failed)} posterior draws, one run each, "
              f"{settings.population_size} agents)",
              f"from {settings.path} (digest {settings.digest}), fitted on France and the US up "
              f"to {settings.fit_until}; made {datetime.date.today()}",
              "command: /usr/bin/python3 analysis/calibrate_essay.py " + " ".join(sys.argv[1:])]
    for country in runs:
        rows = [r for r in results.prediction_rows(settings, {country: runs[country]}, "2004-01-01")]
        results.write_prediction_csv(os.path.join(folder, f"{country}.csv"), rows, header)


def ship(args, settings, ws, problem, draws, report):
    """The posterior, its medians as --set arguments, the report and the predictions, with
    their provenance, in a folder the main job reads without recalibrating."""
    os.makedirs(args.ship, exist_ok=True)
    keys = [p.key for p in problem.priors]
    thinned = pipeline.choose_draws(draws, min(len(draws), 4000), settings.seed)
    pipeline.save_points(os.path.join(args.ship, "posterior.csv"), problem, thinned)
    medians = np.median(draws, axis=0)
    with open(os.path.join(args.ship, "medians.args"), "w", encoding="utf-8") as handle:
        handle.writelines(f"--set\n{k}={m:.6g}\n" for k, m in zip(keys, medians))
    shutil.copy(ws.path("report.txt"), os.path.join(args.ship, "report.txt"))
    shutil.copytree(ws.path("predictions"), os.path.join(args.ship, "predictions"), dirs_exist_ok=True)
    with open(os.path.join(args.ship, "PROVENANCE"), "w", encoding="utf-8") as handle:
        handle.write(f"made {datetime.datetime.now().isoformat(timespec='seconds')} by\n"
                     f"  /usr/bin/python3 analysis/calibrate_essay.py {' '.join(sys.argv[1:])}\n"
                     f"calibration file {settings.path}, digest {settings.digest}\n"
                     f"simulator {ws.netadopt}: {_version(ws.netadopt)}\n"
                     f"posterior.csv: {len(thinned)} of {len(draws)} MCMC draws (emulator posterior)\n"
                     f"stage times (s): {json.dumps(ws.stage_seconds)}\n")


def _version(netadopt):
    done = subprocess.run([netadopt, "version"], capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        run(args)
    except (settings_module.SettingsError, simulator.SimulatorError,
            decomposition.DecompositionError) as error:
        print(f"calibrate_essay.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("calibrate_essay.py: interrupted; rerun the same command to resume", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
