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
