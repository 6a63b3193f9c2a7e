"""History matching: rule out the inputs whose outputs cannot match the observations.

Why (Vernon, Goldstein & Bower 2010, Bayesian Analysis 5:619; Andrianakis et al. 2015):
- Implausibility I_j(u) = |z_j - E f_j(u)| / sqrt(V_em + V_obs + V_disc + V_noise) sets the
  distance to the data against every variance that could explain it: the emulator's, the
  observation's, the model discrepancy's, and the stochastic simulator's own run-to-run noise
  (the world is one realization, as a single run is).
- A point is ruled out when its largest implausibility reaches 3 (Pukelsheim's three-sigma
  rule: any unimodal distribution keeps at least 95% of its mass within 3 sd). The second
  largest (order=2) is more forgiving of one poorly emulated output.
- Waves: each wave's emulator is fitted inside the earlier waves' non-implausible space and is
  trusted only there, so a point must pass every wave so far.
- Sampling is by rejection from uniform candidates on the unit box, which also estimates the
  non-implausible fraction of the prior box: an honest, binomial, measure of shrinkage.
"""

import warnings

import numpy as np

from .priors import from_unit


def implausibility(mean, emulator_var, observed, observation_var, discrepancy_var, noise_var):
    """Per-output implausibility |z - E f| / sqrt(sum of the four variances); broadcasts."""
    total = emulator_var + observation_var + discrepancy_var + noise_var
    return np.abs(np.asarray(observed) - mean) / np.sqrt(total)


def max_implausibility(I, order=1):
    """The order-th largest implausibility of each row of I (N, m); nan outputs are ignored."""
    I = np.atleast_2d(I)
    if not 1 <= order <= I.shape[1]:
        raise ValueError(f"order {order} is not between 1 and the {I.shape[1]} outputs")
    ranked = -np.sort(-np.where(np.isnan(I), -np.inf, I), axis=1)
    return ranked[:, order - 1]


def non_implausible(emulators, U, observed, obs_var, disc_var, threshold=3.0, order=1):
    """Boolean (N,): which unit-scale points U pass every emulator (one or a list of waves)."""
    emulators = emulators if isinstance(emulators, (list, tuple)) else [emulators]
    U = np.atleast_2d(U)
    keep = np.ones(len(U), dtype=bool)
    for emulator in emulators:
        rows = np.flatnonzero(keep)
        mean, var = emulator.predict(U[rows])
        I = implausibility(mean, var, observed, obs_var, disc_var, emulator.noise_var)
        keep[rows] = max_implausibility(I, order) < threshold
    return keep


def sample_non_implausible(emulators, priors, observed, obs_var, disc_var, n_wanted, seed,
                           threshold=3.0, candidates_per_round=20000, max_rounds=50, order=1):
    """Points drawn uniformly (on the unit scale) from the space every wave keeps.

    Returns (X, fraction): X, up to n_wanted natural-scale points (n_wanted, k), and the
    fraction of all uniform candidates tested that passed, an estimate of the non-implausible
    share of the prior box. Warns when max_rounds end with fewer than n_wanted points.
    """
    rng = np.random.default_rng(seed)
    kept, tested = [], 0
    for _ in range(max_rounds):
        U = rng.random((candidates_per_round, len(priors)))
        kept.append(U[non_implausible(emulators, U, observed, obs_var, disc_var, threshold,
                                      order)])
        tested += len(U)
        if sum(map(len, kept)) >= n_wanted:
            break
    found = np.concatenate(kept)
    if len(found) < n_wanted:
        warnings.warn(f"found {len(found)} non-implausible points of the {n_wanted} wanted "
                      f"among {tested} candidates", RuntimeWarning)
    return from_unit(priors, found[:n_wanted]), len(found) / tested


def space_shrunk(previous_fraction, current_fraction, tolerance=0.1):
    """Whether the space fell by at least `tolerance` (relative): if not, stop the waves."""
    if not previous_fraction > 0:
        raise ValueError(f"previous fraction {previous_fraction} is not positive")
    return current_fraction < (1.0 - tolerance) * previous_fraction
