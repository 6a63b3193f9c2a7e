"""The calibration file (scenarios/history_matching.ini) read into typed settings.

One reader for the whole pipeline, so that every stage sees the same checked values and a
mistake is reported once, naming the file, the section, the key and what is allowed.
"""

import configparser
import dataclasses
import hashlib
import os

import numpy as np

from calibration.priors import Prior


class SettingsError(ValueError):
    """A problem in the calibration file: the message names the file, section and key."""


@dataclasses.dataclass(frozen=True)
class Series:
    name: str
    country: str
    model_platform: str
    data_platform: str = ""
    data_geography: tuple = ()
    workforce: float = 0.0
    predict_only: bool = False


@dataclasses.dataclass(frozen=True)
class Hypothesis:
    name: str
    label: str
    overrides: dict


@dataclasses.dataclass(frozen=True)
class Settings:
    path: str
    text: str
    data: str
    countries: tuple
    predict: tuple
    population_size: int
    replications: int
    seed: int
    wave1_points: int
    wave_points: int
    max_waves: int
    wave_tolerance: float
    threshold: float
    fit_from: np.datetime64
    fit_until: np.datetime64
    walkers: int
    steps: int
    burn: int
    posterior_draws: int
    predict_until: str
    benchmark_points: int
    decomposition_draws: int
    decomposition_replications: int
    decomposition_permutations: int
    errors: dict
    priors: tuple
    series: tuple
    hypotheses: tuple

    @property
    def folder(self):
        return os.path.dirname(os.path.abspath(self.path))

    @property
    def digest(self):
        """Identifies the calibration: a resumed run must have been started from the same file."""
        return hashlib.sha256(self.text.encode()).hexdigest()[:16]

    def scenario_file(self, country):
        return os.path.join(self.folder, f"{country}.ini")

    def fit_series(self):
        return [s for s in self.series if not s.predict_only]


class _Reader:
    def __init__(self, path, config):
        self.path, self.config = path, config

    def fail(self, section, key, message):
        raise SettingsError(f"{self.path}: [{section}] {key}: {message}")

    def text(self, section, key, default=None):
        if not self.config.has_option(section, key):
            if default is None:
                self.fail(section, key, "missing (required)")
            return default
        return " ".join(self.config.get(section, key).split())

    def number(self, section, key, kind, low, high, default=None):
        raw = self.text(section, key, None if default is None else str(default))
        try:
            value = kind(raw)
        except ValueError:
            self.fail(section, key, f"'{raw}' is not {'an integer' if kind is int else 'a number'}")
        if not low <= value <= high:
            self.fail(section, key, f"{value} is outside the allowed range [{low}, {high}]")
        return value

    def date(self, section, key):
        raw = self.text(section, key)
        try:
            return np.datetime64(raw, "D")
        except ValueError:
            self.fail(section, key, f"'{raw}' is not a date YYYY-MM-DD")

    def names(self, section, key, default=None):
        raw = self.text(section, key, default)
        return tuple(n.strip() for n in raw.split(",") if n.strip())


def _prior(r, section):
    name = section.split(".", 1)[1]
    scale = r.text(section, "scale", "linear")
    if scale not in ("linear", "log"):
        r.fail(section, "scale", f"'{scale}' is not linear or log")
    low = r.number(section, "low", float, -1e9, 1e9)
    high = r.number(section, "high", float, -1e9, 1e9)
    if not low < high or (scale == "log" and low <= 0):
        r.fail(section, "high", f"needs low < high{' and low > 0 for scale = log' if scale == 'log' else ''}"
               f" (low {low}, high {high})")
    return Prior(name, r.text(section, "key"), low, high, scale == "log", r.text(section, "why", ""))


def _series(r, section):
    name = section.split(".", 1)[1]
    predict_only = r.number(section, "predict_only", int, 0, 1, 0) == 1
    common = dict(name=name, country=r.text(section, "country"),
                  model_platform=r.text(section, "model_platform"), predict_only=predict_only)
    if predict_only:
        return Series(**common)
    return Series(**common, data_platform=r.text(section, "data_platform"),
                  data_geography=r.names(section, "data_geography"),
                  workforce=r.number(section, "workforce", float, 1.0, 1e10))


def _hypothesis(r, section):
    overrides = {}
    for item in r.names(section, "set"):
        key, sep, value = item.partition("=")
        if not sep or "." not in key:
            r.fail(section, "set", f"'{item}' is not section.key=value")
        overrides[key.strip()] = value.strip()
    return Hypothesis(section.split(".", 1)[1], r.text(section, "label"), overrides)


