"""Shared by the analysis tests: where the analysis scripts are, and the output under test.

Each test script is run as `python3 test_x.py OUTPUT.h5`; the path is taken off argv before
unittest sees the arguments.
"""

import os
import sys

ANALYSIS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "analysis")
sys.path.insert(0, ANALYSIS_DIR)

START_DATE = "2003-01-01"
REPLICATIONS = 3
POPULATION = 2000


def take_output_path():
    """Removes and returns the OUTPUT.h5 argument, failing with a usage line if it is absent."""
    if len(sys.argv) < 2 or not sys.argv[1].endswith(".h5"):
        sys.exit(f"usage: {sys.argv[0]} OUTPUT.h5 [unittest options]")
    path = sys.argv.pop(1)
    if not os.path.exists(path):
        sys.exit(f"{sys.argv[0]}: output file '{path}' does not exist (did the fixture run?)")
    return path


def assert_not_blank(case, png):
    """Fails `case` unless the PNG has some variance and more than 10 distinct colours."""
    import matplotlib.image
    import numpy as np
    pixels = matplotlib.image.imread(png)
    case.assertGreater(float(pixels.var()), 0.0)
    case.assertGreater(len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)), 10)


def assert_png_and_pdf(case, png, dpi):
    """Fails `case` unless PNG and PDF were both written and the PNG is the PDF's page at `dpi`:
    its width in pixels is the page's width in inches (MediaBox, 72 points each) x dpi."""
    import re
    import matplotlib.image
    pdf = os.path.splitext(png)[0] + ".pdf"
    case.assertTrue(os.path.exists(png), f"no {png}")
    case.assertTrue(os.path.exists(pdf), f"no {pdf}")
    with open(pdf, "rb") as handle:
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", handle.read())
    case.assertIsNotNone(box, f"{pdf} has no MediaBox: not a PDF")
    width_inches = float(box.group(1)) / 72.0
    pixels = matplotlib.image.imread(png)
    case.assertLessEqual(abs(pixels.shape[1] - width_inches * dpi), 1.0,
                         f"{png}: {pixels.shape[1]} px wide, expected {width_inches} in x {dpi} dpi")


def help_text(main):
    """What main(['--help']) prints, failing unless it exits with 0."""
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main(["--help"])
        except SystemExit as stop:
            if stop.code not in (0, None):
                raise AssertionError(f"--help exited with {stop.code}") from None
        else:
            raise AssertionError("--help did not exit")
    return out.getvalue()


def assert_help_reads_fully(case, main):
    """--help exits 0, names --dpi and --title, and its text ends with a full sentence."""
    text = help_text(main)
    for flag in ("--dpi", "--title", "-o"):
        case.assertIn(flag, text)
    case.assertTrue(text.rstrip().endswith("."), f"--help ends mid-sentence: ...{text[-80:]!r}")
    description = text.split("\n\n")[1]
    case.assertTrue(description.rstrip().endswith("."), f"description cut: {description!r}")


def figure_titles(figure):
    """The figure's suptitle and every axes' title, as one text."""
    texts = [figure._suptitle.get_text()] if figure._suptitle is not None else []
    texts += [axes.get_title() for axes in figure.axes]
    return "\n".join(texts)


def legend_texts(figure):
    """The texts of every legend of the figure (axes legends and figure legends)."""
    legends = [axes.get_legend() for axes in figure.axes] + list(figure.legends)
    return [text.get_text() for legend in legends if legend is not None
            for text in legend.get_texts()]


def assert_title_describes(case, figure, name, size, replications):
    titles = figure_titles(figure)
    case.assertIn(name, titles)
    case.assertIn(f"N = {size:,}", titles)
    case.assertIn(f"{replications} replications", titles)


def assert_same_ylim(case, axes_list):
    limits = {tuple(round(v, 9) for v in axes.get_ylim()) for axes in axes_list}
    case.assertEqual(len(limits), 1, f"y limits differ: {limits}")


def with_run_summaries(source, target, any_per_1000=None, population_size=None):
    """Copies the essay output `source` to `target` adding what netadopt writes since issue 15:
    root attributes population_size and workforce_share, members_any_per_1000_workers
    (replication, time) and members_per_1000_workers (replication, time, platform). Where given,
    any_per_1000 fills the first (a value the test can recognise) and population_size the
    attribute; otherwise they are computed from the file."""
    import xarray as xr
    sys.path.insert(0, ANALYSIS_DIR)
    import netadopt_io
    with xr.open_dataset(source, engine="h5netcdf") as ds:
        ds = ds.load()
    share = netadopt_io.workforce_share(ds)
    size = population_size or netadopt_io.population_size(ds)
    ds.attrs["workforce_share"] = share
    ds.attrs["population_size"] = size
    scale = 1000.0 * share / size
    any_platform = ds["members_any"].sum("role") * scale
    if any_per_1000 is not None:
        any_platform = any_platform * 0.0 + any_per_1000
    ds["members_any_per_1000_workers"] = any_platform.astype(float)
    ds["members_per_1000_workers"] = (netadopt_io.platform_members(ds).sum("role") * scale).astype(float)
    ds.to_netcdf(target, engine="h5netcdf")
    return target


def assert_role_names_displayed(case, figure):
    """Every role is spelled as netadopt_io.role_name spells it: 'middle manager', never
    'middle_manager', in any text of the figure."""
    import matplotlib.text
    texts = " | ".join(t.get_text() for t in figure.findobj(matplotlib.text.Text))
    for label in ("middle_manager", "job_seeker"):
        case.assertNotIn(label, texts)
    case.assertIn("middle manager", texts)
    case.assertIn("job seeker", texts)
