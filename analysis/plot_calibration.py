#!/usr/bin/python3
"""Plots a calibration (analysis/calibrate_essay.py's calibration.h5):

  FOLDER/posterior_pairs.{png,pdf}   posterior pairs: each parameter's histogram on the
                                     diagonal, pairs of draws below it, on the prior's range
  FOLDER/predictive.{png,pdf}        posterior predictive median and central 90% band of each
                                     series, with the fitted (filled) and held-out (open) points

    /usr/bin/python3 analysis/plot_calibration.py results/calibration/calibration.h5 [--dpi 200]
"""

import argparse
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plot_style  # noqa: E402


def _strings(dataset):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in dataset[:]]


def plot_pairs(f, path, dpi):
    keys = _strings(f["posterior/keys"])
    draws = f["posterior/draws"][:]
    k = len(keys)
    fig, axes = plt.subplots(k, k, figsize=(1.6 * k, 1.6 * k), squeeze=False)
    for i in range(k):
        for j in range(k):
            ax = axes[i, j]
            if j > i:
                ax.set_visible(False)
            elif i == j:
                ax.hist(draws[:, i], bins=30, color="0.4")
            else:
                ax.plot(draws[::max(1, len(draws) // 3000), j], draws[::max(1, len(draws) // 3000), i],
                        ".", ms=1, alpha=0.3, color="C0")
            ax.tick_params(labelsize=5)
            if i == k - 1:
                ax.set_xlabel(keys[j].split(".")[-1], fontsize=6)
            if j == 0 and i > 0:
                ax.set_ylabel(keys[i].split(".")[-1], fontsize=6)
    fig.suptitle(f"Posterior of the shared parameters ({len(draws)} MCMC draws on the emulators)")
    _save(fig, path, dpi)


def plot_predictive(f, path, dpi):
    g = f["predictive"]
    dates = np.array(_strings(g["dates"]), dtype="datetime64[D]")
    names = [n for n in g if n not in ("keys", "points", "dates") and not n.startswith("any_")]
    targets = {n: [] for n in names}
    for name, value, held in zip(_strings(f["targets/name"]), f["targets/per_1000"][:], f["targets/held_out"][:]):
        series, _, date = name.partition("@")
        if series in targets:
            targets[series].append((np.datetime64(date), value, held))
    fig, axes = plt.subplots(1, len(names), figsize=(4 * len(names), 3.4), squeeze=False, sharey=True)
    for ax, name in zip(axes[0], names):
        values = g[name][:]
        low, median, high = np.quantile(values, [0.05, 0.5, 0.95], axis=0)
        ax.fill_between(dates, np.maximum(low, 1e-3), np.maximum(high, 1e-3), alpha=0.3,
                        label=f"central 90% of {len(values)} posterior draws")
        ax.plot(dates, np.maximum(median, 1e-3), label="median")
        for date, value, held in targets[name]:
            ax.plot(date, value, "o", mfc="none" if held else "k", mec="k",
                    label="held out" if held else "fitted")
        ax.set_yscale("log")
        ax.set_title(name.replace("_", " "), fontsize=9)
        ax.set_ylabel("members per 1,000 workers")
        handles, labels = ax.get_legend_handles_labels()
        unique = dict(zip(labels, handles))
        ax.legend(unique.values(), unique.keys(), fontsize=6)
    fig.autofmt_xdate()
    fig.suptitle("Posterior predictive (simulator runs at posterior draws)")
    _save(fig, path, dpi)


def _save(fig, path, dpi):
    fig.tight_layout()
    plot_style.save_figure(fig, f"{path}.png", dpi)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n    /usr")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Each figure is written as PNG (at --dpi) and PDF, beside the calibration file.")
    parser.add_argument("calibration", help="calibration.h5 written by calibrate_essay.py")
    parser.add_argument("--dpi", type=int, default=plot_style.DEFAULT_DPI,
                        help="resolution of the PNGs (default 200)")
    args = parser.parse_args(argv)
    if not os.path.isfile(args.calibration):
        print(f"plot_calibration.py: no such file '{args.calibration}'", file=sys.stderr)
        return 2
    folder = os.path.dirname(os.path.abspath(args.calibration))
    try:
        with h5py.File(args.calibration, "r") as f:
            if "posterior" not in f or "predictive" not in f:
                raise KeyError("posterior or predictive")
            plot_pairs(f, os.path.join(folder, "posterior_pairs"), args.dpi)
            plot_predictive(f, os.path.join(folder, "predictive"), args.dpi)
    except (OSError, KeyError) as error:
        print(f"plot_calibration.py: '{args.calibration}' is not a calibration file ({error})",
              file=sys.stderr)
        return 2
    print(f"wrote {folder}/posterior_pairs.png/.pdf and predictive.png/.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
