#!/usr/bin/env bash
# Sets up, builds (release preset) and runs every test: C++ unit, validation, CLI, regression,
# determinism, and the Python analysis tests (with Debian's /usr/bin/python3). Prints the time
# of each step.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SECONDS=0
cmake --preset release >/dev/null
cmake --build --preset release
echo "== test: release build took ${SECONDS} s"
SECONDS=0
ctest --preset release
echo "== test: release tests took ${SECONDS} s"
