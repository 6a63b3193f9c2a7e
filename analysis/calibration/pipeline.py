"""The calibration's stages, each resumable from the files it leaves in the work folder.

    waves       design -> simulator (one list-design sweep per country) -> emulators ->
                implausibility; the next wave's points are drawn from the space not ruled out;
                stop when that space shrinks by less than wave_tolerance, or at max_waves
    posterior   emcee on the last wave's emulators, inside the non-implausible space
    predictive  the real simulator at posterior draws, every country, to predict_until

A stage's result is a file (wave<w>_points.csv, wave<w>.npz, posterior.npz, predictive_*.h5):
rerunning the same command skips what is there and resumes a sweep where it stopped. The
emulators are refitted from the saved runs (seeded, so identical) rather than pickled.
"""

import contextlib
import dataclasses
import json
import os
import sys
import time

import numpy as np

from calibration import history_matching, observations, posterior, priors, simulator
from calibration.emulator import Emulator


@dataclasses.dataclass
class Workspace:
    folder: str
    netadopt: str
    threads: int = 0
    quiet: bool = False
    started: float = dataclasses.field(default_factory=time.time)

    def path(self, name):
        return os.path.join(self.folder, name)

    @property
    def stage_seconds(self):
        """Seconds spent in each stage, over every run of the command in this folder."""
        path = self.path("stage_seconds.json")
        if not os.path.exists(path):
            return {}
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)

    @contextlib.contextmanager
    def stage(self, name):
        start = time.time()
        yield
        seconds = self.stage_seconds
        seconds[name] = round(seconds.get(name, 0.0) + time.time() - start, 1)
        with open(self.path("stage_seconds.json.tmp"), "w", encoding="utf-8") as handle:
            json.dump(seconds, handle, indent=1)
        os.replace(self.path("stage_seconds.json.tmp"), self.path("stage_seconds.json"))

    def say(self, message):
        if not self.quiet:
            minutes, seconds = divmod(int(time.time() - self.started), 60)
            print(f"[{minutes:3d}:{seconds:02d}] {message}", file=sys.stderr, flush=True)


@dataclasses.dataclass
class Problem:
    """What one calibration fits: priors (free parameters), fixed overrides, targets."""
    name: str
    priors: tuple
    fixed: dict
    targets: list

    @property
    def observed(self):
        return np.array([t.log_value for t in self.targets])

    def observation_var(self):
        return np.array([t.log_sd ** 2 for t in self.targets])


@dataclasses.dataclass
class Wave:
    index: int
    points: np.ndarray      # natural scale, (n, k)
    outputs: np.ndarray     # log members per 1,000 workers, (n, replications, targets)
    emulator: Emulator
    cross_validation: np.ndarray
    implausibility: np.ndarray   # of this wave's points under the waves up to this one
    fraction: float              # of the prior box not ruled out after this wave


def full_problem(settings):
    return Problem("full", settings.priors, {}, observations.fitted(settings))


def save_points(path, problem, points):
    header = ",".join(p.key for p in problem.priors)
    np.savetxt(path + ".tmp", points, delimiter=",", header=header, comments="", fmt="%.17g")
    os.replace(path + ".tmp", path)


def load_points(path):
    return np.atleast_2d(np.loadtxt(path, delimiter=",", skiprows=1))


def simulate(settings, ws, problem, points, tag, countries, end, replications):
    """Runs every country at every point; returns {country: SweepOutput}."""
    keys = [p.key for p in problem.priors]
    outputs = {}
    for country in countries:
        scenario = settings.scenario_file(country)
        base = simulator.base_overrides(ws.netadopt, scenario, settings.population_size, end,
                                        problem.fixed)
        sweep_file, out = ws.path(f"{tag}_{country}.sweep.ini"), ws.path(f"{tag}_{country}.h5")
        simulator.write_sweep_file(sweep_file, scenario, keys, points, base, replications, settings.seed)
        if not simulator.is_complete(out):
            ws.say(f"{tag}: {len(points)} points x {replications} replications of {country}")
        simulator.run_sweep(ws.netadopt, sweep_file, out, ws.threads, ws.quiet)
        outputs[country] = simulator.SweepOutput(out)
    return outputs


def target_outputs(settings, problem, outputs):
    """log members per 1,000 workers at each target: (point, replication, target)."""
    by_name = {s.name: s for s in settings.series}
    columns = []
    for target in problem.targets:
        series = by_name[target.series]
        out = outputs[series.country]
        values = out.at(out.platform(series.model_platform), [target.date])
        columns.append(simulator.log_per_1000(values, out)[:, :, 0])
    return np.stack(columns, axis=2)


def _rows(points_unit, outputs):
    """Replicate rows for the emulator: every (point, replication) pair is a row."""
    n, reps, m = outputs.shape
    return np.repeat(points_unit, reps, axis=0), outputs.reshape(n * reps, m)


def _variances(settings, problem):
    disc = np.full(len(problem.targets), settings.errors["discrepancy"] ** 2)
    return problem.observation_var(), disc


def max_implausibility(settings, problem, emulators, U):
    """Largest implausibility over outputs, and over the waves' emulators, at unit points U."""
    obs_var, disc_var = _variances(settings, problem)
    worst = np.zeros(len(U))
    for emulator in emulators:
        mean, var = emulator.predict(U)
        I = history_matching.implausibility(mean, var, problem.observed, obs_var, disc_var,
                                            emulator.noise_var)
        worst = np.maximum(worst, history_matching.max_implausibility(I))
    return worst


