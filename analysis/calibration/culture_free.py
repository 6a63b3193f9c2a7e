"""Benchmark (a): a culture-free model, launch dates and media only.

Each platform in each country follows one Bass curve from its launch date there, with the same
innovation p (media), imitation q and market potential M (members per 1,000 workers) for every
platform and country:
    members(t) = M F(t - launch),  F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
No network, no roles, no culture: if this predicts the held-out points as well as the essay's
model, the data do not need the essay's mechanisms. Fitted by emcee on the same targets, errors
and discrepancy as the simulator (its likelihood is exact here: no emulator is needed).
"""

import math

import emcee
import numpy as np

from calibration.priors import Prior, from_unit

PRIORS = (
    Prior("p", "bass.p", 1e-4, 1.0, True, "innovation (media) per year"),
    Prior("q", "bass.q", 1e-2, 5.0, True, "imitation per year"),
    Prior("M", "bass.market_per_1000", 1.0, 1000.0, True, "market potential, per 1,000 workers"),
)


def bass_fraction(years, p, q):
    years = np.maximum(years, 0.0)
    e = np.exp(-(p + q) * years)
    return (1.0 - e) / (1.0 + (q / p) * e)


def predict(theta, launches, targets):
    """Members per 1,000 workers at each target; launches: {series name: launch datetime64}."""
    p, q, M = theta
    years = np.array([(t.date - launches[t.series]) / np.timedelta64(1, "D") / 365.25 for t in targets])
    return M * bass_fraction(years, p, q)


def _log_likelihood(theta, launches, targets, variance):
    predicted = predict(theta, launches, targets)
    observed = np.array([t.log_value for t in targets])
    residual = np.log(np.maximum(predicted, 1e-12)) - observed
    return -0.5 * np.sum(residual ** 2 / variance + np.log(variance))


def fit(launches, targets, discrepancy_sd, seed, walkers=24, steps=4000, burn=1500):
    """Posterior draws of (p, q, M), natural scale, (n, 3)."""
    variance = np.array([t.log_sd ** 2 + discrepancy_sd ** 2 for t in targets])

    def log_prob(u):
        if np.any(u < 0) or np.any(u > 1):
            return -math.inf
        return _log_likelihood(from_unit(PRIORS, u[None, :])[0], launches, targets, variance)

    rng = np.random.default_rng(seed)
    start = rng.uniform(0.05, 0.95, size=(walkers, len(PRIORS)))
    sampler = emcee.EnsembleSampler(walkers, len(PRIORS), log_prob)
    sampler.random_state = np.random.RandomState(seed % 2**32).get_state()
    sampler.run_mcmc(start, steps, progress=False)
    chain = sampler.get_chain(discard=burn, flat=True)
    return from_unit(PRIORS, chain)


def launch_dates(resolved_by_country, series_list):
    """{series name: launch date} from each country's resolved scenario (platformN.launch)."""
    launches = {}
    for series in series_list:
        resolved = resolved_by_country[series.country]
        for n in range(1, int(resolved["platforms.count"]) + 1):
            if resolved[f"platform{n}.name"] == series.model_platform:
                launches[series.name] = np.datetime64(resolved[f"platform{n}.launch"], "D")
    return launches

