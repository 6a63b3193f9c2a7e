#!/usr/bin/env bash
# Sets up, builds and runs the main job: France vs the US under the calibrated model.
#
#  1. Prints the calibration shipped in scenarios/calibrated/ (report.txt; its PROVENANCE says
#     how it was made): the posterior of the shared parameters, the 2005-08 US/France ratio with
#     its interval against the data's 3-6, the held-out errors, the benchmark table and the
#     decomposition of the gap on posterior draws.
#     scripts/main.sh --recalibrate reruns the whole calibration first (hours on 2 cores:
#     analysis/calibrate_essay.py, resumable) and ships it there.
#  2. Runs France and the US at the posterior medians under common random numbers, with the
#     decomposition of the gap, and writes results/france_vs_us.h5 and its plots.
set -euo pipefail
cd "$(dirname "$0")/.."
recalibrate=0
for arg in "$@"; do
  case "$arg" in
    --recalibrate) recalibrate=1 ;;
    *) echo "usage: scripts/main.sh [--recalibrate]" >&2; exit 64 ;;
  esac
done
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target netadopt
if [[ $recalibrate == 1 ]]; then
  /usr/bin/python3 analysis/calibrate_essay.py scenarios/history_matching.ini \
    -o results/calibration --ship scenarios/calibrated
  /usr/bin/python3 analysis/plot_calibration.py results/calibration/calibration.h5
fi
cat scenarios/calibrated/report.txt
mapfile -t medians < scenarios/calibrated/medians.args
echo
echo "France vs the US at the posterior medians (${#medians[@]} arguments from scenarios/calibrated/medians.args):"
build/release/netadopt compare scenarios/france.ini scenarios/us.ini "${medians[@]}" \
  --decomposition-replications 4 -o results/france_vs_us.h5 --force
out=results/france_vs_us.h5
/usr/bin/python3 analysis/plot_compare.py "$out" -o results/france_vs_us.png --sharey
/usr/bin/python3 analysis/plot_decomposition.py "$out" -o results/decomposition.png
for country in france us; do
  /usr/bin/python3 analysis/plot_utility.py "$out" --group "$country" -o "results/utility_$country.png" --sharey
done
