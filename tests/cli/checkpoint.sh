#!/usr/bin/env bash
# Checkpoints and forks through the CLI (issue 7). Each case prints what it checks and fails
# with the reason.
#   checkpoint.sh NETADOPT INPUTS WORK CASE
# CASE:
#   signal   SIGTERM midway (once the first yearly checkpoint is written): exit 75, a
#            checkpoint folder, no output; --resume finishes with the
#            fingerprints, events and members of a run never interrupted; the folder is removed
#   periodic --checkpoint-every 1s writes a checkpoint while it runs; the result is unchanged
#   fork     --stop-at writes a base; a fork file changing a rate runs from it; a fork changing
#            population.size is refused (65, naming the key); a second fresh run into a folder
#            holding a checkpoint is refused (73)
#   fork-provenance (issue 15) the fork's output marks its change `# fork: was 3.05` and has
#            root attributes fork_checkpoint, fork_date, fork_file, fork_changes, kept by a
#            resumed fork; `validate` of a fork prints the checkpoint's model and size; a fork
#            file in another folder with a wrong relative path names the file, the key and
#            "relative to" (66); a fork.date too early is one message for all replications (65);
#            a fork of culture.unemployment_rate runs on the checkpoint's initial state
#   build-signal SIGTERM while the population of 3 million agents is being built (its memory
#            growing past 300 MB): exit 143 (128 + SIGTERM) soon after, a message saying nothing
#            was written, and neither output nor checkpoint folder
#   damaged  --resume of a missing folder, a truncated replication file, a file of another
#            run: exit 66 with the file and the problem
set -euo pipefail
netadopt=$1 inputs=$2 work=$3 case=$4
mkdir -p "$work"
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

# The data of a dataset, without the file name (so two files can be compared).
data() { h5dump -d "$2" -w 0 "$1" | sed -n '/DATA {/,/^ *}/p'; }

same_results() {
  local a=$1 b=$2 name
  for name in /fingerprint /events /members; do
    [[ $(data "$a" $name) == $(data "$b" $name) ]] || fail "$name differs between $a and $b"
  done
  echo "$a and $b: same fingerprints, events and members"
}

signal_case() {
  rm -rf whole.h5 cut.h5 cut.checkpoint
  "$netadopt" run "$inputs/slow.ini" -o whole.h5 --threads 2 --quiet
  set -m
  # Yearly checkpoints show when the run is simulating (not still starting, which takes long
  # under the sanitizers): SIGTERM goes as soon as the first one appears.
  "$netadopt" run "$inputs/slow.ini" -o cut.h5 --threads 2 --quiet --checkpoint-days 365 2>cut.err &
  local pid=$! status=0
  set +m
  until ls cut.checkpoint/replication_*.h5 >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail "the run ended before its first checkpoint"
    sleep 0.02
  done
  kill -TERM "$pid"
  wait "$pid" || status=$?
  cat cut.err
  [[ $status -eq 75 ]] || fail "expected exit 75 after SIGTERM, found $status"
  [[ ! -e cut.h5 ]] || fail "cut.h5 exists after SIGTERM"
  ls cut.checkpoint/replication_*.h5 >/dev/null || fail "no checkpoint written"
  grep -q "interrupted by SIGTERM" cut.err || fail "the message does not say SIGTERM"
  grep -q "netadopt run --resume cut.checkpoint" cut.err || fail "the message does not say how to resume"
  "$netadopt" run --resume cut.checkpoint --threads 1 --quiet
  same_results whole.h5 cut.h5
  [[ ! -e cut.checkpoint ]] || fail "the checkpoint folder is left after the run finished"
}

periodic_case() {
  rm -rf whole.h5 ticking.h5 ticking.checkpoint
  "$netadopt" run "$inputs/slow.ini" -o whole.h5 --threads 2 --quiet
  "$netadopt" run "$inputs/slow.ini" -o ticking.h5 --threads 2 --quiet --checkpoint-every 1s \
    --checkpoint ticking.checkpoint &
  local pid=$!
  local seen=0
  for _ in $(seq 1 60); do
    if ls ticking.checkpoint/replication_*.h5 >/dev/null 2>&1; then seen=1; break; fi
    sleep 0.25
  done
  wait "$pid"
  [[ $seen -eq 1 ]] || fail "no checkpoint appeared while the run went on"
  same_results whole.h5 ticking.h5
}

