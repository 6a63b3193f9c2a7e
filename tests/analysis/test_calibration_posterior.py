"""analysis/calibration end to end: two waves of history matching and an MCMC posterior for
the Bass (1969) curve, a "simulator" whose answer is known.

    /usr/bin/python3 test_calibration_posterior.py

Simulator: log F(t) at 6 dates, F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}), with
lognormal noise of sd 0.05 on every run. Truth p = 0.01, q = 0.4; log-uniform priors
p in [0.001, 0.1], q in [0.05, 1.5]. The observation is one run at the truth, so the
simulator's noise is its only error (observation and discrepancy variances are 0).
Besides covering the truth, the emulator's posterior is compared with the exact one, computed
on a fine grid from the Bass formula itself.
"""

import os
import sys
import time
from functools import partial

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "analysis"))
from calibration import emulator as em            # noqa: E402
from calibration import history_matching as hm    # noqa: E402
from calibration import posterior as post         # noqa: E402
from calibration import priors as pr              # noqa: E402

SEED = 1969
DATES = np.array([2.0, 4.0, 6.0, 8.0, 10.0, 12.0])    # years
NOISE_SD = 0.05
TRUTH = np.array([[0.01, 0.4]])
PRIORS = [pr.Prior("p", "bass.p", 0.001, 0.1, log=True, why="innovation, two decades"),
          pr.Prior("q", "bass.q", 0.05, 1.5, log=True, why="imitation, weak to strong")]
POINTS, REPLICATES = 40, 2
OBS_VAR, DISC_VAR = np.zeros(len(DATES)), np.zeros(len(DATES))
NWALKERS, NSTEPS, BURN = 32, 2500, 500
GRID = 1000                                         # cells per unit-box side, exact posterior
REFERENCE = 100_000                                 # uniform points to measure the space kept


def bass_log_f(X):
    """log F at DATES for each row (p, q) of X: (n, 6)."""
    p, q = X[:, :1], X[:, 1:]
    decay = np.exp(-(p + q) * DATES)
    return np.log((1 - decay) / (1 + q / p * decay))


def simulate(X, rng):
    return bass_log_f(X) + rng.normal(0.0, NOISE_SD, (len(X), len(DATES)))


def check(label, ok, detail):
    print(f"{'ok  ' if ok else 'FAIL'} {label}: {detail}")
    assert ok, label


def run_wave(X, rng):
    """Runs each point REPLICATES times; returns the unit inputs, outputs and an emulator."""
    X = np.repeat(X, REPLICATES, axis=0)
    U, Y = pr.to_unit(PRIORS, X), simulate(X, rng)
    return U, Y, em.Emulator(U, Y, seed=SEED)


def truth_implausibility(emulator, observed):
    mean, var = emulator.predict(pr.to_unit(PRIORS, TRUTH))
    I = hm.implausibility(mean, var, observed, OBS_VAR, DISC_VAR, emulator.noise_var)
    return hm.max_implausibility(I)[0]


def kept_fraction(emulators, observed, reference):
    return hm.non_implausible(emulators, reference, observed, OBS_VAR, DISC_VAR).mean()


def history_match(rng, observed):
    """Wave 1 on a Latin hypercube, wave 2 inside its non-implausible space."""
    reference = np.random.default_rng(SEED + 1).random((REFERENCE, len(PRIORS)))
    X1 = pr.latin_hypercube(PRIORS, POINTS, SEED)
    U1, Y1, first = run_wave(X1, rng)
    kept1 = kept_fraction(first, observed, reference)
    I1 = truth_implausibility(first, observed)
    check("wave 1 keeps the true point", I1 < 3.0, f"max implausibility {I1:.2f}")
    check("wave 1 rules out most of the prior box", kept1 < 0.05,
          f"{kept1:.4f} of {REFERENCE} uniform points kept")
    X2, _ = hm.sample_non_implausible([first], PRIORS, observed, OBS_VAR, DISC_VAR, POINTS,
                                      SEED)
    kept = hm.non_implausible(first, U1, observed, OBS_VAR, DISC_VAR)
    U2, Y2, _ = run_wave(X2, rng)
    second = em.Emulator(np.vstack([U1[kept], U2]), np.vstack([Y1[kept], Y2]), seed=SEED)
    I2 = truth_implausibility(second, observed)
    check("wave 2 keeps the true point", I2 < 3.0, f"max implausibility {I2:.2f}")
    kept2 = kept_fraction([first, second], observed, reference)
    decision = "another wave" if hm.space_shrunk(kept1, kept2) else "stop"
    check("the non-implausible space shrinks after wave 1", kept2 < kept1,
          f"prior box 1 -> {kept1:.4f} -> {kept2:.4f}: space_shrunk says "
          f"{decision}")
    return first, second


