"""Calibration priors: named, bounded parameters, uniform or log-uniform.

Why a unit scale: the emulator, history matching and the MCMC all work on [0, 1]^k, on which
every prior here is uniform (a log-uniform prior is uniform in log space). One pair of maps,
to_unit and from_unit, keeps the natural scale out of every other module, and the choice of
scale is recorded once, on the Prior, with the reason for the range.
"""

from dataclasses import dataclass

import numpy as np
from scipy.stats import qmc


@dataclass(frozen=True)
class Prior:
    """One calibrated parameter: uniform on [low, high], or log-uniform there when `log`."""
    name: str
    key: str
    low: float
    high: float
    log: bool = False
    why: str = ""

    def __post_init__(self):
        if not self.low < self.high:
            raise ValueError(f"prior {self.name}: low {self.low} is not below high {self.high}")
        if self.log and self.low <= 0:
            raise ValueError(f"prior {self.name}: a log prior needs low > 0, found {self.low}")


def _is_log(priors):
    return np.array([p.log for p in priors])


def _bounds(priors):
    """Each prior's ends on its sampling scale (log for log priors): two arrays of length k."""
    ends = [np.log((p.low, p.high)) if p.log else (p.low, p.high) for p in priors]
    return np.array(ends, dtype=float).T


def _as_matrix(priors, X):
    """X as an (n, k) float array, one column per prior."""
    X = np.atleast_2d(np.asarray(X, dtype=float))
    if X.shape[1] != len(priors):
        raise ValueError(f"expected {len(priors)} columns (one per prior), found {X.shape[1]}")
    return X


def to_unit(priors, X):
    """Natural values (n, k) to the unit box; values outside a prior land outside [0, 1]."""
    X = _as_matrix(priors, X)
    low, high = _bounds(priors)
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = np.where(_is_log(priors), np.log(X), X)
    return (scaled - low) / (high - low)


def from_unit(priors, U):
    """Unit-box points (n, k) to natural values: the inverse of to_unit."""
    U = _as_matrix(priors, U)
    low, high = _bounds(priors)
    scaled = low + U * (high - low)
    with np.errstate(over="ignore"):
        return np.where(_is_log(priors), np.exp(scaled), scaled)


def latin_hypercube(priors, n, seed):
    """n natural-scale points of a scrambled Latin hypercube on the unit box, seeded."""
    design = qmc.LatinHypercube(d=len(priors), scramble=True, seed=seed)
    return from_unit(priors, design.random(n))


def in_support(priors, X):
    """Boolean (n,): whether each row of X lies inside every prior's range."""
    U = to_unit(priors, X)
    return np.all((U >= 0.0) & (U <= 1.0), axis=1)
