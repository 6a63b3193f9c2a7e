#!/usr/bin/env bash
# A researcher's first day (issue 15, the small things), through the binary as a user meets it:
#   1. `run` from a folder without results/ creates it for the default output;
#   2. an -o into a missing folder is refused (73) with the mkdir hint and -o;
#   3. a run summary never prints an interval below zero;
#   4. platformN.founders_share scales the founders' circle with population.size, and
#      founders plus founders_share together are refused;
#   5. a missing scenario file (66) points at the shipped scenarios.
# usage: first_day.sh NETADOPT SOURCE_DIR
set -euo pipefail
netadopt=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$work"
cp "$source_dir/tests/cli/inputs/valid.ini" first.ini
"$netadopt" run first.ini --quiet 2>err.txt || fail "run without results/ exited $?: $(cat err.txt)"
[[ -f results/first.h5 ]] || fail "results/first.h5 was not written"
grep -q "created the folder results/" err.txt || fail "no note that results/ was created"

code=0
"$netadopt" run first.ini -o missing/out.h5 --quiet 2>err.txt || code=$?
[[ $code -eq 73 ]] || fail "-o into a missing folder exited $code, expected 73"
grep -q "mkdir -p 'missing'" err.txt || fail "no mkdir hint: $(cat err.txt)"
grep -q -- "-o OUT.h5" err.txt || fail "no -o hint: $(cat err.txt)"
[[ ! -e missing ]] || fail "a folder other than results/ was created"

# Bass at 200 agents with 3 replications: the early counts are near 0 and vary, so a
# symmetric t interval would reach below zero.
"$netadopt" run first.ini --set run.replications=3 --set bass.p=0.001 -o summary.h5 >out.txt
grep -q "confidence interval" out.txt || fail "no summary table: $(cat out.txt)"
if grep -E "\[-[0-9]" out.txt; then fail "an interval below zero in the summary"; fi

cat > founders.ini <<'INI'
[run]
model = essay
replications = 1
start = 2003-01-01
end = 2003-03-01
[population]
size = 2000
cadres_share = 0.157
sales_share = 0.11
[culture]
country = us
language = en
english_share = 1
power_distance = 40
individualism = 91
masculinity = 62
uncertainty_avoidance = 46
long_term_orientation = 26
indulgence = 68
employment_protection = 0.26
unemployment_rate = 5.5
long_term_unemployment_share = 0.12
[platforms]
count = 1
[platform1]
launch = 2003-01-01
founders_share = 0.005
INI
"$netadopt" validate founders.ini >validated.txt || fail "founders_share refused"
grep -q "^founders_share = 0.005" validated.txt || fail "founders_share not in the resolved text"
# 0.005 x 2000 agents = a circle of 10: the same run, draw for draw, as founders = 10, and
# not the same as the default count of 20.
grep -v founders_share founders.ini >count.ini
"$netadopt" run founders.ini -o share.h5 --quiet
"$netadopt" run count.ini --set platform1.founders=10 -o ten.h5 --quiet
"$netadopt" run count.ini -o twenty.h5 --quiet
fingerprint() { /usr/bin/python3 -c 'import h5py,sys; print(h5py.File(sys.argv[1])["fingerprint"][0])' "$1"; }
[[ $(fingerprint share.h5) == $(fingerprint ten.h5) ]] ||
  fail "founders_share 0.005 of 2000 agents is not the run with founders = 10"
[[ $(fingerprint share.h5) != $(fingerprint twenty.h5) ]] ||
  fail "founders_share was ignored: the run equals the default count of 20"
code=0
"$netadopt" validate founders.ini --set platform1.founders=5 2>err.txt >/dev/null || code=$?
[[ $code -eq 65 ]] || fail "founders and founders_share together exited $code, expected 65"
grep -q "not both" err.txt || fail "no 'not both' message: $(cat err.txt)"

code=0
"$netadopt" run no_such.ini 2>err.txt || code=$?
[[ $code -eq 66 ]] || fail "a missing scenario exited $code, expected 66"
grep -q "scenarios/france.ini" err.txt || fail "no pointer to the shipped scenarios: $(cat err.txt)"
grep -q "a file could not be read" err.txt || fail "no summary line: $(cat err.txt)"
echo "first day: all checks passed"
