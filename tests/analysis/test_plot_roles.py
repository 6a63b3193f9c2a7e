"""plot_roles.py draws a non-blank PNG and a PDF at --dpi from an essay-model output, reads the
right shares, titles it with the scenario, N and the replications, defines its band in each
legend, spells the roles one way, shares y with --sharey, averages the utility terms over the
last 365.25 days whatever the interval, and refuses a file of another model.

    /usr/bin/python3 test_plot_roles.py ESSAY_OUTPUT.h5
"""

import contextlib
import io
import os
import shutil
import tempfile
import unittest

import matplotlib.image
import matplotlib.pyplot
import numpy as np

import output_fixture  # first: it puts analysis/ on the path
import netadopt_io  # noqa: E402
import plot_roles  # noqa: E402

PATH = None


def run_main(args):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = plot_roles.main(args)
    return code, errors.getvalue()


class PlotRoles(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-roles-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_writes_a_png_that_is_not_blank(self):
        png = os.path.join(self.dir, "roles.png")
        self.assertEqual(run_main([PATH, "-o", png, "--dpi", "40"]), (0, ""))
        pixels = matplotlib.image.imread(png)
        self.assertGreater(float(pixels.var()), 0.0)
        self.assertGreater(len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)), 10)

    def test_shares_are_active_members_over_agents_of_the_role(self):
        with netadopt_io.open_output(PATH) as ds:
            share = plot_roles.active_share_by_role(ds)
            m = ds["members"].isel(replication=0, time=-1, platform=0)
            role = "executive"
            expected = 1000.0 * float(m.sel(role=role, status="active")) / float(m.sel(role=role).sum())
            found = float(share.isel(replication=0, time=-1, platform=0).sel(role=role))
            self.assertAlmostEqual(found, expected, places=9)
            self.assertTrue(bool((((share >= 0) & (share <= 1000)) | share.isnull()).all()))

    def test_png_and_pdf_are_written_at_the_dpi(self):
        png = os.path.join(self.dir, "roles_dpi.png")
        self.assertEqual(run_main([PATH, "-o", png, "--dpi", "25", "--title", "Roles"]), (0, ""))
        output_fixture.assert_png_and_pdf(self, png, 25)

    def test_title_legend_and_role_names(self):
        with netadopt_io.open_output(PATH) as ds:
            figure = plot_roles.draw(ds)
            replications, size = ds.sizes["replication"], netadopt_io.population_size(ds)
            given = plot_roles.draw(ds, title="My title")
        output_fixture.assert_title_describes(self, figure, "france", size, replications)
        self.assertIn("My title", output_fixture.figure_titles(given))
        band = f"band: central 95% of {replications} replications (2.5% to 97.5% quantiles)"
        adoption_axes = [axes for axes in figure.axes if "active members by role" in axes.get_title()]
        self.assertGreater(len(adoption_axes), 1)
        for axes in adoption_axes:
            self.assertIn(band, [t.get_text() for t in axes.get_legend().get_texts()])
        output_fixture.assert_role_names_displayed(self, figure)

    def test_sharey_gives_each_row_one_y_scale(self):
        with netadopt_io.open_output(PATH) as ds:
            figure = plot_roles.draw(ds, sharey=True)
            platforms = ds.sizes["platform"]
        self.assertGreater(platforms, 1)
        rows = [figure.axes[:platforms], figure.axes[platforms:2 * platforms]]  # row by row
        for row in rows:
            output_fixture.assert_same_ylim(self, row)

    def test_last_year_is_365_25_days_whatever_the_interval(self):
        start = np.datetime64("2003-01-01T00:00:00", "ns")
        for interval, expected in ((7, 53), (30, 13), (91, 5), (365, 2)):
            times = start + np.arange(60) * np.timedelta64(interval, "D").astype("timedelta64[ns]")
            self.assertEqual(int(plot_roles.last_year(times).sum()), expected, f"every {interval} d")

    def test_terms_are_the_mean_over_the_last_year_of_weekly_reports(self):
        with netadopt_io.open_output(PATH) as ds:
            weekly = ds.load().assign_coords(
                time=ds["time"].values[0] + np.arange(ds.sizes["time"]) * np.timedelta64(7, "D"))
        platform = str(weekly["platform"].values[0])
        figure, axes = matplotlib.pyplot.subplots()
        plot_roles.draw_terms(axes, weekly, platform)
        terms = weekly["utility_terms"].sel(platform=platform).isel(time=slice(-53, None))
        expected = terms.mean(["replication", "time"], skipna=True).isel(role=0).values
        heights = [bar.get_height() for bar in axes.containers[0]]
        np.testing.assert_allclose(heights, expected)

    def test_help_reads_fully(self):
        output_fixture.assert_help_reads_fully(self, plot_roles.main)
        self.assertIn("--sharey", output_fixture.help_text(plot_roles.main))

    def test_a_bass_output_is_refused_with_what_was_found(self):
        bass = os.path.join(os.path.dirname(PATH), "bass_small.h5")
        if not os.path.exists(bass):
            self.skipTest("no Bass output in this build")
        code, errors = run_main([bass, "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("an essay-model output", errors)


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
