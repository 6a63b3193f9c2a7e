"""plot_sweep.py draws a non-blank heatmap (PNG and PDF at --dpi) from a grid sweep over two
keys, each cell the mean over replications of the variable at the date, membership levels per
1,000 agents (Bass base scenario: population.size 200, so x 5) or per 1,000 workers (essay),
titled with the sweep, its base scenario, N and the replications, with no text clipped; and
refuses a sweep that is not such a grid, or a file that is not a sweep.

    /usr/bin/python3 test_plot_sweep.py SWEEP_GRID_2x3.h5
(sweep_small.h5, sweep_sobol.h5 and compare_small.h5 are looked for beside it.)
"""

import contextlib
import io
import os
import shutil
import tempfile
import unittest

import h5py
import numpy as np

import output_fixture  # first: it puts analysis/ on the path
import compare_io  # noqa: E402
import netadopt_io  # noqa: E402
import plot_sweep  # noqa: E402

PATH = None
PER_1000_AGENTS = 1000.0 / 200  # tests/cli/inputs/valid.ini: population.size = 200


def beside(name):
    return os.path.join(os.path.dirname(PATH), name)


def run_main(args):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = plot_sweep.main(args)
    return code, errors.getvalue()


def heatmap(path, variable, date=None, role=None, counts=False):
    with compare_io.quiet_warnings(), netadopt_io.open_output(path) as ds:
        figure = plot_sweep.draw(ds, path, variable, date, role, counts)
    axes = figure.axes[0]
    return axes, np.ma.filled(axes.images[0].get_array().astype(float), np.nan)


