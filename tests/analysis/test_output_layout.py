"""An output file, opened with xarray + h5netcdf, has the netCDF layout the io module promises.

    /usr/bin/python3 test_output_layout.py OUTPUT.h5   (3 replications, 2,000 agents, from 2003)
"""

import unittest

import numpy as np
import xarray as xr

import output_fixture

PATH = None
ROOT_ATTRIBUTES = ("scenario", "seed", "netadopt_version", "compiler", "started_at",
                   "wall_seconds", "complete")


class OutputLayout(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ds = xr.open_dataset(PATH, engine="h5netcdf")

    @classmethod
    def tearDownClass(cls):
        cls.ds.close()

    def test_members_is_replication_by_time(self):
        self.assertEqual(self.ds["members"].dims[:2], ("replication", "time"))
        self.assertEqual(self.ds.sizes["replication"], output_fixture.REPLICATIONS)
        np.testing.assert_array_equal(self.ds["replication"].values, [0, 1, 2])

    def test_time_decodes_to_dates_from_the_scenario_start(self):
        time = self.ds["time"]
        self.assertTrue(np.issubdtype(time.dtype, np.datetime64), f"time dtype is {time.dtype}")
        self.assertEqual(time.values[0], np.datetime64(output_fixture.START_DATE))
        self.assertTrue(np.all(np.diff(time.values) > np.timedelta64(0, "D")))
        self.assertEqual(time.encoding["units"], f"days since {output_fixture.START_DATE}")

    def test_every_data_variable_is_described(self):
        for name, variable in self.ds.data_vars.items():
            for attribute in ("units", "long_name", "description"):
                with self.subTest(variable=name, attribute=attribute):
                    self.assertIsInstance(variable.attrs.get(attribute), str)
                    self.assertNotEqual(variable.attrs[attribute].strip(), "")

    def test_per_replication_variables(self):
        for name in ("events", "fingerprint"):
            with self.subTest(variable=name):
                self.assertEqual(self.ds[name].dims, ("replication",))
                self.assertEqual(self.ds[name].dtype, np.uint64)
        self.assertTrue(np.all(self.ds["events"].values > 0))

    def test_root_attributes_record_provenance(self):
        for name in ROOT_ATTRIBUTES:
            with self.subTest(attribute=name):
                self.assertIn(name, self.ds.attrs)
        self.assertEqual(int(self.ds.attrs["complete"]), 1)
        self.assertIsInstance(self.ds.attrs["scenario"], str)
        self.assertIn("[run]", self.ds.attrs["scenario"])
        self.assertIsInstance(self.ds.attrs["netadopt_version"], str)
        self.assertTrue(np.issubdtype(type(self.ds.attrs["seed"]), np.integer))
        self.assertGreaterEqual(float(self.ds.attrs["wall_seconds"]), 0.0)
        self.assertEqual(self.ds.attrs["Conventions"], "CF-1.8")

    def test_members_are_counts_within_the_population(self):
        members = self.ds["members"].values
        self.assertTrue(np.issubdtype(members.dtype, np.integer))
        self.assertTrue(np.all((members >= 0) & (members <= output_fixture.POPULATION)))


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
