"""plot_scaling.py draws, from a netadopt_bench CSV, the wall time per event (wall / events, in
ns) and the peak memory per agent ((peak - base) / N, and the bench's bytes beyond the ties)
against N for each scaling series, writes PNG and PDF, and refuses a CSV without scaling rows
or with a broken value, naming the file and line.

    /usr/bin/python3 test_plot_scaling.py
"""

import contextlib
import io
import os
import shutil
import tempfile
import unittest

import output_fixture  # first: it puts analysis/ on the path
import plot_scaling  # noqa: E402

HEADER = ("case,agents,ties,threads,replications,events,wall_seconds,events_per_second,"
          "cpu_seconds,runs_per_cpu_second,build_seconds,base_bytes,peak_bytes,"
          "bytes_per_agent_beyond_ties,bytes_per_tie\n")
# case, N, events, wall, base, peak, beyond the ties
ROWS = [("sir_scaling", 10000, 2000000, 0.5, 1e6, 3e6, 120.0),
        ("sir_scaling", 100000, 2000000, 1.0, 1e6, 11e6, 20.0),
        ("essay_scaling", 10000, 1000000, 0.8, 1e6, 9e6, 590.0),
        ("essay_france", 100000, 1, 1.0, 0, 1, 1.0)]  # not a scaling row: left out


def write_csv(path, rows, header=HEADER):
    with open(path, "w") as out:
        out.write(header)
        for case, n, events, wall, base, peak, beyond in rows:
            out.write(f"{case},{n},0,1,1,{events},{wall},0,{wall},1,0,{base},{peak},{beyond},0\n")


def run_main(args):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = plot_scaling.main(args)
    return code, errors.getvalue()


class PlotScaling(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="netadopt-scaling-")
        self.csv = os.path.join(self.dir, "scaling.csv")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_series_are_time_per_event_and_bytes_per_agent(self):
        write_csv(self.csv, ROWS)
        series = plot_scaling.read_rows(self.csv)
        self.assertEqual(set(series), {"sir_scaling", "essay_scaling"})
        self.assertEqual(series["sir_scaling"][0], (10000, 250.0, 200.0, 120.0))
        self.assertEqual(series["sir_scaling"][1], (100000, 500.0, 100.0, 20.0))
        figure = plot_scaling.draw(series)
        time_axes, memory_axes = figure.axes
        sir_time = time_axes.lines[0]
        self.assertEqual(list(sir_time.get_xdata()), [10000, 100000])
        self.assertEqual(list(sir_time.get_ydata()), [250.0, 500.0])
        self.assertEqual(list(memory_axes.lines[0].get_ydata()), [200.0, 100.0])
        self.assertEqual(list(memory_axes.lines[1].get_ydata()), [120.0, 20.0])
        self.assertEqual(time_axes.get_xscale(), "log")
        self.assertEqual(memory_axes.get_yscale(), "log")

    def test_writes_png_and_pdf_at_dpi(self):
        write_csv(self.csv, ROWS)
        png = os.path.join(self.dir, "scaling.png")
        code, errors = run_main([self.csv, "-o", png, "--dpi", "60"])
        self.assertEqual(code, 0, errors)
        output_fixture.assert_not_blank(self, png)
        output_fixture.assert_png_and_pdf(self, png, 60)

    def test_refuses_a_csv_without_scaling_rows(self):
        write_csv(self.csv, ROWS[3:])
        code, errors = run_main([self.csv])
        self.assertEqual(code, 1)
        self.assertIn("no scaling rows", errors)
        self.assertIn("--scaling --csv", errors)

    def test_refuses_a_broken_value_naming_the_line(self):
        write_csv(self.csv, ROWS[:1])
        with open(self.csv) as handle:
            text = handle.read().replace(",0.5,", ",half,")
        with open(self.csv, "w") as handle:
            handle.write(text)
        code, errors = run_main([self.csv])
        self.assertEqual(code, 1)
        self.assertIn("scaling.csv:2:", errors)

    def test_refuses_another_csv_and_a_missing_file(self):
        write_csv(self.csv, ROWS, header="a,b\n")
        self.assertIn("not a netadopt_bench CSV", run_main([self.csv])[1])
        self.assertIn("cannot read it", run_main([os.path.join(self.dir, "none.csv")])[1])


if __name__ == "__main__":
    unittest.main()
