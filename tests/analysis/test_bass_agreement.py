"""The Bass scenario's mean adoption curve agrees with the analytic Bass (1969) solution,
as computed by analysis/netadopt_io.py from the p, q and size stored in the file.

    /usr/bin/python3 test_bass_agreement.py OUTPUT.h5   (a run.model = bass output)
"""

import unittest

import numpy as np

import output_fixture
import netadopt_io
import plot_members

PATH = None


class BassAgreement(unittest.TestCase):
    def test_members_never_decrease(self):
        with netadopt_io.open_output(PATH) as ds:
            steps = np.diff(ds["members"].values, axis=1)
        self.assertTrue(np.all(steps >= 0), "adopters do not un-adopt in the Bass model")

    def test_mean_is_within_5_percent_of_the_population_from_the_analytic_curve(self):
        with netadopt_io.open_output(PATH) as ds:
            population = netadopt_io.population_size(ds)
            mean = netadopt_io.summarize_replications(ds["members"])["mean"].values
            analytic = plot_members.bass_curve(ds)
        self.assertEqual(population, output_fixture.POPULATION)
        gap = np.max(np.abs(mean - analytic)) / population
        self.assertLess(gap, 0.05, f"largest gap {gap:.3f} of the population")
        self.assertGreater(mean[-1], 0.5 * population, "a 10-year Bass run adopts widely")


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
