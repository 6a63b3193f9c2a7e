"""Bayesian calibration on an emulator: MCMC (emcee) over the priors' unit box.

Why:
- The emulator stands in for the simulator in a Gaussian likelihood (Kennedy & O'Hagan 2001),
    log L(u) = -1/2 sum_j [(z_j - m_j(u))^2 / V_j(u) + log V_j(u)],
    V_j(u) = emulator var + simulator noise var + observation var + discrepancy var,
  so where the emulator is unsure the likelihood is flatter, not falsely sharp. log V_j stays
  in because V_j depends on u through the emulator's variance.
- On the unit box every prior here is flat (log-uniform priors are uniform in log space), so
  the log prior is 0 inside and -inf outside. `restrict` (a mask of unit points) can add the
  region where the emulator is to be trusted, e.g. the space the last wave kept.
- emcee's affine-invariant ensemble needs no tuning and copes with correlated parameters
  (the Bass p and q trade off). All walkers are evaluated in one call, since one GP prediction
  of many points costs about as much as of one.
- Outputs are whatever scale the emulator was fitted on (e.g. log adoption); an output whose
  observation is nan is left out.
"""

from dataclasses import dataclass
from typing import NamedTuple

import emcee
import numpy as np
from scipy.stats import qmc

from .priors import from_unit

START_BATCH = 4096  # Latin hypercube points per try for walker starts inside `restrict`
START_TRIES = 100   # 409,600 points: 32 walkers found in a region of ~1e-4 of the box


class Interval(NamedTuple):
    median: float
    low: float
    high: float


@dataclass
class Posterior:
    """Posterior draws on the natural scale and the sampler's diagnostics."""
    priors: list
    draws: np.ndarray               # (n, k), after burn-in and thinning, walkers flattened
    log_prob: np.ndarray            # (n,)
    acceptance_fraction: float      # mean over walkers
    autocorr_time: np.ndarray       # (k,) steps; unreliable when the chain is short

    def summary(self, level=0.9):
        """Median and central `level` interval of each parameter, by prior name."""
        tail = 50.0 * (1.0 - level)
        q = np.percentile(self.draws, [50.0, tail, 100.0 - tail], axis=0)
        return {p.name: Interval(*q[:, i]) for i, p in enumerate(self.priors)}


def log_likelihood(emulator, U, observed, obs_var, disc_var):
    """Gaussian log likelihood (N,) of the observations at unit points U (N, k)."""
    mean, var = emulator.predict(U)
    total = var + emulator.noise_var + obs_var + disc_var
    terms = (np.asarray(observed) - mean) ** 2 / total + np.log(total)
    return -0.5 * np.nansum(terms, axis=1)


def _inside(U, restrict):
    inside = np.all((U >= 0.0) & (U <= 1.0), axis=1)
    if restrict is not None and inside.any():
        inside[inside] = restrict(U[inside])
    return inside


def _log_posterior(U, emulator, observed, obs_var, disc_var, restrict):
    log_p = np.full(len(U), -np.inf)
    inside = _inside(U, restrict)
    if inside.any():
        log_p[inside] = log_likelihood(emulator, U[inside], observed, obs_var, disc_var)
    return log_p


def _starts(k, nwalkers, seed, restrict):
    """nwalkers unit points from seeded Latin hypercubes, inside `restrict` where given."""
    design = qmc.LatinHypercube(d=k, scramble=True, seed=seed)
    if restrict is None:
        return design.random(nwalkers)
    found = []
    for _ in range(START_TRIES):
        U = design.random(max(nwalkers, START_BATCH))
        found.append(U[restrict(U)])
        if sum(map(len, found)) >= nwalkers:
            return np.concatenate(found)[:nwalkers]
    raise ValueError(f"only {sum(map(len, found))} of {nwalkers} walker starts found inside "
                     f"`restrict` among {START_TRIES * max(nwalkers, START_BATCH)} Latin "
                     "hypercube points")


def sample_posterior(emulator, priors, observed, obs_var, disc_var, nwalkers, nsteps, burn,
                     seed, thin=1, restrict=None):
    """Runs emcee on the emulator's likelihood; returns a Posterior (natural-scale draws)."""
    args = (emulator, observed, obs_var, disc_var, restrict)
    sampler = emcee.EnsembleSampler(nwalkers, len(priors), _log_posterior, args=args,
                                    vectorize=True)
    start = _starts(len(priors), nwalkers, seed, restrict)
    sampler.run_mcmc(start, nsteps, rstate0=np.random.RandomState(seed).get_state())
    U = sampler.get_chain(discard=burn, thin=thin, flat=True)
    return Posterior(list(priors), from_unit(priors, U),
                     sampler.get_log_prob(discard=burn, thin=thin, flat=True),
                     float(np.mean(sampler.acceptance_fraction)),
                     sampler.get_autocorr_time(discard=burn, thin=thin, quiet=True))
