"""plot_members.py draws a non-blank PNG from an output and refuses incomplete files.

    /usr/bin/python3 test_plot_members.py OUTPUT.h5
"""

import contextlib
import io
import os
import shutil
import tempfile
import unittest

import h5py
import matplotlib.image
import numpy as np

import output_fixture
import plot_members

PATH = None


def run_main(args):
    """plot_members.main(args) with stderr captured: (exit code, stderr text)."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = plot_members.main(args)
    return code, errors.getvalue()


class PlotMembers(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-plot-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_writes_a_png_that_is_not_blank(self):
        png = os.path.join(self.dir, "members.png")
        self.assertEqual(run_main([PATH, "-o", png]), (0, ""))
        pixels = matplotlib.image.imread(png)
        self.assertGreater(float(pixels.var()), 0.0)
        colours = np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)
        self.assertGreater(len(colours), 1)

    def test_per_thousand_agents_also_plots(self):
        png = os.path.join(self.dir, "per_thousand.png")
        self.assertEqual(run_main([PATH, "-o", png, "--per-thousand"]), (0, ""))
        self.assertGreater(os.path.getsize(png), 0)

    def test_a_missing_file_is_named_in_the_error(self):
        missing = os.path.join(self.dir, "absent.h5")
        code, errors = run_main([missing, "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn(f"output file '{missing}' does not exist", errors)

    def test_an_incomplete_file_is_refused(self):
        partial = os.path.join(self.dir, "partial.h5")
        shutil.copy(PATH, partial)
        with h5py.File(partial, "a") as f:
            del f.attrs["complete"]
        png = os.path.join(self.dir, "x.png")
        code, errors = run_main([partial, "-o", png])
        self.assertEqual(code, 1)
        self.assertIn("is incomplete: expected root attribute complete = 1, found missing", errors)
        self.assertFalse(os.path.exists(png))

    def test_an_unknown_variable_lists_the_ones_there_are(self):
        code, errors = run_main([PATH, "-o", os.path.join(self.dir, "x.png"), "--variable", "zz"])
        self.assertEqual(code, 1)
        self.assertIn("no variable 'zz'; it has members", errors)


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
