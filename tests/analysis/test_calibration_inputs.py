"""Tests of the calibration's inputs and scores (analysis/calibration/{settings, observations,
scoring, culture_free}.py): the shipped calibration file, the fit/held-out split and error model,
refusals naming file, section and key, the held-out scores on hand-computed cases, and the
culture-free benchmark recovering a Bass curve it generated.

Run with /usr/bin/python3 tests/analysis/test_calibration_inputs.py
"""

import math
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "analysis"))

from calibration import culture_free, observations, scoring, settings  # noqa: E402

SHIPPED = os.path.join(REPO, "scenarios", "history_matching.ini")


def test_shipped_settings():
    s = settings.load(SHIPPED)
    assert s.countries == ("france", "us") and s.predict == ("germany",)
    assert all(p.low < p.high for p in s.priors)
    assert {p.key for p in s.priors} >= {"adoption.threshold_base", "awareness.media_rate"}
    assert all(not (x.predict_only) for x in s.fit_series())
    print("shipped settings: ok,", len(s.priors), "priors")


def test_split_and_errors():
    s = settings.load(SHIPPED)
    targets = observations.targets(s)
    fitted = [t for t in targets if not t.held_out]
    held = [t for t in targets if t.held_out]
    assert all(t.date <= s.fit_until for t in fitted) and all(t.date > s.fit_until for t in held)
    assert all(t.date >= s.fit_from for t in targets), "points before fit_from are left out"
    assert not any(t.series.startswith("germany") for t in targets), "no German figure is used"
    claim = [t for t in fitted if t.series == "france_viaduc" and str(t.date) == "2007-01-15"][0]
    assert claim.log_sd == s.errors["claim"], "the 1M Viadeo figure is a company claim"
    inferred = [t for t in fitted if t.series == "france_viaduc" and str(t.date) == "2005-08-15"][0]
    assert inferred.log_sd == s.errors["inferred"]
    us = [t for t in fitted if t.series == "us_linkedin" and str(t.date) == "2004-08-31"][0]
    expected = 1000 * 1.0e6 * s.errors["world_to_us_share"] / 142.5e6
    assert abs(us.per_1000 - expected) < 1e-9 * expected
    assert abs(us.log_sd - math.hypot(s.errors["reported"], s.errors["world_to_us"])) < 1e-12
    dates = [str(t.date) for t in held if t.series == "us_linkedin"]
    assert dates.count("2010-05-05") == 1, "the direct US figure replaces the world one that day"
    print("fit/held-out split and error model: ok,", len(fitted), "fitted,", len(held), "held out")


def _expect_refusal(text, *fragments):
    with tempfile.TemporaryDirectory() as folder:
        for country in ("france", "us", "germany"):
            open(os.path.join(folder, f"{country}.ini"), "w").close()
        open(os.path.join(folder, "data.csv"), "w").close()
        path = os.path.join(folder, "cal.ini")
        with open(path, "w") as handle:
            handle.write(text)
        try:
            settings.load(path)
        except settings.SettingsError as error:
            message = str(error)
            for fragment in (path,) + fragments:
                assert fragment in message, f"'{fragment}' not in '{message}'"
            return message
    raise AssertionError("a bad calibration file was accepted")


def test_refusals():
    with open(SHIPPED) as handle:
        good = handle.read().replace("data = data/membership.csv", "data = data.csv")
    print(_expect_refusal(good.replace("threshold = 3", "threshold = 1000"),
                          "[pipeline] threshold", "outside the allowed range"))
    print(_expect_refusal(good.replace("low = 0.005\nhigh = 1", "low = 2\nhigh = 1"),
                          "[prior.media_rate] high", "low < high"))
    print(_expect_refusal(good.replace("walkers = 40", "walkers = 6"), "[pipeline] walkers",
                          "twice as many walkers"))
    print(_expect_refusal(good.replace("[series.germany_openbc]\n# Predicted only: no German figure enters "
                                       "the fit (openBC's worldwide figures are left out).\ncountry = germany",
                                       "[series.germany_openbc]\ncountry = italy"),
                          "[series.germany_openbc] country", "italy"))
    print(_expect_refusal(good.replace("steps = 3000", "steps = lots"), "[pipeline] steps", "not an integer"))


def test_scores():
    class T:
        def __init__(self, series, value, sd):
            self.series, self.per_1000, self.log_sd, self.log_value = series, value, sd, math.log(value)
            self.name = series
    targets = [T("a", 10.0, 0.1), T("a", 20.0, 0.1), T("b", 5.0, 0.1)]
    predicted = np.array([[10.0 * math.e, 20.0, 5.0]] * 5)   # every draw: a's first point e times high
    scores = {s.series: s for s in scoring.series_scores(predicted, targets, 0.0)}
    assert abs(scores["a"].rms - math.sqrt(0.5)) < 1e-12 and abs(scores["b"].rms) < 1e-12
    assert abs(scores["all"].rms - math.sqrt(1 / 3)) < 1e-12
    expected_b = math.log(1 / math.sqrt(2 * math.pi * 0.01))
    assert abs(scores["b"].log_score - expected_b) < 1e-9
    assert scores["a"].log_score < scores["b"].log_score
    print("held-out scores on a hand-computed case: ok")


def test_culture_free_recovers_its_curve():
    class T:
        def __init__(self, series, date, value):
            self.series, self.date, self.per_1000 = series, np.datetime64(date), value
            self.log_value, self.log_sd = math.log(value), 0.05
    launches = {"x": np.datetime64("2003-05-01"), "y": np.datetime64("2004-06-01")}
    truth = (0.02, 0.8, 200.0)
    dates = ["2004-01-01", "2004-07-01", "2005-01-01", "2005-07-01", "2006-06-01", "2007-06-01"]
    skeleton = [T(s, d, 1.0) for s in ("x", "y") for d in dates if np.datetime64(d) > launches[s]]
    values = culture_free.predict(truth, launches, skeleton)
    targets = [T(t.series, str(t.date), v) for t, v in zip(skeleton, values)]
    draws = culture_free.fit(launches, targets, 0.0, seed=3)
    for j, name in enumerate("pqM"):
        low, high = np.quantile(draws[:, j], [0.05, 0.95])
        assert low <= truth[j] <= high, f"{name}: {truth[j]} outside the 90% interval [{low}, {high}]"
    print("culture-free Bass benchmark recovers p, q, M inside its 90% intervals: ok")


if __name__ == "__main__":
    test_shipped_settings()
    test_split_and_errors()
    test_refusals()
    test_scores()
    test_culture_free_recovers_its_curve()
    print("all calibration input tests passed")
