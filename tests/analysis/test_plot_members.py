"""plot_members.py draws a non-blank PNG (and a PDF) from any run output, per 1,000 agents or,
for the essay model, per 1,000 workers, titled with the scenario, N and the replications, its
band defined in the legend; and refuses incomplete files.

    /usr/bin/python3 test_plot_members.py OUTPUT.h5   (a Bass, io-sample or essay run)
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
import netadopt_io  # noqa: E402
import plot_members  # noqa: E402

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
        self.assertEqual(run_main([PATH, "-o", png, "--dpi", "40"]), (0, ""))
        pixels = matplotlib.image.imread(png)
        self.assertGreater(float(pixels.var()), 0.0)
        colours = np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)
        self.assertGreater(len(colours), 1)

    def test_per_thousand_and_counts_also_plot(self):
        for flag in ("--per-thousand", "--counts"):
            png = os.path.join(self.dir, f"{flag[2:]}.png")
            self.assertEqual(run_main([PATH, "-o", png, flag, "--dpi", "30"]), (0, ""))
            self.assertGreater(os.path.getsize(png), 0)

    def test_png_and_pdf_are_written_at_the_dpi(self):
        for dpi in (30, 70):
            png = os.path.join(self.dir, f"members_{dpi}.png")
            self.assertEqual(run_main([PATH, "-o", png, "--dpi", str(dpi)]), (0, ""))
            output_fixture.assert_png_and_pdf(self, png, dpi)

    def test_title_names_scenario_size_and_replications_or_the_given_title(self):
        with netadopt_io.open_output(PATH) as ds:
            name, size = netadopt_io.scenario_name(ds), netadopt_io.population_size(ds)
            replications = ds.sizes["replication"]
            figure = plot_members.draw(ds)
            given = plot_members.draw(ds, title="Figure 2")
        self.assertNotEqual(name, "scenario")
        output_fixture.assert_title_describes(self, figure, name, size, replications)
        self.assertEqual(output_fixture.figure_titles(given), "Figure 2")

    def test_the_legend_defines_the_band(self):
        with netadopt_io.open_output(PATH) as ds:
            figure = plot_members.draw(ds)
            replications = ds.sizes["replication"]
        self.assertIn(f"band: central 95% of {replications} replications (2.5% to 97.5% quantiles)",
                      output_fixture.legend_texts(figure))

    def test_help_reads_fully(self):
        output_fixture.assert_help_reads_fully(self, plot_members.main)

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
        self.assertIn("no variable 'zz'; it has ", errors)


class AgentModel(unittest.TestCase):
    """Bass, SIR, threshold: no workforce, so members per 1,000 agents."""

    def test_plots_members_per_1000_agents(self):
        with netadopt_io.open_output(PATH) as ds:
            figure = plot_members.draw(ds)
            expected = ds["members"].mean("replication").values * 1000.0 / netadopt_io.population_size(ds)
        axes = figure.axes[0]
        self.assertIn("per 1,000 agents", axes.get_ylabel())
        mean = [line for line in axes.get_lines() if line.get_label() == "mean over replications"][0]
        np.testing.assert_allclose(np.asarray(mean.get_ydata(), dtype=float), expected)


class EssayModel(unittest.TestCase):
    """The essay model: members of any platform and of each platform per 1,000 workers, from the
    file's members_any_per_1000_workers and members_per_1000_workers where it has them."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-plot-essay-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def mean_line(self, figure, label):
        axes = figure.axes[0]
        lines = [line for line in axes.get_lines() if line.get_label() == f"{label}: mean over replications"]
        self.assertEqual(len(lines), 1, [line.get_label() for line in axes.get_lines()])
        return np.asarray(lines[0].get_ydata(), dtype=float)

    def test_older_files_are_converted_per_1000_workers(self):
        with netadopt_io.open_output(PATH) as ds:
            figure = plot_members.draw(ds)
            size = int(netadopt_io.scenario_value(ds, "population.size"))
            share = netadopt_io.workforce_share_of_config(netadopt_io.scenario_config(ds))
            by_hand = ds["members_any"].sum("role").mean("replication").values * 1000 * share / size
            platform = str(ds["platform"].values[0])
            members = ds["members"].isel(platform=0).sel(status=["active", "dormant"])
            platform_by_hand = members.sum(["status", "role"]).mean("replication").values * 1000 * share / size
        self.assertIn("per 1,000 workers", figure.axes[0].get_ylabel())
        np.testing.assert_allclose(self.mean_line(figure, "any platform"), by_hand)
        np.testing.assert_allclose(self.mean_line(figure, platform), platform_by_hand)

    def test_the_files_own_per_1000_workers_variables_are_plotted(self):
        fixture = output_fixture.with_run_summaries(PATH, os.path.join(self.dir, "new.h5"),
                                                    any_per_1000=123.0, population_size=4321)
        png = os.path.join(self.dir, "essay.png")
        self.assertEqual(run_main([fixture, "-o", png, "--dpi", "30"]), (0, ""))
        output_fixture.assert_png_and_pdf(self, png, 30)
        with netadopt_io.open_output(fixture) as ds:
            figure = plot_members.draw(ds)
        np.testing.assert_allclose(self.mean_line(figure, "any platform"), 123.0)
        self.assertIn("N = 4,321 agents", output_fixture.figure_titles(figure))


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    with netadopt_io.open_output(PATH) as run:
        model_tests = "EssayModel" if netadopt_io.is_essay(run) else "AgentModel"
    unittest.main(defaultTest=["PlotMembers", model_tests])
