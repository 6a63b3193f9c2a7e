#!/usr/bin/env bash
# Sets up, builds (release preset) and runs every test: C++ unit, validation, CLI, regression,
# determinism, and the Python analysis tests (with Debian's /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release