fork_case() {
  rm -rf base.h5 base.2006-01-01.checkpoint fork.h5 refused.h5
  local base="$inputs/checkpoint_base.ini" status=0
  "$netadopt" run "$base" -o base.h5 --stop-at 2006-01-01 --quiet 2>stop.err
  cat stop.err
  grep -q "stopped at 2006-01-01" stop.err || fail "--stop-at does not say where it stopped"
  [[ ! -e base.h5 ]] || fail "--stop-at wrote a result"
  # relative to the fork file's folder (texts are at most 64 characters)
  printf '[fork]\ncheckpoint = base.2006-01-01.checkpoint\n[culture]\nemployment_protection = 1.5\n' >fork.ini
  "$netadopt" run fork.ini -o fork.h5 --quiet || fail "the fork did not run"
  [[ -e fork.h5 ]] || fail "the fork wrote no result"
  [[ -e base.2006-01-01.checkpoint ]] || fail "the fork consumed its base checkpoint"
  printf '[fork]\ncheckpoint = base.2006-01-01.checkpoint\n[population]\nsize = 10\n' >refused.ini
  "$netadopt" run refused.ini -o refused.h5 2>refused.err || status=$?
  cat refused.err
  [[ $status -eq 65 ]] || fail "a fork changing population.size exited $status, not 65"
  grep -q "refused.ini.*population.size.*cannot change in a fork" refused.err ||
    fail "the refusal does not name the file and the key"
  status=0
  "$netadopt" run "$base" -o base.h5 --stop-at 2006-01-01 2>again.err || status=$?
  cat again.err
  [[ $status -eq 73 ]] || fail "a run into a folder holding a checkpoint exited $status, not 73"
  grep -q "holds the checkpoint of an earlier run" again.err || fail "the refusal does not say why"
}

# The fork provenance of OUTPUT (root attributes, `scenario`), checked by python.
check_fork_attributes() {
  /usr/bin/python3 - "$1" "$(realpath base.2006-01-01.checkpoint)" <<'EOF'
import sys, h5py
out, checkpoint = sys.argv[1], sys.argv[2]
with h5py.File(out, "r") as f:
    attrs = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in f.attrs.items()}
expected = {"fork_checkpoint": checkpoint, "fork_date": "2006-01-01", "fork_file": "fork.ini",
            "fork_changes": "culture.employment_protection: 3.05 -> 1.5"}
wrong = [f"{k} is {attrs.get(k)!r}, not {v!r}" for k, v in expected.items() if attrs.get(k) != v]
scenario = attrs.get("scenario", "")
if "employment_protection = 1.5 # fork: was 3.05\n" not in scenario:
    wrong.append("the scenario does not mark employment_protection '# fork: was 3.05'")
if "# fork of the checkpoint " + checkpoint + "\n" not in scenario:
    wrong.append("the scenario does not say which checkpoint it forks")
if wrong:
    sys.exit(out + ": " + "; ".join(wrong))
print(out + ": fork provenance as expected")
EOF
}

fork_provenance_case() {
  rm -rf base.h5 base.2006-01-01.checkpoint fork.h5 resumed.h5 resumed.2008-01-01.checkpoint forks \
    shock.h5
  local base="$inputs/checkpoint_base.ini" status=0
  "$netadopt" run "$base" -o base.h5 --stop-at 2006-01-01 --quiet 2>/dev/null
  printf '[fork]\ncheckpoint = base.2006-01-01.checkpoint\n[culture]\nemployment_protection = 1.5\n' >fork.ini
  "$netadopt" run fork.ini -o fork.h5 --quiet || fail "the fork did not run"
  check_fork_attributes fork.h5 || fail "fork.h5 lacks its fork provenance"
  # a resumed fork records the same
  "$netadopt" run fork.ini -o resumed.h5 --stop-at 2008-01-01 --quiet 2>/dev/null
  "$netadopt" run --resume resumed.2008-01-01.checkpoint --quiet || fail "the fork did not resume"
  check_fork_attributes resumed.h5 || fail "the resumed fork lost its provenance"
  same_results fork.h5 resumed.h5

  # a fork changing what the initial state was derived from (the unemployment rate sets the
  # initial unemployment) keeps the checkpoint's state and changes the behaviour only
  printf '[fork]\ncheckpoint = base.2006-01-01.checkpoint\n[culture]\nunemployment_rate = 12\n' >shock.ini
  "$netadopt" run shock.ini -o shock.h5 --quiet ||
    fail "a fork changing culture.unemployment_rate did not run from the checkpoint's state"
  "$netadopt" validate shock.ini >shock.out || fail "validate of the unemployment fork failed"
  grep -q "^# separation_rate = 0.[0-9]* (derived" shock.out ||
    fail "validate of a fork does not print the derived rates as numbers"
  echo "a fork of the unemployment rate runs on the checkpoint's initial state"

  # validate resolves a fork against its checkpoint
  "$netadopt" validate fork.ini >validate.out || fail "validate of a fork failed"
  grep -q "^# fork of the checkpoint .*/base.2006-01-01.checkpoint$" validate.out ||
    fail "validate does not name the checkpoint"
  grep -q "^# from 2006-01-01" validate.out || fail "validate does not give the fork's date"
  grep -q "^model = essay$" validate.out || fail "validate does not show the checkpoint's model"
  grep -q "^size = 3000$" validate.out || fail "validate does not show the checkpoint's size"
  grep -q "^employment_protection = 1.5 # fork: was 3.05$" validate.out ||
    fail "validate does not mark the fork's change"
  echo "validate of a fork: the checkpoint's model and size, the change marked"

  # a fork file in another folder: its checkpoint path is relative to that folder
  mkdir -p forks
  printf '[fork]\ncheckpoint = base.2006-01-01.checkpoint\n' >forks/elsewhere.ini
  "$netadopt" run forks/elsewhere.ini -o forks/elsewhere.h5 2>elsewhere.err || status=$?
  cat elsewhere.err
  [[ $status -eq 66 ]] || fail "a missing fork checkpoint exited $status, not 66"
  grep -q "^forks/elsewhere.ini:2: key 'fork.checkpoint'.*'forks/base.2006-01-01.checkpoint'.*relative to the fork file's folder" elsewhere.err ||
    fail "the message does not name the fork file, the key, the path and 'relative to'"
  printf '[fork]\ncheckpoint = ../base.2006-01-01.checkpoint\n' >forks/right.ini
  "$netadopt" validate forks/right.ini >/dev/null || fail "a right relative path is refused"

  # a fork.date before the checkpoint's: one message for the three replications
  status=0
  printf '[fork]\ncheckpoint = base.2006-01-01.checkpoint\ndate = 2005-06-01\n' >early.ini
  "$netadopt" run early.ini -o early.h5 2>early.err || status=$?
  cat early.err
  [[ $status -eq 65 ]] || fail "a fork.date too early exited $status, not 65"
  [[ $(grep -c "after the fork's date" early.err) -eq 1 ]] ||
    fail "a fork.date too early is not exactly one message"
  grep -q "early.ini.*fork.date.*replications 0-2 of the checkpoint are already at 2006-01-01" early.err ||
    fail "the message does not name the replications and their date"
}

