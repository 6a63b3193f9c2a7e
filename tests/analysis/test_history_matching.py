"""analysis/calibration/history_matching.py: implausibility arithmetic, and sampling the
non-implausible space of a toy whose space is known exactly.

    /usr/bin/python3 test_history_matching.py

The toy "emulator" of a 2-D problem has one output, the distance from a centre, known exactly
(no emulator or simulator variance). With the observation 0 and observation sd r/3, a point is
non-implausible (I < 3) exactly when it lies within r of the centre: a disc of area pi r^2.
"""

import os
import sys
import time
import warnings

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "analysis"))
from calibration import history_matching as hm   # noqa: E402
from calibration import priors as pr             # noqa: E402

SEED = 7
PRIORS = [pr.Prior("x", "toy.x", -2.0, 2.0), pr.Prior("y", "toy.y", 1.0, 100.0, log=True)]
Z999 = stats.norm.ppf(0.9995)                    # two-sided 99.9%


class DiscEmulator:
    """Exact 'emulator' of the distance from `centre` on the unit box; counts rows asked."""

    def __init__(self, centre, radius):
        self.centre, self.radius = np.asarray(centre), radius
        self.noise_var = np.zeros(1)
        self.rows_asked = 0

    def predict(self, U):
        self.rows_asked += len(U)
        distance = np.linalg.norm(np.asarray(U) - self.centre, axis=1)[:, None]
        return distance, np.zeros_like(distance)

    def inside(self, U):
        return np.linalg.norm(U - self.centre, axis=1) < self.radius


def observation(radius):
    """(observed, obs_var, disc_var) making I < 3 the same as distance < radius."""
    return np.zeros(1), np.array([(radius / 3) ** 2]), np.zeros(1)


def check(label, ok, detail):
    print(f"{'ok  ' if ok else 'FAIL'} {label}: {detail}")
    assert ok, label


def test_implausibility_by_hand():
    mean = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    em_var = np.array([[0.1, 0.1, 0.03], [0.1, 0.1, 0.03]])
    observed = np.array([1.5, 1.0, 1.5])
    obs_var, disc_var = np.array([0.1, 0.05, 0.02]), np.array([0.02, 0.05, 0.04])
    noise_var = np.array([0.03, 0.05, 0.0])       # totals 0.25, 0.25, 0.09
    I = hm.implausibility(mean, em_var, observed, obs_var, disc_var, noise_var)
    expected = np.array([[0.5 / 0.5, 1.0 / 0.5, 1.5 / 0.3], [1.5 / 0.5, 1.0 / 0.5, 1.5 / 0.3]])
    check("implausibility = |z - E f| / sqrt(sum of variances)", np.allclose(I, expected),
          I.round(6).tolist())
    check("largest", np.allclose(hm.max_implausibility(I), [5.0, 5.0]), hm.max_implausibility(I))
    check("second largest", np.allclose(hm.max_implausibility(I, order=2), [2.0, 3.0]),
          hm.max_implausibility(I, order=2))
    check("third largest", np.allclose(hm.max_implausibility(I, order=3), [1.0, 2.0]),
          hm.max_implausibility(I, order=3))
    with_nan = hm.max_implausibility(np.array([[np.nan, 4.0, 1.0]]), order=2)
    check("a nan output is left out of the ranking", np.allclose(with_nan, [1.0]), with_nan)
    try:
        hm.max_implausibility(I, order=4)
    except ValueError as error:
        check("order beyond the outputs refused", True, str(error))
    else:
        check("order beyond the outputs refused", False, "accepted")


def test_non_implausible_is_strict_and_checks_every_wave():
    # Dyadic numbers, so that the point on the rim has I = 3 exactly.
    disc = DiscEmulator([0.0, 0.0], 0.375)
    U = np.array([[0.0, 0.0], [0.25, 0.0], [0.375, 0.0], [0.5, 0.0]])
    keep = hm.non_implausible(disc, U, *observation(0.375))
    check("inside kept, on the rim (I = 3 exactly) and beyond ruled out", list(keep)
          == [True, True, False, False], keep)
    second = DiscEmulator([0.5, 0.0], 0.375)
    keep = hm.non_implausible([disc, second], U, *observation(0.375))
    check("a point must pass every wave", list(keep) == [False, True, False, False], keep)
    check("a later wave is asked only about the points earlier waves kept",
          second.rows_asked == 2, f"{second.rows_asked} of {len(U)} rows")


