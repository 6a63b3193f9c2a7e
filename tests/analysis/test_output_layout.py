"""An output file, opened with xarray + h5netcdf, has the netCDF layout the io module promises.

    /usr/bin/python3 test_output_layout.py OUTPUT.h5   (3 replications, 2,000 agents, from 2003)
"""

import configparser
import unittest

import numpy as np
import xarray as xr

import output_fixture

PATH = None
ROOT_ATTRIBUTES = ("scenario", "seed", "netadopt_version", "compiler", "started_at",
                   "wall_seconds", "population_size", "workforce_share", "complete")
# The essay model's variables derived with the output, and their dimensions.
DERIVED = {
    "members_per_1000_workers": ("replication", "time", "platform"),
    "members_any_per_1000_workers": ("replication", "time"),
    "members_per_1000_role_agents": ("replication", "time", "platform", "role"),
}


def scenario_keys(ds):
    """The resolved scenario text of the root attributes, as a ConfigParser."""
    config = configparser.ConfigParser(inline_comment_prefixes=("#",))
    config.read_string(ds.attrs["scenario"])
    return config


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

    def test_population_attributes_are_the_scenario_keys(self):
        population_size = self.ds.attrs["population_size"]
        self.assertEqual(np.asarray(population_size).dtype, np.int64)
        config = scenario_keys(self.ds)
        self.assertEqual(int(population_size), config.getint("population", "size"))
        share = self.ds.attrs["workforce_share"]
        self.assertEqual(np.asarray(share).dtype, np.float64)
        if config.get("run", "model") != "essay":
            self.assertEqual(float(share), 1.0)
        elif config.has_option("population", "workforce_share"):
            self.assertAlmostEqual(float(share), config.getfloat("population", "workforce_share"))
        else:  # derived by the model: cadres and salespeople
            self.assertAlmostEqual(float(share), config.getfloat("population", "cadres_share")
                                   + config.getfloat("population", "sales_share"))

    def test_derived_variables_only_where_there_are_platforms(self):
        if "members_any" in self.ds.data_vars:
            for name, dims in DERIVED.items():
                with self.subTest(variable=name):
                    self.assertEqual(self.ds[name].dims, dims)
                    self.assertEqual(self.ds[name].dtype, np.float64)
        else:
            for name in DERIVED:
                self.assertNotIn(name, self.ds.data_vars)

    def test_derived_variables_are_the_hand_computation(self):
        if "members_any" not in self.ds.data_vars:
            self.skipTest("no platforms in this output")
        ds = self.ds
        scale = 1000.0 * float(ds.attrs["workforce_share"]) / int(ds.attrs["population_size"])
        members = ds["members"].astype(float)
        registered = members.sel(status=["active", "dormant"]).sum("status")
        agents = members.sum("status")
        np.testing.assert_allclose(ds["members_per_1000_workers"],
                                   registered.sum("role") * scale, rtol=1e-12)
        np.testing.assert_allclose(ds["members_any_per_1000_workers"],
                                   ds["members_any"].sum("role") * scale, rtol=1e-12)
        np.testing.assert_allclose(ds["members_per_1000_role_agents"],
                                   1000.0 * registered / agents.where(agents > 0), rtol=1e-12)
        self.assertEqual(ds["members_per_1000_workers"].attrs["units"], "per 1000 workers")
        self.assertEqual(ds["members_any_per_1000_workers"].attrs["units"], "per 1000 workers")
        self.assertEqual(ds["members_per_1000_role_agents"].attrs["units"],
                         "per 1000 agents of the role")

    def test_members_are_counts_within_the_population(self):
        members = self.ds["members"].values
        self.assertTrue(np.issubdtype(members.dtype, np.integer))
        self.assertTrue(np.all((members >= 0) & (members <= output_fixture.POPULATION)))


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
