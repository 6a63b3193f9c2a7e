"""plot_compare.py draws a non-blank PNG from a `netadopt compare` file, plots the observed
points converted as the calibration does and the model in members per 1,000 workers as the
file's comparison table has them, titles it with each scenario, N and the replications, defines
the band in each legend, spells roles one way, shares the role panels' y with --sharey, writes
PNG and PDF at --dpi, and refuses a file that is not a comparison. compare_io.tidy_members gives
both runs as one long table.

    /usr/bin/python3 test_plot_compare.py COMPARE.h5
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
import plot_compare  # noqa: E402

PATH = None
DATA = os.path.join(output_fixture.ANALYSIS_DIR, "..", "scenarios", "data", "membership.csv")


def run_main(args):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = plot_compare.main(args)
    return code, errors.getvalue()


assert_not_blank = output_fixture.assert_not_blank


def drawn_figure(**options):
    with compare_io.quiet_warnings(), compare_io.open_comparison(PATH) as root:
        runs = {name: compare_io.open_run(PATH, name) for name in compare_io.scenario_names(root)}
        figure = plot_compare.draw(root, runs, DATA, **options)
        for run in runs.values():
            run.close()
    return figure


def line_with_gid(figure, gid):
    for axes in figure.axes:
        for line in axes.get_lines():
            if line.get_gid() == gid:
                return line
    raise AssertionError(f"no line with gid {gid!r} in the figure")


def point_at(line, date):
    xs = np.asarray(line.get_xdata()).astype("datetime64[D]")
    index = np.nonzero(xs == np.datetime64(date, "D"))[0]
    assert len(index) == 1, f"{date} is not among {xs}"
    return float(np.asarray(line.get_ydata())[index[0]])


class PlotCompare(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-compare-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_writes_a_png_that_is_not_blank(self):
        png = os.path.join(self.dir, "compare.png")
        self.assertEqual(run_main([PATH, "-o", png, "--data", DATA, "--dpi", "40"]), (0, ""))
        assert_not_blank(self, png)
        output_fixture.assert_png_and_pdf(self, png, 40)

    def test_without_data_it_also_plots(self):
        png = os.path.join(self.dir, "nodata.png")
        self.assertEqual(run_main([PATH, "-o", png, "--no-data", "--dpi", "30", "--sharey",
                                   "--title", "Figure 1"]), (0, ""))
        assert_not_blank(self, png)

    def test_title_band_and_role_names(self):
        figure = drawn_figure()
        titles = output_fixture.figure_titles(figure)
        with compare_io.quiet_warnings():
            for name in ("france", "us"):
                with compare_io.open_run(PATH, name) as run:
                    size, replications = compare_io.netadopt_io.population_size(run), run.sizes["replication"]
                self.assertIn(f"{name} (N = {size:,} agents, {replications} replications)", titles)
        band = f"band: central 95% of {replications} replications (2.5% to 97.5% quantiles)"
        legends = [axes.get_legend() for axes in figure.axes]
        with_bands = [legend for legend, axes in zip(legends, figure.axes)
                      if "by role" in axes.get_title() or "model and data" in axes.get_title()]
        self.assertEqual(len(with_bands), 3)
        for legend in with_bands:
            self.assertIn(band, [t.get_text() for t in legend.get_texts()])
        output_fixture.assert_role_names_displayed(self, figure)
        self.assertEqual(output_fixture.figure_titles(drawn_figure(title="T")).split("\n")[0], "T")

    def test_sharey_gives_the_role_panels_one_scale(self):
        figure = drawn_figure(sharey=True)
        output_fixture.assert_same_ylim(self, figure.axes[:2])

    def test_help_reads_fully(self):
        output_fixture.assert_help_reads_fully(self, plot_compare.main)

    def test_tidy_table_of_both_runs(self):
        table = compare_io.tidy_members(PATH)
        self.assertEqual(list(table.columns), ["scenario", "replication", "date", "platform", "role",
                                               "members_per_1000_workers"])
        self.assertEqual(sorted(table["scenario"].unique()), ["france", "us"])
        with compare_io.quiet_warnings(), compare_io.open_run(PATH, "us") as run:
            total = compare_io.any_platform_per_1000_workers(run)
            last = run["time"].values[-1]
        rows = table[(table.scenario == "us") & (table.replication == 1) & (table.date == last)
                     & (table.platform == "any") & (table.role == "all")]
        self.assertEqual(len(rows), 1)
        self.assertAlmostEqual(float(rows["members_per_1000_workers"].iloc[0]),
                               float(total.isel(replication=1, time=-1)), places=9)

    def test_observed_points_are_the_csv_per_1000_workers(self):
        figure = drawn_figure()
        # France: Viaduc 62,900 members on 2005-08-15 over 25.8M workers.
        viaduc = line_with_gid(figure, "observed:Viaduc, France")
        self.assertAlmostEqual(point_at(viaduc, "2005-08-15"), 62900 / 25.8e6 * 1000, places=12)
        linkedin_fr = line_with_gid(figure, "observed:LinkedIn, France")
        self.assertAlmostEqual(point_at(linkedin_fr, "2008-11-15"), 600000 / 25.8e6 * 1000,
                               places=12)
        # US: 1.5M worldwide on 2005-03-31, times the US share interpolated by hand in days.
        share = 0.65 + (212 / 2073) * (32.99 / 66.27 - 0.65)  # 2004-08-31 +212 d, 2010-05-05 +2073 d
        us = line_with_gid(figure, "observed:LinkedIn, world x US share")
        self.assertAlmostEqual(point_at(us, "2005-03-31"), 1.5e6 * share / 142.5e6 * 1000, places=10)
        # ... constant before the first anchor and after the last.
        self.assertAlmostEqual(point_at(us, "2003-06-30"), 4500 * 0.65 / 142.5e6 * 1000, places=12)
        self.assertAlmostEqual(point_at(us, "2010-05-05"), 32.99e6 / 142.5e6 * 1000, places=9)

    def test_model_per_1000_workers_matches_the_comparison_table(self):
        """The group runs, converted by the script and interpolated in time, give the root's
        members_per_1000_workers (platform any, role all) at every compare date."""
        with h5py.File(PATH, "r") as f:
            table = f["members_per_1000_workers"][...]  # scenario, replication, date, platform, role
            platforms = [p.decode() if isinstance(p, bytes) else p for p in f["platform"][...]]
            roles = [r.decode() if isinstance(r, bytes) else r for r in f["role"][...]]
            dates = f["date"][...]  # days since 1970-01-01
            scenarios = [s.decode() if isinstance(s, bytes) else s for s in f["scenario"][...]]
        with compare_io.quiet_warnings():
            for s, name in enumerate(scenarios):
                with compare_io.open_run(PATH, name) as run:
                    curve = compare_io.any_platform_per_1000_workers(run).values
                    times = (run["time"].values.astype("datetime64[D]")
                             - np.datetime64("1970-01-01")).astype(float)
                for r in range(curve.shape[0]):
                    for d, day in enumerate(dates):
                        expected = table[s, r, d, platforms.index("any"), roles.index("all")]
                        self.assertAlmostEqual(float(np.interp(day, times, curve[r])), expected,
                                               places=9, msg=f"{name} replication {r} date {d}")

    def test_role_curves_are_members_per_1000_agents_of_the_role(self):
        with compare_io.quiet_warnings(), compare_io.open_run(PATH, "us") as run:
            share = compare_io.any_platform_per_1000_of_role(run)
            m = run["members"].isel(replication=1, time=-1, platform=0).sel(role="executive")
            any_members = float(run["members_any"].isel(replication=1, time=-1).sel(role="executive"))
            self.assertAlmostEqual(float(share.isel(replication=1, time=-1).sel(role="executive")),
                                   1000.0 * any_members / float(m.sum()), places=9)

    def test_a_run_output_is_refused_naming_what_was_expected(self):
        bass = os.path.join(os.path.dirname(PATH), "bass_small.h5")
        if not os.path.exists(bass):
            self.skipTest("no Bass output in this build")
        code, errors = run_main([bass, "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("is not a comparison file (written by `netadopt compare`)", errors)
        self.assertIn("found 'netadopt simulation output'", errors)

    def test_a_missing_data_file_is_named(self):
        missing = os.path.join(self.dir, "none.csv")
        code, errors = run_main([PATH, "-o", os.path.join(self.dir, "x.png"), "--data", missing])
        self.assertEqual((code, errors.strip()), (1, f"plot_compare: data file '{missing}' does not exist"))


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
