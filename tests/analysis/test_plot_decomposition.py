"""plot_decomposition.py draws a non-blank PNG from a `netadopt compare` file whose Shapley bars
sum to v(all) - v({}), with the file's intervals, and refuses a file that is not a comparison.

    /usr/bin/python3 test_plot_decomposition.py COMPARE.h5
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
from matplotlib.container import BarContainer

import output_fixture  # first: it puts analysis/ on the path
import compare_io  # noqa: E402
import plot_decomposition  # noqa: E402

PATH = None


def run_main(args):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = plot_decomposition.main(args)
    return code, errors.getvalue()


class PlotDecomposition(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-decomposition-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_writes_a_png_that_is_not_blank(self):
        png = os.path.join(self.dir, "decomposition.png")
        self.assertEqual(run_main([PATH, "-o", png]), (0, ""))
        pixels = matplotlib.image.imread(png)
        self.assertGreater(float(pixels.var()), 0.0)
        self.assertGreater(len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)), 10)

    def test_the_shapley_bars_of_a_date_sum_to_v_all_minus_v_empty(self):
        with h5py.File(PATH, "r") as f:
            outcome = f["combination_outcome"][...]  # combination, decomposition_replication, date
            groups = f["group"].shape[0]
        expected = (outcome[(1 << groups) - 1] - outcome[0]).mean(axis=0)  # per date
        with compare_io.quiet_warnings(), compare_io.open_comparison(PATH) as ds:
            figure = plot_decomposition.draw(ds)
        top = figure.axes[0]
        self.assertIn("Shapley", top.get_title())
        bars = [c for c in top.containers if isinstance(c, BarContainer)]
        self.assertEqual(len(bars), len(expected))
        for date, container in enumerate(bars):
            heights = [patch.get_height() for patch in container.patches]
            self.assertEqual(len(heights), groups)
            self.assertAlmostEqual(sum(heights), float(expected[date]), delta=1e-9)

    def test_student_t_intervals_match_the_files(self):
        """The t interval used for the residual reproduces the file's Shapley intervals."""
        with compare_io.quiet_warnings(), compare_io.open_comparison(PATH) as ds:
            mean, lower, upper = compare_io.t_interval(ds["shapley"], "decomposition_replication")
            np.testing.assert_allclose(mean.values, ds["shapley_mean"].values, rtol=0, atol=1e-9)
            finite = np.isfinite(ds["shapley_lower"].values)
            np.testing.assert_allclose(lower.values[finite], ds["shapley_lower"].values[finite],
                                       rtol=1e-7, atol=1e-7)
            np.testing.assert_allclose(upper.values[finite], ds["shapley_upper"].values[finite],
                                       rtol=1e-7, atol=1e-7)

    def test_the_residual_bars_are_the_files_residual(self):
        with h5py.File(PATH, "r") as f:
            residual = f["residual"][...].mean(axis=0)  # per date
        with compare_io.quiet_warnings(), compare_io.open_comparison(PATH) as ds:
            figure = plot_decomposition.draw(ds)
        bottom_left = figure.axes[1]
        bars = [c for c in bottom_left.containers if isinstance(c, BarContainer)]
        self.assertEqual(len(bars), len(residual))
        for date, container in enumerate(bars):
            self.assertAlmostEqual(container.patches[-1].get_height(), float(residual[date]),
                                   delta=1e-9)

    def test_a_sweep_file_is_refused_naming_what_was_expected(self):
        sweep = os.path.join(os.path.dirname(PATH), "sweep_small.h5")
        if not os.path.exists(sweep):
            self.skipTest("no sweep output in this build")
        code, errors = run_main([sweep, "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("is not a comparison file", errors)
        self.assertIn("found 'netadopt parameter sweep'", errors)


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
