#!/usr/bin/env bash
# Sanitizers and fuzzing, for CI after scripts/test.sh: builds the `asan` preset (AddressSanitizer
# + UndefinedBehaviorSanitizer, g++) and runs the test suite under it, then builds the `fuzz`
# preset (clang 14) and runs the scenario parser's libFuzzer target for a bounded time, seeded
# with the shipped scenarios and the CLI tests' inputs, hostile ones included.
#   NETADOPT_FUZZ_SECONDS      how long the fuzzer runs (default 60)
#   NETADOPT_VALIDATION_SCALE  the statistical validations' replications or population sizes,
#                              as a share of the release stage's (default here 0.25; the tests
#                              derive their tolerances from the sizes drawn, so only their power
#                              falls; tests/validation_scale.hpp)
# Under the sanitizers every C++ library is tested through its unit, validation and CLI tests;
# the Python analysis tests (analysis_*) and the benchmark's smoke run (netadopt_bench) are left
# to the release stage: they test Python scripts and the benchmark driver, not the libraries, and
# were a third of this stage's time.
# A finding stops the script with the sanitizer's report; the fuzzer's crashing input is kept
# under build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
fuzz_seconds=${NETADOPT_FUZZ_SECONDS:-60}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export NETADOPT_VALIDATION_SCALE=${NETADOPT_VALIDATION_SCALE:-0.25}

echo "== check_sanitizers: unit tests under ASan + UBSan (preset asan)"
SECONDS=0
cmake --preset asan >/dev/null
cmake --build --preset asan
echo "== check_sanitizers: asan build took ${SECONDS} s"
SECONDS=0
ctest --preset asan --exclude-regex '^(analysis_|netadopt_bench)'
echo "== check_sanitizers: asan tests took ${SECONDS} s (validation scale ${NETADOPT_VALIDATION_SCALE})"

echo "== check_sanitizers: fuzzing the scenario parser for ${fuzz_seconds} s (preset fuzz)"
SECONDS=0
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=build/fuzz/corpus
mkdir -p "$corpus" build/fuzz/artifacts
for seed in scenarios/*.ini tests/cli/inputs/* tests/cli/hostile/inputs/*; do
  cp "$seed" "$corpus/${seed//\//_}"  # the path as the name: inputs of the same name differ
done
build/fuzz/tests/fuzz/fuzz_scenario "$corpus" -max_total_time="$fuzz_seconds" -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/
echo "== check_sanitizers: fuzz build and run took ${SECONDS} s"
