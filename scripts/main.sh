#!/usr/bin/env bash
# Sets up, builds and runs the main job: for now the shipped Bass scenario. Writes
# results/bass.h5 (replacing an earlier one) and results/bass.png, and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target netadopt
build/release/netadopt run scenarios/bass.ini -o results/bass.h5 --force
/usr/bin/python3 analysis/plot_members.py results/bass.h5 -o results/bass.png
