#!/usr/bin/python3
"""scripts/check_layers.py passes on this checkout and fails, naming the file, the include and
the rule, on a small tree that breaks each rule: an include up a layer, one sideways into a
library not listed, one into a model's own headers from above the catalog, and one into another
library's private headers."""
import pathlib
import subprocess
import sys
import tempfile
import unittest

SOURCE = pathlib.Path(__file__).resolve().parents[2]
CHECK = SOURCE / "scripts" / "check_layers.py"


def check(root):
    return subprocess.run([sys.executable, str(CHECK), "--root", str(root)],
                          capture_output=True, text=True)


def write(root, path, text=""):
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)


class CheckLayers(unittest.TestCase):
    def test_this_checkout_passes(self):
        result = check(SOURCE)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no include breaks the layering", result.stdout)

    def tree(self, including, included_path, include_text):
        root = pathlib.Path(self.enterContext(tempfile.TemporaryDirectory()))
        write(root, included_path)
        write(root, including, f'#include "{include_text}"\n')
        return root

    def test_an_include_up_a_layer_fails(self):
        root = self.tree("sim/core/clock.cpp", "include/netadopt/run/runner.hpp",
                         "netadopt/run/runner.hpp")
        result = check(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn('sim/core/clock.cpp: #include "netadopt/run/runner.hpp": library '
                      "'core' may not use 'run'", result.stdout)

    def test_an_include_sideways_fails(self):
        root = self.tree("sim/compare/gap.cpp", "include/netadopt/calibration/loss.hpp",
                         "netadopt/calibration/loss.hpp")
        result = check(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("library 'compare' may not use 'calibration'", result.stdout)

    def test_a_private_header_of_another_library_fails(self):
        root = self.tree("sim/sweep/read.cpp", "sim/io/hdf5_handles.hpp", "../io/hdf5_handles.hpp")
        result = check(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("'sim/io/hdf5_handles.hpp' is private to library 'io'", result.stdout)

    def test_a_model_internal_above_the_catalog_fails(self):
        root = self.tree("sim/run/memory.cpp", "include/netadopt/models/essay/culture.hpp",
                         "netadopt/models/essay/culture.hpp")
        result = check(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("library 'run' may not use 'models/essay'", result.stdout)

    def test_the_catalog_may_include_a_model(self):
        root = self.tree("sim/catalog/catalog.cpp", "include/netadopt/models/essay/culture.hpp",
                         "netadopt/models/essay/culture.hpp")
        self.assertEqual(check(root).returncode, 0)

    def test_an_include_down_the_layers_passes(self):
        root = self.tree("sim/cli/main.cpp", "include/netadopt/core/simulator.hpp",
                         "netadopt/core/simulator.hpp")
        result = check(root)
        self.assertEqual(result.returncode, 0, result.stdout)


if __name__ == "__main__":
    unittest.main()