def non_implausible(settings, problem, emulators, U):
    """Which unit points U every wave's emulator keeps (history_matching.non_implausible)."""
    obs_var, disc_var = _variances(settings, problem)
    return history_matching.non_implausible(emulators, U, problem.observed, obs_var, disc_var,
                                            settings.threshold)


def _wave_points(settings, ws, problem, w, emulators, n):
    path = ws.path(f"{problem.name}_wave{w}_points.csv")
    if os.path.exists(path):
        return load_points(path)
    if w == 1:
        points = priors.latin_hypercube(problem.priors, n, settings.seed + w)
    else:
        obs_var, disc_var = _variances(settings, problem)
        points, _ = history_matching.sample_non_implausible(
            emulators, problem.priors, problem.observed, obs_var, disc_var, n,
            seed=settings.seed + w, threshold=settings.threshold)
    save_points(path, problem, points)
    return points


def _wave_outputs(settings, ws, problem, w, points):
    path = ws.path(f"{problem.name}_wave{w}.npz")
    if os.path.exists(path):
        return np.load(path)["outputs"]
    runs = simulate(settings, ws, problem, points, f"{problem.name}_wave{w}", settings.countries,
                    "2010-06-01", settings.replications)
    outputs = target_outputs(settings, problem, runs)
    np.savez(path + ".tmp.npz", points=points, outputs=outputs)
    os.replace(path + ".tmp.npz", path)
    return outputs


def fit_emulator(settings, problem, points, outputs):
    U, Y = _rows(priors.to_unit(problem.priors, points), outputs)
    emulator = Emulator(U, Y, seed=settings.seed)
    cv = Emulator.cross_validate(U, Y, folds=5, seed=settings.seed)
    return emulator, cv


def _fraction(settings, problem, emulators):
    obs_var, disc_var = _variances(settings, problem)
    _, fraction = history_matching.sample_non_implausible(
        emulators, problem.priors, problem.observed, obs_var, disc_var, 1,
        seed=settings.seed, threshold=settings.threshold)
    return fraction


def run_waves(settings, ws, problem, max_waves=None, first_points=None):
    """History matching; returns the waves. Each wave's emulator is fitted on every run so far
    that the earlier waves did not rule out."""
    waves, emulators = [], []
    all_points, all_outputs = [], []
    for w in range(1, (max_waves or settings.max_waves) + 1):
        n = (first_points or settings.wave1_points) if w == 1 else settings.wave_points
        points = _wave_points(settings, ws, problem, w, emulators, n)
        with ws.stage(f"{problem.name}: simulator runs"):
            outputs = _wave_outputs(settings, ws, problem, w, points)
        all_points.append(points)
        all_outputs.append(outputs)
        P, Y = np.concatenate(all_points), np.concatenate(all_outputs)
        if emulators:
            keep = non_implausible(settings, problem, emulators, priors.to_unit(problem.priors, P))
            P, Y = P[keep], Y[keep]
        with ws.stage(f"{problem.name}: emulators and history matching"):
            emulator, cv = fit_emulator(settings, problem, P, Y)
            emulators.append(emulator)
            fraction = _fraction(settings, problem, emulators)
        implaus = max_implausibility(settings, problem, emulators, priors.to_unit(problem.priors, points))
        waves.append(Wave(w, points, outputs, emulator, cv, implaus, fraction))
        ws.say(f"{problem.name} wave {w}: emulator on {len(P)} points, non-implausible "
               f"{100 * fraction:.2f}% of the prior box, cross-validated standardized errors "
               f"sd {np.nanstd(cv):.2f}")
        if fraction == 0.0:
            raise RuntimeError(f"{problem.name}: wave {w} rules out the whole prior box: the model "
                               "cannot reach the data within the stated errors (see the "
                               "implausibility per target in the output)")
        if w > 1 and not history_matching.space_shrunk(waves[-2].fraction, fraction,
                                                       settings.wave_tolerance):
            break
    return waves


def run_posterior(settings, ws, problem, waves):
    path = ws.path(f"{problem.name}_posterior.npz")
    if os.path.exists(path):
        data = np.load(path)
        return data["draws"], data["log_prob"], float(data["acceptance"])
    emulators = [w.emulator for w in waves]
    obs_var, disc_var = _variances(settings, problem)

    def allowed(U):
        return non_implausible(settings, problem, emulators, U)

    ws.say(f"{problem.name}: MCMC, {settings.walkers} walkers x {settings.steps} steps")
    with ws.stage(f"{problem.name}: MCMC"):
        result = posterior.sample_posterior(
            waves[-1].emulator, problem.priors, problem.observed, obs_var, disc_var,
            nwalkers=settings.walkers, nsteps=settings.steps, burn=settings.burn,
            seed=settings.seed, restrict=allowed)
    np.savez(path + ".tmp.npz", draws=result.draws, log_prob=result.log_prob,
             acceptance=result.acceptance_fraction)
    os.replace(path + ".tmp.npz", path)
    return result.draws, result.log_prob, result.acceptance_fraction


def choose_draws(draws, n, seed):
    """n posterior draws for the real simulator, without replacement where there are enough."""
    rng = np.random.default_rng(seed)
    index = rng.choice(len(draws), size=n, replace=len(draws) < n)
    return draws[np.sort(index)]


def run_predictive(settings, ws, problem, draws, countries, end, n):
    path = ws.path(f"{problem.name}_predictive_points.csv")
    if os.path.exists(path):
        chosen = load_points(path)
    else:
        chosen = choose_draws(draws, n, settings.seed)
        save_points(path, problem, chosen)
    with ws.stage(f"{problem.name}: posterior predictive runs"):
        runs = simulate(settings, ws, problem, chosen, f"{problem.name}_predictive", countries, end, 1)
    return chosen, runs
