#!/usr/bin/env bash
# The script of `netadopt slurm`, submitted as the README says (`sbatch sweep.sbatch`) to a fake
# sbatch (fake_sbatch.py: strict about #SBATCH lines, runs the jobs in order), so it runs
# without a cluster: a 6-pair sweep in 8 tasks (a warning: 2 have nothing to do), with --set,
# --setup and every resource flag, into a folder whose name has a space, a # and a %.
# Checks: the script passes bash -n and holds an #SBATCH line per flag; the setup lines come
# before netadopt in both jobs; the merge has no --force; task 0 submits the merge with an
# afterok dependency on the array job; the merged file holds the same data as a local
# `netadopt sweep --set`; a second submission recomputes nothing and its merge refuses to
# overwrite the output (which stays as it was); --force-merge adds --force; bash refuses to
# run the script.
#   slurm_script_test.sh NETADOPT PYTHON SOURCE_DIR WORK_DIR
set -euo pipefail
netadopt=$1 python=$2 source=$3 work=$4
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$work" && mkdir -p "$work/bin" && cd "$work"
cp "$source/tests/sweep/inputs/grid_3x2.ini" "$source/tests/sweep/inputs/bass_small.ini" .
cat > bin/sbatch <<EOF
#!/bin/bash
exec "$python" "$source/tests/sweep/fake_sbatch.py" "$work/state" submit "\$@"
EOF
chmod +x bin/sbatch
export PATH="$work/bin:$PATH"

results="$work/out dir #1 %x"
out="$results/cluster.h5"
mkdir -p "$results"
"$netadopt" slurm grid_3x2.ini --tasks 8 -o "$out" --cpus-per-task 2 --mem 2G --merge-mem 3G \
  --time 00:30:00 --partition debug --account proj_1 --qos normal --set population.size=300 \
  --setup "echo setup-one >> '$work/setup.log'" --setup 'echo "setup two" >> setup2.log' \
  > sweep.sbatch 2> slurm.err
cat slurm.err
grep -q "warning: --tasks 8 but the sweep has 6 (point, replication) pairs: 2 tasks will have nothing to do" slurm.err \
  || fail "no warning about the 2 idle tasks"
[[ -d "$out.shards" ]] || fail "netadopt slurm did not create the folder of the logs"

# ---- the text ----------------------------------------------------------------------------------
bash -n sweep.sbatch || fail "the script is not valid bash"
for line in "--array=0-7" "--cpus-per-task=2" "--mem=2G" "--time=00:30:00" "--partition=debug" \
            "--account=proj_1" "--qos=normal" "--output=\"$out.shards/task-%a.log\""; do
  grep -qxF "#SBATCH ${line//%x/%%x}" sweep.sbatch || fail "no line '#SBATCH $line'"
done
merge_start=$(grep -n "<<'NETADOPT_MERGE_JOB'" sweep.sbatch | cut -d: -f1)
merge_end=$(grep -n "^NETADOPT_MERGE_JOB$" sweep.sbatch | cut -d: -f1)
sed -n "$((merge_start + 1)),$((merge_end - 1))p" sweep.sbatch > merge.part
sed -n "$((merge_end + 1)),\$p" sweep.sbatch > array.part
grep -qxF "#SBATCH --mem=3G" merge.part || fail "the merge job does not get --merge-mem"
for part in merge.part array.part; do
  setup=$(grep -n "setup-one" "$part" | cut -d: -f1)
  setup2=$(grep -n "setup two" "$part" | cut -d: -f1)
  run=$(grep -n "^exec .*\(sweep\|merge\) " "$part" | cut -d: -f1)
  [[ -n $setup && -n $setup2 && -n $run && $setup -lt $setup2 && $setup2 -lt $run ]] \
    || fail "$part: the setup lines are not before netadopt, in order"
done
grep -q " merge " merge.part || fail "no merge command"
! grep -q -- "--force" merge.part || fail "the merge passes --force without --force-merge"
grep -q -- "--set 'population.size=300'" array.part || fail "--set is not passed to the sweep"

