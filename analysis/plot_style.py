"""What every plot script shares: its command line (--dpi, --title, --sharey, -o), the name of
its replication band, y limits shared across panels, and writing a figure as PNG and PDF.
"""

import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

DEFAULT_DPI = 200
BAND_LEVEL = 0.95
# One colour per role of the essay model, in every plot (names: netadopt_io.role_name).
ROLE_COLOURS = {"executive": "tab:blue", "salesperson": "tab:orange",
                "middle_manager": "tab:green", "job_seeker": "tab:red"}


def band_label(replications):
    """The legend's definition of the shaded band that every plot draws around a mean."""
    return (f"band: central {100 * BAND_LEVEL:.0f}% of {replications} replications "
            f"(2.5% to 97.5% quantiles)")


def band_legend_entry(replications, colour="0.6"):
    """A legend handle defining the band, for plots whose bands have no label of their own."""
    return Patch(facecolor=colour, alpha=0.3, label=band_label(replications))


def _paragraphs(doc):
    """A module docstring's paragraphs, without its indented usage lines."""
    paragraphs = []
    for block in doc.strip().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("    ")]
        if lines:
            paragraphs.append("\n".join(lines))
    return paragraphs


def make_parser(doc, output_help, panels=False):
    """An ArgumentParser whose --help shows the whole docstring (usage lines aside) and has
    -o, --dpi, --title and, for figures with several panels, --sharey."""
    paragraphs = _paragraphs(doc)
    parser = argparse.ArgumentParser(
        description=paragraphs[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(paragraphs[1:] + [
            "Writes the image given by -o and the same name with the other extension: "
            "PNG and PDF."]))
    parser.add_argument("-o", "--png", metavar="IMAGE", help=output_help)
    parser.add_argument("--dpi", type=int, default=DEFAULT_DPI,
                        help=f"resolution of the PNG in dots per inch (default {DEFAULT_DPI})")
    parser.add_argument("--title", help="the figure's title (default: the scenario, N and the "
                                        "number of replications)")
    if panels:
        parser.add_argument("--sharey", action="store_true",
                            help="one y scale for the panels that show the same quantity")
    return parser


def check_dpi(parser, dpi):
    if dpi < 10 or dpi > 2000:
        parser.error(f"--dpi: expected 10 to 2000 dots per inch, found {dpi}")


def share_y(axes_list):
    """Gives the axes one y range: the union of their ranges."""
    axes_list = list(axes_list)
    if len(axes_list) < 2:
        return
    lows, highs = zip(*(axes.get_ylim() for axes in axes_list))
    for axes in axes_list:
        axes.set_ylim(min(lows), max(highs))


def image_paths(path):
    """(png, pdf) for an -o path: its stem with .png and .pdf."""
    stem, extension = os.path.splitext(path)
    if extension.lower() not in (".png", ".pdf"):
        stem = path
    return stem + ".png", stem + ".pdf"


def save_figure(figure, path, dpi=DEFAULT_DPI):
    """Writes the figure as PNG (at dpi) and PDF beside it, closes it; returns both paths."""
    paths = image_paths(path)
    for target in paths:
        figure.savefig(target, dpi=dpi)
    plt.close(figure)
    return paths