def lens_area(radius, distance):
    """Area shared by two discs of one radius whose centres are `distance` apart."""
    return (2 * radius**2 * np.arccos(distance / (2 * radius))
            - distance / 2 * np.sqrt(4 * radius**2 - distance**2))


def check_fraction(label, fraction, area, tested):
    sd = np.sqrt(area * (1 - area) / tested)
    check(f"{label}: fraction within 99.9% binomial error of the area {area:.4f}",
          abs(fraction - area) < Z999 * sd, f"{fraction:.4f} (sd {sd:.4f}, {tested} candidates)")


def test_sampling_a_disc():
    radius, wanted = 0.2, 500
    disc = DiscEmulator([0.4, 0.55], radius)
    X, fraction = hm.sample_non_implausible([disc], PRIORS, *observation(radius), wanted, SEED)
    U = pr.to_unit(PRIORS, X)
    check("returns the points wanted, on the natural scale", X.shape == (wanted, 2)
          and np.all(pr.in_support(PRIORS, X)) and X[:, 1].max() > 1.5, X.shape)
    check("every point inside the disc (exact criterion)", np.all(disc.inside(U)),
          f"largest distance {np.linalg.norm(U - disc.centre, axis=1).max():.4f} < {radius}")
    check_fraction("disc", fraction, np.pi * radius**2, disc.rows_asked)
    centre_sd = radius / 2 / np.sqrt(wanted)     # sd of a uniform disc's coordinate is r/2
    gap = np.abs(U.mean(axis=0) - disc.centre)
    check("uniform on the disc: the mean is the centre", np.all(gap < Z999 * centre_sd),
          f"gap {gap.round(4)} vs {Z999 * centre_sd:.4f}")
    inner = np.mean(np.linalg.norm(U - disc.centre, axis=1) < radius / np.sqrt(2))
    check("uniform on the disc: half the points within r/sqrt(2)",
          abs(inner - 0.5) < Z999 * np.sqrt(0.25 / wanted), f"{inner:.3f}")


def test_sampling_two_waves():
    radius, distance = 0.2, 0.1
    first, second = DiscEmulator([0.4, 0.5], radius), DiscEmulator([0.5, 0.5], radius)
    X, fraction = hm.sample_non_implausible([first, second], PRIORS, *observation(radius),
                                            300, SEED + 1, candidates_per_round=5000)
    U = pr.to_unit(PRIORS, X)
    check("two waves: every point inside both discs", np.all(first.inside(U) & second.inside(U)),
          f"{len(U)} points")
    check_fraction("two waves", fraction, lens_area(radius, distance), first.rows_asked)
    shrunk = hm.space_shrunk(np.pi * radius**2, fraction)
    check("space_shrunk: disc to lens is a real shrink", shrunk, f"{fraction:.4f}")


def test_shortfall_and_stopping():
    tiny = DiscEmulator([0.5, 0.5], 0.03)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        X, fraction = hm.sample_non_implausible(tiny, PRIORS, *observation(0.03), 100, SEED,
                                                candidates_per_round=1000, max_rounds=2)
    check("too few found: what was found, and a warning", len(X) < 100 and len(caught) == 1,
          f"{len(X)} points, {fraction:.5f}; {caught[0].message if caught else 'no warning'}")
    check("space_shrunk: 0.5 -> 0.40 continues, 0.5 -> 0.46 stops",
          hm.space_shrunk(0.5, 0.40) and not hm.space_shrunk(0.5, 0.46), "tolerance 0.1")


def main():
    start = time.time()
    test_implausibility_by_hand()
    test_non_implausible_is_strict_and_checks_every_wave()
    test_sampling_a_disc()
    test_sampling_two_waves()
    test_shortfall_and_stopping()
    print(f"all checks passed in {time.time() - start:.1f} s")


if __name__ == "__main__":
    main()