# ---- submitted as the README says, run by the fake SLURM ----------------------------------------
sbatch sweep.sbatch > submitted.txt
"$python" "$source/tests/sweep/fake_sbatch.py" "$work/state" run
"$python" - "$work/state/jobs.json" <<'PY'
import json, sys
jobs = json.load(open(sys.argv[1]))
assert len(jobs) == 2, jobs
array, merge = jobs
assert array["settings"]["array"] == "0-7" and array["state"] == "completed", array
wanted = {"job-name": "netadopt-sweep", "cpus-per-task": "2", "mem": "2G", "time": "00:30:00",
          "partition": "debug", "account": "proj_1", "qos": "normal"}
assert all(array["settings"].get(k) == v for k, v in wanted.items()), array["settings"]
wanted.update({"job-name": "netadopt-merge", "cpus-per-task": "1", "mem": "3G"})
assert all(merge["settings"].get(k) == v for k, v in wanted.items()), merge["settings"]
assert array["settings"]["output"].endswith("/out dir #1 %%x/cluster.h5.shards/task-%a.log")
assert merge["settings"]["dependency"] == f"afterok:{array['id']}", merge["settings"]
assert merge["settings"]["kill-on-invalid-dep"] == "yes", merge["settings"]
assert merge["settings"]["job-name"] == "netadopt-merge" and merge["state"] == "completed", merge
print("array job", array["id"], "then merge job", merge["id"], "afterok")
PY
[[ -f "$out" ]] || { cat "$out.shards"/*.log; fail "the merge job wrote no output"; }
[[ $(grep -c setup-one setup.log) -eq 9 ]] || fail "setup ran $(grep -c setup-one setup.log) times, not 8 tasks + 1 merge"
"$netadopt" sweep "$work/grid_3x2.ini" --set population.size=300 -o local.h5 --threads 2 --quiet  # the path the script names
"$python" "$source/tests/sweep/same_data.py" local.h5 "$out"
"$python" - "$out" <<'PY'
import sys, h5py
f = h5py.File(sys.argv[1], "r")
sets = f.attrs["set_overrides"]
assert (sets.decode() if isinstance(sets, bytes) else sets) == "population.size=300", sets
assert f["members"][...].max() <= 300 and f["members"][...].max() > 200, f["members"][...].max()
print("set_overrides recorded; members reach", f["members"][...].max(), "of 300 agents")
PY

# ---- a second submission: nothing recomputed, the merge refuses to overwrite --------------------
before=$(md5sum "$out")
sbatch sweep.sbatch > /dev/null
"$python" "$source/tests/sweep/fake_sbatch.py" "$work/state" run
grep -q "is complete; nothing to do" "$out.shards/task-3.log" || fail "a finished shard was recomputed"
grep -q "exists; use --force" "$out.shards/merge.log" || { cat "$out.shards/merge.log"; fail "the second merge did not refuse"; }
[[ $(md5sum "$out") == "$before" ]] || fail "the second merge changed the output"
"$python" - "$work/state/jobs.json" <<'PY'
import json, sys
jobs = json.load(open(sys.argv[1]))
assert [j["state"] for j in jobs] == ["completed", "completed", "completed", "failed"], jobs
assert jobs[3]["exit_codes"] == [73], jobs[3]
PY

# ---- --force-merge; bash is refused; a second `netadopt slurm` refuses the existing output -----
"$netadopt" slurm grid_3x2.ini --tasks 2 -o "$out" --force-merge > forced.sbatch
grep -q "merge .* --force " forced.sbatch || fail "--force-merge does not pass --force"
if "$netadopt" slurm grid_3x2.ini --tasks 2 -o "$out" > /dev/null 2> refused.err; then
  fail "netadopt slurm accepted an existing output without --force-merge"
fi
grep -q "pass --force-merge" refused.err || fail "no hint at --force-merge: $(cat refused.err)"
set +e
bash sweep.sbatch > bash.out 2>&1
code=$?
set -e
[[ $code -eq 64 ]] && grep -q "submit this script with sbatch" bash.out || fail "bash ran the script ($code)"
echo "OK: the sbatch script submits as printed, merges after the array, never overwrites"
