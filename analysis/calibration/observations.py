"""The observed points the calibration fits and the ones it holds out.

Each row of membership.csv that a [series.*] section matches becomes a Target: members per
1,000 workers at a date, with a log standard deviation from the stated error model (reported,
inferred, company claim; plus the world-to-US conversion for LinkedIn's worldwide figures).
Points after fit_until are held out: they never reach the emulators or the posterior, and are
used only to score predictions. LinkedIn's worldwide figures before fit_until are converted
with a constant US share from 2004 (the later share comes from a 2010 figure, which is held
out); after fit_until with the share interpolated to that 2010 figure, as analysis/compare_io.py
does for plots.
"""

import dataclasses
import math

import numpy as np

import compare_io


@dataclasses.dataclass(frozen=True)
class Target:
    series: str
    date: np.datetime64
    per_1000: float
    log_sd: float
    held_out: bool
    source: str

    @property
    def name(self):
        return f"{self.series}@{self.date}"

    @property
    def log_value(self):
        return math.log(self.per_1000)


def _base_log_sd(row, errors):
    if errors["claim_marker"].lower() in row.get("source", "").lower():
        return errors["claim"]
    if row.get("confidence", "").strip() == "inferred":
        return errors["inferred"]
    return errors["reported"]


def _series_targets(series, rows, settings):
    errors, targets = settings.errors, []
    direct_dates = {r["date"] for r in rows if r["geography"].strip() == "us"}
    for row in rows:
        date, geography = row["date"], row["geography"].strip()
        if date < settings.fit_from:
            continue
        held_out = bool(date > settings.fit_until)
        log_sd, members = _base_log_sd(row, errors), row["members"]
        if geography == "world" and "us" in series.data_geography:
            if held_out and date in direct_dates:
                continue  # the direct US figure of that date is used instead
            if held_out:
                members *= float(compare_io.linkedin_us_share(date))
            else:
                members *= errors["world_to_us_share"]
                log_sd = math.hypot(log_sd, errors["world_to_us"])
        targets.append(Target(series.name, date, 1000.0 * members / series.workforce, log_sd,
                              held_out, row.get("source", "").strip()))
    return targets


def targets(settings):
    """Every fitted or held-out point, in membership.csv's order within each series."""
    rows = compare_io.read_membership(settings.data)
    found = []
    for series in settings.fit_series():
        matched = [r for r in rows if r["platform"].strip() == series.data_platform
                   and r["geography"].strip() in series.data_geography]
        found.extend(_series_targets(series, matched, settings))
    return found


def fitted(settings):
    return [t for t in targets(settings) if not t.held_out]


def held_out(settings):
    return [t for t in targets(settings) if t.held_out]
