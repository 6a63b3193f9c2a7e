#!/usr/bin/env bash
# A sweep killed with SIGKILL midway, then rerun with the same command, finishes with every
# pair, none computed twice, and the same data as an uninterrupted run.
#   kill_resume.sh NETADOPT PYTHON SOURCE_DIR WORK_DIR
set -euo pipefail
netadopt=$1 python=$2 source=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cp "$source/tests/sweep/inputs/grid_5x5.ini" sweep.ini
sed 's/^size = .*/size = 200000/' "$source/tests/sweep/inputs/bass_small.ini" > bass_small.ini

"$netadopt" sweep sweep.ini -o reference.h5 --threads 2 --quiet

"$netadopt" sweep sweep.ini -o out.h5 --threads 1 2> first.log &
pid=$!
for _ in $(seq 1 500); do   # until some pairs are journaled, at most 10 s
  done_pairs=$( (find out.h5.pairs -name "pair-*" 2>/dev/null || true) | wc -l)
  [[ $done_pairs -ge 10 ]] && break
  sleep 0.02
done
kill -KILL $pid
wait $pid 2>/dev/null || true
[[ ! -e out.h5 ]] || { echo "FAIL: a killed sweep left out.h5"; exit 1; }
journaled=$(find out.h5.pairs -name 'pair-*' | wc -l)
echo "killed after $journaled journaled pairs"
[[ $journaled -ge 10 && $journaled -lt 100 ]] || { echo "FAIL: killed too early or too late"; exit 1; }

"$netadopt" sweep sweep.ini -o out.h5 --threads 2 2> second.log
cat second.log
grep -q "resuming, $journaled of 100 pairs already done" second.log ||
  { echo "FAIL: the rerun did not resume from the $journaled journaled pairs"; exit 1; }
[[ ! -e out.h5.pairs ]] || { echo "FAIL: the journal was not removed"; exit 1; }
"$python" "$source/tests/sweep/same_data.py" reference.h5 out.h5