def exact_intervals(observed, level=0.9):
    """Median and central interval of each parameter from the exact posterior on a grid."""
    cells = (np.arange(GRID) + 0.5) / GRID
    U = np.stack(np.meshgrid(cells, cells, indexing="ij"), axis=-1).reshape(-1, 2)
    misfit = np.sum((observed - bass_log_f(pr.from_unit(PRIORS, U))) ** 2, axis=1)
    weight = np.exp(-0.5 * (misfit - misfit.min()) / NOISE_SD**2).reshape(GRID, GRID)
    tail = (1 - level) / 2
    marginals = [weight.sum(axis=1), weight.sum(axis=0)]
    unit = [np.interp([0.5, tail, 1 - tail], np.cumsum(m) / m.sum(), cells) for m in marginals]
    return pr.from_unit(PRIORS, np.column_stack(unit))     # rows: median, low, high


def check_posterior(result, observed):
    summary = result.summary(level=0.9)
    exact = exact_intervals(observed)
    for i, (prior, true) in enumerate(zip(PRIORS, TRUTH[0])):
        median, low, high = summary[prior.name]
        check(f"true {prior.name} inside the 90% interval", low < true < high,
              f"{true} in [{low:.4g}, {high:.4g}], median {median:.4g}")
        width = np.log(high / low)
        narrower = width / np.log(prior.high / prior.low)
        check(f"{prior.name}: 90% interval narrower than the prior (log width)", narrower < 0.5,
              f"{narrower:.3f} of the prior's")
        exact_width = np.log(exact[2, i] / exact[1, i])
        shift = abs(np.log(median / exact[0, i])) / exact_width
        check(f"{prior.name}: median within 1/4 of the exact 90% width of the exact median",
              shift < 0.25, f"{median:.4g} vs {exact[0, i]:.4g}, shift {shift:.3f} widths")
        check(f"{prior.name}: 90% width within a factor 1.5 of the exact",
              1 / 1.5 < width / exact_width < 1.5, f"ratio {width / exact_width:.3f}")
    # The stretch move accepts about 0.7 of its proposals on a 2-D Gaussian target.
    check("acceptance fraction in [0.2, 0.9]", 0.2 < result.acceptance_fraction < 0.9,
          f"{result.acceptance_fraction:.3f}")
    tau = result.autocorr_time
    check("chain after burn-in > 50 autocorrelation times (emcee's advice)",
          np.all(NSTEPS - BURN > 50 * tau), f"tau {tau.round(1)}, {NSTEPS - BURN} steps")


def main():
    start = time.time()
    rng = np.random.default_rng(SEED)
    observed = simulate(TRUTH, rng)[0]
    first, second = history_match(rng, observed)
    restrict = partial(hm.non_implausible, first, observed=observed, obs_var=OBS_VAR,
                       disc_var=DISC_VAR)   # where the wave-2 emulator was trained
    result = post.sample_posterior(second, PRIORS, observed, OBS_VAR, DISC_VAR, NWALKERS,
                                   NSTEPS, BURN, seed=SEED, restrict=restrict)
    draws = NWALKERS * (NSTEPS - BURN)
    check("draws on the natural scale, inside the priors and `restrict`",
          result.draws.shape == (draws, 2) and np.all(pr.in_support(PRIORS, result.draws))
          and np.all(restrict(pr.to_unit(PRIORS, result.draws[::50]))), result.draws.shape)
    check_posterior(result, observed)
    print(f"all checks passed in {time.time() - start:.1f} s")


if __name__ == "__main__":
    main()
