"""plot_roles.py draws a non-blank PNG from an essay-model output, reads the right shares, and
refuses a file of another model.

    /usr/bin/python3 test_plot_roles.py ESSAY_OUTPUT.h5
"""

import contextlib
import io
import os
import shutil
import tempfile
import unittest

import matplotlib.image
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
        self.assertEqual(run_main([PATH, "-o", png]), (0, ""))
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
