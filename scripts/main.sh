#!/usr/bin/env bash
# Sets up, builds and runs the main job: France vs the US. Both shipped scenarios run under
# common random numbers; the comparison and the decomposition of the gap among the essay's
# hypotheses are printed and written to results/france_vs_us.h5, with plots beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target netadopt
build/release/netadopt compare scenarios/france.ini scenarios/us.ini \
  -o results/france_vs_us.h5 --force
out=results/france_vs_us.h5
/usr/bin/python3 analysis/plot_compare.py "$out" -o results/france_vs_us.png
/usr/bin/python3 analysis/plot_decomposition.py "$out" -o results/decomposition.png
for country in france us; do
  /usr/bin/python3 analysis/plot_utility.py "$out" --group "$country" -o "results/utility_$country.png"
done
