"""Helpers of analysis/netadopt_io.py on small hand-made arrays, and open_output's refusals.

    /usr/bin/python3 test_netadopt_io.py OUTPUT.h5   (any complete output, copied and altered)
"""

import os
import shutil
import tempfile
import unittest

import h5py
import numpy as np
import xarray as xr

import output_fixture
import netadopt_io

PATH = None


class BassFraction(unittest.TestCase):
    def test_starts_at_the_initial_share_and_tends_to_everyone(self):
        self.assertAlmostEqual(float(netadopt_io.bass_fraction(0.0, 0.03, 0.38)), 0.0)
        self.assertAlmostEqual(float(netadopt_io.bass_fraction(0.0, 0.03, 0.38, 0.2)), 0.2)
        self.assertAlmostEqual(float(netadopt_io.bass_fraction(365.25 * 100, 0.03, 0.38)), 1.0)

    def test_solves_the_bass_equation(self):
        p, q, h = 0.03, 0.38, 1e-3
        for days in (100.0, 1000.0, 3000.0):
            f = float(netadopt_io.bass_fraction(days, p, q))
            slope = (float(netadopt_io.bass_fraction(days + h, p, q)) -
                     float(netadopt_io.bass_fraction(days - h, p, q))) / (2 * h) * 365.25
            self.assertAlmostEqual(slope, (p + q * f) * (1 - f), places=6)

    def test_matches_the_closed_form_of_bass_1969(self):
        p, q, t = 0.03, 0.38, 5.0
        expected = (1 - np.exp(-(p + q) * t)) / (1 + q / p * np.exp(-(p + q) * t))
        self.assertAlmostEqual(float(netadopt_io.bass_fraction(t * 365.25, p, q)), expected)

    def test_no_innovation_and_no_adopters_stays_at_zero(self):
        self.assertEqual(float(netadopt_io.bass_fraction(1000.0, 0.0, 0.38)), 0.0)


class ReplicationSummary(unittest.TestCase):
    def setUp(self):
        values = np.array([[0.0, 10.0], [10.0, 20.0], [20.0, 30.0]])
        self.series = xr.DataArray(values, dims=("replication", "time"), attrs={"units": "1"})

    def test_mean_and_central_interval_over_replications(self):
        band = netadopt_io.summarize_replications(self.series, level=0.5)
        np.testing.assert_allclose(band["mean"].values, [10.0, 20.0])
        np.testing.assert_allclose(band["lower"].values, [5.0, 15.0])
        np.testing.assert_allclose(band["upper"].values, [15.0, 25.0])
        self.assertEqual(band["mean"].dims, ("time",))

    def test_95_percent_band_is_nearly_the_range_for_three_replications(self):
        band = netadopt_io.summarize_replications(self.series)
        np.testing.assert_allclose(band["lower"].values, [0.5, 10.5])
        np.testing.assert_allclose(band["upper"].values, [19.5, 29.5])

    def test_per_thousand_agents(self):
        scaled = netadopt_io.per_thousand_agents(self.series, 2000)
        np.testing.assert_allclose(scaled.values[1], [5.0, 10.0])
        self.assertEqual(scaled.attrs["units"], "1 per 1000 agents")
        with self.assertRaises(ValueError):
            netadopt_io.per_thousand_agents(self.series, 0)


class OpenOutput(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-io-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def copy_with_complete(self, value):
        path = os.path.join(self.dir, "copy.h5")
        shutil.copy(PATH, path)
        with h5py.File(path, "a") as f:
            if value is None:
                del f.attrs["complete"]
            else:
                f.attrs["complete"] = np.int32(value)
        return path

    def test_reads_the_scenario_of_a_complete_file(self):
        with netadopt_io.open_output(PATH) as ds:
            self.assertEqual(netadopt_io.population_size(ds), output_fixture.POPULATION)
            self.assertEqual(netadopt_io.scenario_value(ds, "run.model"), "bass")
            with self.assertRaisesRegex(netadopt_io.OutputFileError, "no key 'bass.nope'"):
                netadopt_io.scenario_value(ds, "bass.nope")

    def test_refuses_a_missing_file(self):
        with self.assertRaisesRegex(netadopt_io.OutputFileError, "does not exist"):
            netadopt_io.open_output(os.path.join(self.dir, "absent.h5"))

    def test_refuses_a_file_that_is_not_hdf5(self):
        path = os.path.join(self.dir, "text.h5")
        with open(path, "w") as f:
            f.write("not hdf5")
        with self.assertRaisesRegex(netadopt_io.OutputFileError, "not a readable netadopt"):
            netadopt_io.open_output(path)

    def test_refuses_a_file_without_complete(self):
        with self.assertRaisesRegex(netadopt_io.OutputFileError, "incomplete.*found missing"):
            netadopt_io.open_output(self.copy_with_complete(None))

    def test_refuses_a_file_with_complete_zero(self):
        with self.assertRaisesRegex(netadopt_io.OutputFileError, "incomplete.*found 0"):
            netadopt_io.open_output(self.copy_with_complete(0))


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
