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


def small_essay_run(with_attributes):
    """2 replications x 2 times x 2 platforms x 2 roles x 4 statuses, 100 agents, workforce share
    0.25; members_any = 3 x role index + replication + 1 at every time."""
    statuses = ["unaware", "aware", "active", "dormant"]
    members = np.zeros((2, 2, 2, 2, 4))
    members[..., 0] = 20.0          # unaware
    members[..., 2] = 5.0           # active
    members[:, 1, 1, 1, 3] = 7.0    # dormant: platform B, job_seeker, second time
    any_members = np.zeros((2, 2, 2))
    for r in range(2):
        for role in range(2):
            any_members[r, :, role] = 3 * role + r + 1
    scenario = "# resolved scenario of scenarios/tiny.ini\n[population]\nsize = 100\nworkforce_share = 0.25\n"
    ds = xr.Dataset(
        {"members": (("replication", "time", "platform", "role", "status"), members),
         "members_any": (("replication", "time", "role"), any_members)},
        coords={"replication": [0, 1],
                "time": np.array(["2003-01-01", "2004-01-01"], dtype="datetime64[ns]"),
                "platform": ["A", "B"], "role": ["middle_manager", "job_seeker"], "status": statuses},
        attrs={"scenario": scenario})
    if with_attributes:
        ds.attrs.update(population_size=400, workforce_share=0.5, scenario_file="/x/france.ini")
    return ds


class TidyMembers(unittest.TestCase):
    def test_columns_and_values_per_1000_workers(self):
        table = netadopt_io.tidy_members(small_essay_run(False))
        self.assertEqual(list(table.columns),
                         ["replication", "date", "platform", "role", "members_per_1000_workers"])
        # 2 replications x 2 dates x (2 platforms + any) x (2 roles + all)
        self.assertEqual(len(table), 2 * 2 * 3 * 3)
        self.assertEqual(sorted(table["platform"].unique()), ["A", "B", "any"])
        self.assertEqual(sorted(table["role"].unique()), ["all", "job_seeker", "middle_manager"])

        def value(replication, date, platform, role):
            rows = table[(table.replication == replication) & (table.date == np.datetime64(date))
                         & (table.platform == platform) & (table.role == role)]
            self.assertEqual(len(rows), 1)
            return float(rows["members_per_1000_workers"].iloc[0])

        scale = 1000 * 0.25 / 100  # per 1,000 workers: / size x workforce share x 1000
        self.assertAlmostEqual(value(0, "2003-01-01", "A", "middle_manager"), 5 * scale)
        self.assertAlmostEqual(value(1, "2004-01-01", "B", "job_seeker"), 12 * scale)  # 5 + 7
        self.assertAlmostEqual(value(1, "2004-01-01", "B", "all"), 17 * scale)
        self.assertAlmostEqual(value(1, "2003-01-01", "any", "job_seeker"), 5 * scale)  # 3 + 1 + 1
        self.assertAlmostEqual(value(0, "2004-01-01", "any", "all"), (1 + 4) * scale)

    def test_root_attributes_take_precedence_over_the_scenario_text(self):
        old, new = small_essay_run(False), small_essay_run(True)
        self.assertEqual(netadopt_io.population_size(old), 100)
        self.assertEqual(netadopt_io.population_size(new), 400)
        self.assertEqual(netadopt_io.workforce_share(old), 0.25)
        self.assertEqual(netadopt_io.workforce_share(new), 0.5)
        table = netadopt_io.tidy_members(new)
        row = table[(table.replication == 0) & (table.platform == "A") & (table.role == "middle_manager")]
        self.assertAlmostEqual(float(row["members_per_1000_workers"].iloc[0]), 5 * 1000 * 0.5 / 400)

    def test_scenario_name_and_description(self):
        self.assertEqual(netadopt_io.scenario_name(small_essay_run(True)), "france")
        self.assertEqual(netadopt_io.scenario_name(small_essay_run(False)), "tiny")  # from the text
        self.assertEqual(netadopt_io.run_description(small_essay_run(True)),
                         "france, N = 400 agents, 2 replications")

    def test_role_names_have_one_display_spelling(self):
        self.assertEqual(netadopt_io.role_name("middle_manager"), "middle manager")
        self.assertEqual(netadopt_io.role_name("job_seeker"), "job seeker")
        self.assertEqual(netadopt_io.role_name("executive"), "executive")

    def test_a_run_without_roles_is_refused(self):
        ds = xr.Dataset({"members": (("replication", "time"), np.zeros((1, 2)))})
        with self.assertRaisesRegex(netadopt_io.OutputFileError, "needs an essay-model run"):
            netadopt_io.tidy_members(ds)


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