damaged_case() {
  local status=0
  rm -rf part.h5 part.2005-01-01.checkpoint
  "$netadopt" run "$inputs/checkpoint_base.ini" -o part.h5 --stop-at 2005-01-01 --quiet 2>/dev/null
  "$netadopt" run --resume no_such.checkpoint 2>missing.err || status=$?
  cat missing.err
  [[ $status -eq 66 ]] || fail "resuming a missing folder exited $status, not 66"
  grep -q "no_such.checkpoint" missing.err || fail "the message does not name the folder"
  local file=part.2005-01-01.checkpoint/replication_0001.h5
  head -c 3000 "$file" >cut && mv cut "$file"
  status=0
  "$netadopt" run --resume part.2005-01-01.checkpoint 2>damaged.err || status=$?
  cat damaged.err
  [[ $status -eq 66 ]] || fail "resuming a truncated checkpoint exited $status, not 66"
  grep -q "replication_0001.h5" damaged.err || fail "the message does not name the damaged file"
  [[ ! -e part.h5 ]] || fail "a damaged checkpoint produced a result"
}

# Resident memory of a process, in MB (0 once it has gone).
rss_mb() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$1/status" 2>/dev/null || echo 0; }

build_signal_case() {
  rm -rf big.h5 big.checkpoint big.err
  set -m
  "$netadopt" run "$inputs/checkpoint_base.ini" --set population.size=3000000 \
    --set run.replications=1 --threads 1 -o big.h5 --quiet --no-memory-check 2>big.err &
  local pid=$! status=0
  set +m
  until (($(rss_mb "$pid") > 300)); do
    kill -0 "$pid" 2>/dev/null || fail "the run ended before its build grew past 300 MB"
    sleep 0.02
  done
  local t0=$SECONDS
  kill -TERM "$pid"
  wait "$pid" || status=$?
  cat big.err
  echo "exited $((SECONDS - t0)) s after SIGTERM"
  [[ $status -eq 143 ]] || fail "expected exit 143 after SIGTERM during the build, found $status"
  ((SECONDS - t0 <= 20)) || fail "the build went on $((SECONDS - t0)) s after SIGTERM"
  grep -q "interrupted by SIGTERM before any replication began" big.err ||
    fail "the message does not say the run stopped before it began"
  grep -q "nothing was written" big.err || fail "the message does not say nothing was written"
  [[ ! -e big.h5 ]] || fail "big.h5 exists after SIGTERM during the build"
  [[ ! -e big.checkpoint ]] || fail "a checkpoint folder exists after SIGTERM during the build"
}

case $case in
  signal) signal_case ;;
  build-signal) build_signal_case ;;
  periodic) periodic_case ;;
  fork) fork_case ;;
  fork-provenance) fork_provenance_case ;;
  damaged) damaged_case ;;
  *) fail "unknown case '$case'" ;;
esac
