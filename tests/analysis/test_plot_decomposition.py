"""plot_decomposition.py draws a non-blank PNG from a `netadopt compare` file, one panel per date,
whose Shapley bars sum to v(all) - v({}) (recomputed from the file's chains of coalitions), with
the one-at-a-time effects and the residual beside them and the file's intervals (defined in the
legend), titled with the scenarios, N and the replications, with one y scale under --sharey and
PNG and PDF at --dpi, and refuses a file that is not a comparison or holds the older layout.

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


def log_gap_from_coalitions(path):
    """v(all) - v({}) per (decomposition_replication, date), from the coalitions' own outcomes."""
    with h5py.File(path, "r") as f:
        groups = f["group"].shape[0]
        if "combination_outcome" in f:  # exact: (combination, replication, date)
            outcome = f["combination_outcome"][...]
            return outcome[(1 << groups) - 1] - outcome[0]
        chains = f["chain_outcome"][...]  # (replication, order, chain_step, date)
    gaps = chains[:, :, groups, :] - chains[:, :, 0, :]
    np.testing.assert_allclose(gaps, gaps[:, :1, :].repeat(gaps.shape[1], axis=1), rtol=0, atol=0)
    return gaps[:, 0, :]


def drawn():
    with compare_io.quiet_warnings(), compare_io.open_comparison(PATH) as ds:
        return plot_decomposition.draw(ds)


def containers(axes):
    return [c for c in axes.containers if isinstance(c, BarContainer)]


class PlotDecomposition(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-decomposition-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_writes_a_png_that_is_not_blank(self):
        png = os.path.join(self.dir, "decomposition.png")
        self.assertEqual(run_main([PATH, "-o", png, "--dpi", "30"]), (0, ""))
        output_fixture.assert_png_and_pdf(self, png, 30)
        pixels = matplotlib.image.imread(png)
        self.assertGreater(float(pixels.var()), 0.0)
        self.assertGreater(len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)), 10)

    def test_title_legend_sharey_and_help(self):
        with compare_io.quiet_warnings(), compare_io.open_comparison(PATH) as ds:
            figure = plot_decomposition.draw(ds, sharey=True)
            given = plot_decomposition.draw(ds, title="Decomposition")
            size = int(ds.attrs["decomposition_population_size"])
            replications = ds.sizes["decomposition_replication"]
        output_fixture.assert_title_describes(self, figure, "france vs us", size, replications)
        self.assertIn("Decomposition", output_fixture.figure_titles(given))
        self.assertIn(f"error bars: 95% Student t interval of the mean over {replications} "
                      f"replications", output_fixture.legend_texts(figure))
        self.assertGreater(len(figure.axes), 1)
        output_fixture.assert_same_ylim(self, figure.axes)
        output_fixture.assert_help_reads_fully(self, plot_decomposition.main)

    def test_the_shapley_bars_of_a_date_sum_to_the_log_ratio(self):
        expected = log_gap_from_coalitions(PATH).mean(axis=0)  # per date
        with h5py.File(PATH, "r") as f:
            groups = f["group"].shape[0]
        figure = drawn()
        self.assertEqual(len(figure.axes), len(expected))
        for date, axes in enumerate(figure.axes):
            self.assertIn("Shapley split of log(", axes.get_title())
            self.assertIn(f"= {expected[date]:+.2f}", axes.get_title())
            shapley = containers(axes)[0]
            heights = [patch.get_height() for patch in shapley.patches]
            self.assertEqual(len(heights), groups)
            self.assertAlmostEqual(sum(heights), float(expected[date]), delta=1e-9)

    def test_the_one_at_a_time_bars_stand_beside_the_shapley_bars(self):
        with h5py.File(PATH, "r") as f:
            alone = f["one_at_a_time_mean"][0]  # first direction: (group, date)
            shapley = f["shapley_mean"][...]
        for date, axes in enumerate(drawn().axes):
            first, second = containers(axes)[:2]
            np.testing.assert_allclose([p.get_height() for p in first.patches], shapley[:, date], atol=1e-12)
            np.testing.assert_allclose([p.get_height() for p in second.patches], alone[:, date], atol=1e-12)
            for a, b in zip(first.patches, second.patches):
                self.assertAlmostEqual(b.get_x(), a.get_x() + a.get_width(), delta=1e-9)

    def test_the_interaction_share_in_the_title_is_recomputed_from_the_file(self):
        with h5py.File(PATH, "r") as f:
            alone = f["one_at_a_time"][0]  # (group, replication, date)
        share = 1 - alone.sum(axis=0) / log_gap_from_coalitions(PATH)  # (replication, date)
        for date, axes in enumerate(drawn().axes):
            self.assertIn(f"interaction share {100 * share[:, date].mean():.0f}% [", axes.get_title())

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

    def test_the_residual_bar_is_the_files_residual(self):
        with h5py.File(PATH, "r") as f:
            residual = f["residual"][...].mean(axis=0)  # per date
        for date, axes in enumerate(drawn().axes):
            last = containers(axes)[-1]
            self.assertEqual(len(last.patches), 1)
            self.assertAlmostEqual(last.patches[0].get_height(), float(residual[date]), delta=1e-9)

    def test_an_older_layout_is_refused_naming_what_is_missing(self):
        old = os.path.join(self.dir, "old.h5")
        shutil.copy(PATH, old)
        with h5py.File(old, "r+") as f:
            for name in ("log_gap", "log_gap_mean", "log_gap_lower", "log_gap_upper"):
                del f[name]
        code, errors = run_main([old, "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("without log_gap", errors)

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