def _errors(r):
    s = "observation_error"
    keys = ("reported", "inferred", "claim", "world_to_us", "discrepancy")
    errors = {k: r.number(s, k, float, 0.0, 10.0) for k in keys}
    errors["world_to_us_share"] = r.number(s, "world_to_us_share", float, 1e-3, 1.0)
    errors["claim_marker"] = r.text(s, "claim_marker")
    return errors


def load(path):
    """Reads and checks the calibration file; raises SettingsError on the first problem."""
    if not os.path.isfile(path):
        raise SettingsError(f"{path}: no such calibration file")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    config = configparser.ConfigParser(inline_comment_prefixes=("#",), interpolation=None)
    try:
        config.read_string(text, source=path)
    except configparser.Error as error:
        raise SettingsError(f"{path}: {error}") from error
    r, p = _Reader(path, config), "pipeline"
    sections = config.sections()
    priors = tuple(_prior(r, s) for s in sections if s.startswith("prior."))
    if not priors:
        r.fail("prior.NAME", "key", "no [prior.NAME] section: nothing to calibrate")
    settings = Settings(
        path=path, text=text,
        data=os.path.join(os.path.dirname(os.path.abspath(path)), r.text(p, "data")),
        countries=r.names(p, "countries"), predict=r.names(p, "predict", ""),
        population_size=r.number(p, "population_size", int, 100, 10**8),
        replications=r.number(p, "replications", int, 1, 1000),
        seed=r.number(p, "seed", int, 0, 2**63 - 1),
        wave1_points=r.number(p, "wave1_points", int, 4, 10**6),
        wave_points=r.number(p, "wave_points", int, 4, 10**6),
        max_waves=r.number(p, "max_waves", int, 1, 100),
        wave_tolerance=r.number(p, "wave_tolerance", float, 0.0, 1.0),
        threshold=r.number(p, "threshold", float, 0.5, 100.0),
        fit_from=r.date(p, "fit_from"), fit_until=r.date(p, "fit_until"),
        walkers=r.number(p, "walkers", int, 4, 10**4),
        steps=r.number(p, "steps", int, 10, 10**7),
        burn=r.number(p, "burn", int, 0, 10**7),
        posterior_draws=r.number(p, "posterior_draws", int, 1, 10**5),
        predict_until=str(r.date(p, "predict_until")),
        benchmark_points=r.number(p, "benchmark_points", int, 4, 10**6),
        decomposition_draws=r.number(p, "decomposition_draws", int, 0, 10**4),
        decomposition_replications=r.number(p, "decomposition_replications", int, 1, 1000),
        decomposition_permutations=r.number(p, "decomposition_permutations", int, 1, 10**4),
        errors=_errors(r), priors=priors,
        series=tuple(_series(r, s) for s in sections if s.startswith("series.")),
        hypotheses=tuple(_hypothesis(r, s) for s in sections if s.startswith("hypothesis.")))
    _check(r, settings)
    return settings


def _check(r, settings):
    if settings.walkers < 2 * len(settings.priors):
        r.fail("pipeline", "walkers", f"{settings.walkers} walkers for {len(settings.priors)} "
               f"parameters: emcee needs at least twice as many walkers as parameters")
    if settings.decomposition_permutations % 2:
        r.fail("pipeline", "decomposition_permutations", f"{settings.decomposition_permutations} is odd: "
               "orders come in antithetic pairs (an order and its reverse), so it must be even")
    if settings.burn >= settings.steps:
        r.fail("pipeline", "burn", f"{settings.burn} is not below steps ({settings.steps})")
    for s in settings.series:
        known = settings.countries + settings.predict
        if s.country not in known:
            r.fail(f"series.{s.name}", "country", f"'{s.country}' is not one of {', '.join(known)}")
        if s.predict_only and s.country in settings.countries:
            r.fail(f"series.{s.name}", "predict_only", f"'{s.country}' is a fitted country: "
                   "its series must have data")
        if not s.predict_only and s.country not in settings.countries:
            r.fail(f"series.{s.name}", "country", f"'{s.country}' is not fitted (it is in predict): "
                   "set predict_only = 1")
    for country in settings.countries + settings.predict:
        if not os.path.isfile(settings.scenario_file(country)):
            r.fail("pipeline", "countries", f"no scenario file {settings.scenario_file(country)}")
