#!/usr/bin/env bash
# Sets up, builds and runs the main job: the France and US scenarios of the essay model
# (scenarios/france.ini, scenarios/us.ini), then the Bass validation scenario. Writes
# results/{france,us,bass}.h5 and a PNG beside each (replacing earlier ones), and prints the
# summaries.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target netadopt
for country in france us; do
  build/release/netadopt run "scenarios/$country.ini" -o "results/$country.h5" --force
  /usr/bin/python3 analysis/plot_roles.py "results/$country.h5" -o "results/$country.png"
  echo
done
build/release/netadopt run scenarios/bass.ini -o results/bass.h5 --force
/usr/bin/python3 analysis/plot_members.py results/bass.h5 -o results/bass.png
