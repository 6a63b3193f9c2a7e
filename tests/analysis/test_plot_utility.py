"""plot_utility.py draws a non-blank PNG from a group of a `netadopt compare` file and from a
plain essay run, its lines are the file's utility terms averaged over replications, and it
refuses what it cannot plot, saying why.

    /usr/bin/python3 test_plot_utility.py COMPARE.h5
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
import plot_utility  # noqa: E402

PATH = None


def run_main(args):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = plot_utility.main(args)
    return code, errors.getvalue()


def labels(dataset):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in dataset[...]]


class PlotUtility(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-utility-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def assert_not_blank(self, png):
        output_fixture.assert_not_blank(self, png)

    def test_writes_a_png_for_each_group_that_is_not_blank(self):
        for group in ("france", "us"):
            png = os.path.join(self.dir, f"{group}.png")
            self.assertEqual(run_main([PATH, "--group", group, "-o", png, "--dpi", "40"]), (0, ""))
            output_fixture.assert_png_and_pdf(self, png, 40)
            self.assert_not_blank(png)

    def test_a_platform_and_smoothing_can_be_chosen(self):
        png = os.path.join(self.dir, "viaduc.png")
        self.assertEqual(run_main([PATH, "--group", "france", "--platform", "Viaduc",
                                   "--smooth", "5", "-o", png, "--dpi", "40"]), (0, ""))
        self.assert_not_blank(png)

    def test_a_plain_essay_run_plots(self):
        essay = os.path.join(os.path.dirname(PATH), "france_small.h5")
        if not os.path.exists(essay):
            self.skipTest("no essay run output in this build")
        png = os.path.join(self.dir, "run.png")
        self.assertEqual(run_main([essay, "-o", png, "--dpi", "40"]), (0, ""))
        self.assert_not_blank(png)

    def test_lines_are_the_files_means_over_replications(self):
        with h5py.File(PATH, "r") as f:
            terms = f["france/utility_terms"][...]  # replication, time, platform, role, term
            roles, term_names = labels(f["france/role"]), labels(f["france/term"])
        role, platform = roles.index("middle_manager"), 0
        with compare_io.quiet_warnings(), compare_io.open_run(PATH, "france") as ds:
            figure = plot_utility.draw(ds, str(ds["platform"].values[platform]))
        lines = {line.get_gid(): line for axes in figure.axes for line in axes.get_lines()}
        checked = 0
        for time in range(terms.shape[1]):
            values = terms[:, time, platform, role, :]
            evaluated = ~np.isnan(values[:, 0])
            if evaluated.sum() < 1 or evaluated.all() and time % 7:
                continue
            expected = values[evaluated].mean(axis=0)
            for t, name in enumerate(term_names):
                found = lines[f"term:middle_manager:{name}"].get_ydata()[time]
                self.assertAlmostEqual(float(found), float(expected[t]), places=12)
            total = lines["total:middle_manager"].get_ydata()[time]
            self.assertAlmostEqual(float(total), float(expected.sum()), places=12)
            checked += 1
        self.assertGreater(checked, 3)
        # Where nobody evaluated in any replication, a gap.
        never = np.isnan(terms[:, :, platform, role, 0]).all(axis=0)
        self.assertTrue(np.isnan(lines["total:middle_manager"].get_ydata()[never]).all())

    def test_title_role_names_sharey_and_help(self):
        with compare_io.quiet_warnings(), compare_io.open_run(PATH, "us") as ds:
            platform = str(ds["platform"].values[0])
            figure = plot_utility.draw(ds, platform, sharey=True)
            given = plot_utility.draw(ds, platform, title="Utility")
            size, replications = compare_io.netadopt_io.population_size(ds), ds.sizes["replication"]
        output_fixture.assert_title_describes(self, figure, "us", size, replications)
        self.assertEqual(output_fixture.figure_titles(given).split("\n")[0], "Utility")
        output_fixture.assert_role_names_displayed(self, figure)
        output_fixture.assert_same_ylim(self, [axes for axes in figure.axes if axes.get_visible()])
        output_fixture.assert_help_reads_fully(self, plot_utility.main)

    def test_a_comparison_without_group_names_its_groups(self):
        code, errors = run_main([PATH, "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("is a comparison file; choose one of its runs with --group (france or us)",
                      errors)

    def test_an_unknown_group_or_platform_is_named(self):
        code, errors = run_main([PATH, "--group", "germany", "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("has no run 'germany': it has groups france, us", errors)
        code, errors = run_main([PATH, "--group", "us", "--platform", "Viaduc",
                                 "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("no platform 'Viaduc' in this run; it has LinkedIn", errors)

    def test_a_bass_run_is_refused_naming_what_was_expected(self):
        bass = os.path.join(os.path.dirname(PATH), "bass_small.h5")
        if not os.path.exists(bass):
            self.skipTest("no Bass output in this build")
        code, errors = run_main([bass, "-o", os.path.join(self.dir, "x.png")])
        self.assertEqual(code, 1)
        self.assertIn("expected an essay-model run with 'utility_terms'", errors)
        self.assertIn("found 'netadopt simulation output' with variables members", errors)


if __name__ == "__main__":
    PATH = output_fixture.take_output_path()
    unittest.main()