class PlotSweep(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-sweep-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def assert_not_blank(self, png):
        output_fixture.assert_not_blank(self, png)

    def test_writes_a_png_that_is_not_blank(self):
        for args in (["--output", "members"], ["--output", "members_at_date", "--date", "2003-07-01"],
                     ["--output", "members", "--date", "2003-09-15"]):
            png = os.path.join(self.dir, "heatmap.png")
            self.assertEqual(run_main([PATH, "-o", png, "--dpi", "40"] + args), (0, ""))
            self.assert_not_blank(png)
            output_fixture.assert_png_and_pdf(self, png, 40)

    def test_the_small_cli_sweep_plots(self):
        small = beside("sweep_small.h5")
        if not os.path.exists(small):
            self.skipTest("no sweep_small.h5 in this build")
        png = os.path.join(self.dir, "small.png")
        self.assertEqual(run_main([small, "--output", "members", "-o", png]), (0, ""))
        self.assert_not_blank(png)

    def test_a_cell_is_the_mean_over_replications_at_the_date(self):
        with h5py.File(PATH, "r") as f:
            parameters = f["parameters"][...]  # point, key
            keys = [k.decode() if isinstance(k, bytes) else k for k in f["key"][...]]
            members = f["members"][...].astype(float)  # point, replication, time
            days = f["time"][...]  # days since start
        self.assertEqual(keys, ["bass.p", "bass.q"])
        point = int(np.nonzero((parameters[:, 0] == 0.02) & (parameters[:, 1] == 1.5))[0][0])
        axes, cells = heatmap(PATH, "members")
        self.assertEqual(cells.shape, (3, 2))  # rows: bass.q values, columns: bass.p values
        self.assertEqual(axes.get_xlabel(), "bass.p")
        self.assertEqual(axes.get_ylabel(), "bass.q")
        self.assertEqual([t.get_text() for t in axes.get_yticklabels()], ["0.1", "0.5", "1.5"])
        self.assertAlmostEqual(cells[2, 0], members[point, :, -1].mean() * PER_1000_AGENTS, places=12)
        # Between reporting times: linear, as `netadopt analyze sobol` does. 2003-09-15 is day 257.
        _, cells = heatmap(PATH, "members", "2003-09-15")
        by_hand = np.mean([np.interp(257.0, days, members[point, r]) for r in range(members.shape[1])])
        self.assertAlmostEqual(cells[2, 0], by_hand * PER_1000_AGENTS, places=12)
        other = int(np.nonzero((parameters[:, 0] == 0.2) & (parameters[:, 1] == 0.1))[0][0])
        self.assertAlmostEqual(cells[0, 1], PER_1000_AGENTS * np.mean(
            [np.interp(257.0, days, members[other, r]) for r in range(members.shape[1])]), places=12)
        _, counts = heatmap(PATH, "members", counts=True)
        self.assertAlmostEqual(counts[2, 0], members[point, :, -1].mean(), places=12)

    def test_members_at_date_takes_the_summary_date(self):
        with h5py.File(PATH, "r") as f:
            parameters = f["parameters"][...]
            at_date = f["members_at_date"][...]  # point, date, summary_role
        point = int(np.nonzero((parameters[:, 0] == 0.2) & (parameters[:, 1] == 0.5))[0][0])
        _, cells = heatmap(PATH, "members_at_date", "2003-07-01", "all")
        self.assertAlmostEqual(cells[1, 1], at_date[point, 0, 0] * PER_1000_AGENTS, places=12)
        code, errors = run_main([PATH, "--output", "members_at_date", "--date", "2003-08-01",
                                 "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("is not a summary date of this sweep; it has 2003-07-01, 2004-01-01", errors)

    def test_units_title_and_no_clipped_text(self):
        with compare_io.quiet_warnings(), netadopt_io.open_output(PATH) as ds:
            figure = plot_sweep.draw(ds, PATH, "members", "2003-09-15", None)
            replications = ds.sizes["replication"]
        self.assertIn("per 1,000 agents", figure.axes[1].get_ylabel())  # the colour bar
        output_fixture.assert_title_describes(self, figure, "sweep_grid_2x3", 200, replications)
        self.assertIn("valid", output_fixture.figure_titles(figure))
        with compare_io.quiet_warnings(), netadopt_io.open_output(PATH) as ds:
            long_title = plot_sweep.draw(ds, PATH, "members", title="a long title " * 20)
        for drawn in (figure, long_title):
            drawn.set_dpi(100)
            drawn.canvas.draw()
            page = drawn.bbox
            for text in [drawn._suptitle] + [axes.title for axes in drawn.axes]:
                box = text.get_window_extent()
                self.assertGreaterEqual(box.x0, page.x0 - 0.5, text.get_text())
                self.assertLessEqual(box.x1, page.x1 + 0.5, text.get_text())
                self.assertLessEqual(box.y1, page.y1 + 0.5, text.get_text())

    def test_per_1000_workers_for_an_essay_base(self):
        """An essay base scenario: each point's population.size (swept here) and workforce share
        (cadres_share + sales_share of the base) give members per 1,000 workers."""
        with compare_io.quiet_warnings(), netadopt_io.open_output(PATH) as ds:
            ds = ds.load()
        ds.attrs["base_scenario"] = ("[run]\nmodel = essay\n[population]\nsize = 999\n"
                                     "cadres_share = 0.15\nsales_share = 0.1\n")
        ds = ds.assign_coords(key=["population.size", "bass.q"])
        ds["parameters"] = ds["parameters"].copy(data=np.column_stack(
            [np.where(ds["parameters"].values[:, 0] == 0.02, 1000.0, 4000.0),
             ds["parameters"].values[:, 1]]))
        factor, unit = plot_sweep.per_1000_scale(ds, PATH)
        self.assertEqual(unit, "per 1,000 workers")
        expected = np.where(ds["parameters"].values[:, 0] == 1000.0, 0.25, 1000 * 0.25 / 4000)
        np.testing.assert_allclose(factor.values, expected)
        ds.attrs["base_scenario"] = "[run]\nmodel = essay\n[population]\nsize = 999\n"
        with self.assertRaisesRegex(netadopt_io.OutputFileError, "cannot find the workforce share"):
            plot_sweep.per_1000_scale(ds, PATH)

    def test_help_reads_fully(self):
        output_fixture.assert_help_reads_fully(self, plot_sweep.main)

    def test_a_sobol_sweep_is_refused_naming_what_it_is(self):
        sobol = beside("sweep_sobol.h5")
        if not os.path.exists(sobol):
            self.skipTest("no sobol sweep in this build")
        code, errors = run_main([sobol, "--output", "members", "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("expected a grid sweep over 2 keys, found a sobol sweep over 2 keys "
                      "(bass.p, bass.q)", errors)

    def test_a_comparison_file_is_refused_naming_what_was_expected(self):
        compare = beside("compare_small.h5")
        if not os.path.exists(compare):
            self.skipTest("no comparison file in this build")
        code, errors = run_main([compare, "--output", "members", "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("is not a sweep file (written by `netadopt sweep`)", errors)
        self.assertIn("found 'netadopt comparison of two scenarios'", errors)

    def test_an_unknown_variable_or_date_is_named(self):
        code, errors = run_main([PATH, "--output", "zz", "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("no variable 'zz' in this sweep; it has parameters", errors)
        code, errors = run_main([PATH, "--output", "members", "--date", "2012-01-01",
                                 "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("--date 2012-01-01 is outside the run (2003-01-01 to 2004-01-01)", errors)


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
