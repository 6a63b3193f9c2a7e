"""Scores predictions against observed points: each posterior draw's simulated series against
the held-out targets.

Per target: the predictive median and 90% interval, and the log error log(median / observed).
Per series: the RMS log error of the median, with a 90% interval from the RMS of each draw;
and the log score, the mean over targets of log p(observed), p the predictive density of the
log observation (a mixture over draws of normals with the observation and discrepancy
variances). Lower RMS and higher log score are better.
"""

import dataclasses
import math

import numpy as np

LEVEL = 0.9


@dataclasses.dataclass(frozen=True)
class TargetScore:
    target: object
    median: float
    lower: float
    upper: float

    @property
    def log_error(self):
        return math.log(self.median / self.target.per_1000)


@dataclasses.dataclass(frozen=True)
class SeriesScore:
    series: str
    targets: int
    rms: float
    rms_lower: float
    rms_upper: float
    log_score: float


def quantiles(values, axis=0):
    tail = (1.0 - LEVEL) / 2.0
    return np.quantile(values, [0.5, tail, 1.0 - tail], axis=axis)


def target_scores(predicted, targets):
    """predicted: (draw, target) members per 1,000 workers."""
    q = quantiles(predicted)
    return [TargetScore(t, q[0, j], q[1, j], q[2, j]) for j, t in enumerate(targets)]


def _log_score(log_draws, observed, variance):
    density = np.exp(-0.5 * (observed - log_draws) ** 2 / variance) / math.sqrt(2 * math.pi * variance)
    return math.log(max(density.mean(), 1e-300))


def series_scores(predicted, targets, discrepancy_sd):
    """One SeriesScore per series, and one for all the targets together ("all")."""
    log_pred = np.log(np.maximum(predicted, 1e-12))
    observed = np.array([t.log_value for t in targets])
    names = sorted({t.series for t in targets}) + ["all"]
    scores = []
    for name in names:
        cols = [j for j, t in enumerate(targets) if name in ("all", t.series)]
        errors = log_pred[:, cols] - observed[cols]
        median_error = np.median(log_pred[:, cols], axis=0) - observed[cols]
        per_draw = np.sqrt(np.mean(errors ** 2, axis=1))
        _, low, high = quantiles(per_draw)
        score = np.mean([_log_score(log_pred[:, j], observed[j],
                                    targets[j].log_sd ** 2 + discrepancy_sd ** 2) for j in cols])
        scores.append(SeriesScore(name, len(cols), float(np.sqrt(np.mean(median_error ** 2))),
                                  float(low), float(high), float(score)))
    return scores
