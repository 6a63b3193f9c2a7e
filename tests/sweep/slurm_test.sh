#!/usr/bin/env bash
# A real, single-node SLURM cluster on this machine (Debian's slurm-wlm and munge, as root,
# without systemd; see the shared note slurm-single-node.md): `netadopt slurm` writes the sbatch
# script for a small sweep in 3 array tasks, `sbatch` takes it as it is (as the README says),
# task 0 submits the merge job (afterok on the array), which merges the shards, and the merged
# file holds the same data as a local run. The --setup line runs before netadopt in each job.
# (tests/sweep/slurm_script_test.sh checks the script in detail against a fake sbatch.)
# Exit 77 (skipped) when not root or the packages cannot be installed. The daemons this test
# starts are stopped at the end, whatever happens.
#   slurm_test.sh NETADOPT PYTHON SOURCE_DIR WORK_DIR
set -euo pipefail
netadopt=$1 python=$2 source=$3 work=$4
skip() { echo "SKIP: $*"; exit 77; }

[[ $(id -u) -eq 0 ]] || skip "the single-node SLURM test needs root (it starts munged, slurmctld, slurmd)"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge \
    >/dev/null 2>&1 || skip "slurm-wlm and munge are not installed and cannot be (scripts/setup.sh installs them)"
fi

rm -rf "$work" && mkdir -p "$work"/{state,spool,log} && cd "$work"
host=$(hostname -s)
pids=()  # the daemons this test started
cleanup() {  # stop them, and wait (slurmctld takes seconds) so that a next run finds the ports free
  for pidfile in "$work"/slurmd.pid "$work"/slurmctld.pid; do
    [[ -s $pidfile ]] && pids+=("$(cat "$pidfile")")
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive -eq 0 ]] && break
    sleep 0.1
  done
}
trap cleanup EXIT

# ---- munge: reuse a running one, else start one with a fresh key --------------------------------
if ! (munge -n | unmunge) >/dev/null 2>&1; then
  mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
  if [[ ! -s /etc/munge/munge.key ]]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
  chmod 700 /etc/munge && chmod 400 /etc/munge/munge.key
  runuser -u munge -- /usr/sbin/munged
  pids+=("$(cat /run/munge/munged.pid 2>/dev/null || true)")
  for _ in $(seq 1 50); do (munge -n | unmunge) >/dev/null 2>&1 && break; sleep 0.1; done
fi
(munge -n | unmunge) >/dev/null 2>&1 || { echo "FAIL: munge does not work"; exit 1; }

# ---- slurm.conf in the work folder; SLURM_CONF points every command at it -----------------------
cat > slurm.conf <<CONF
ClusterName=netadopt-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld
slurmd
for _ in $(seq 1 60); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 0.5
done
sinfo -h -o %T | grep -q idle || { echo "FAIL: the node did not come up"; tail -20 log/*.log; exit 1; }

# ---- the sweep: on SLURM in 3 tasks, and locally ------------------------------------------------
cp "$source/tests/sweep/inputs/grid_5x5.ini" "$source/tests/sweep/inputs/bass_small.ini" .
"$netadopt" slurm grid_5x5.ini --tasks 3 -o "$work/cluster.h5" --time 00:10:00 --mem 500M \
  --setup "echo setup ran >> '$work/setup.log'" > sweep.sbatch
grep -q -- "--dependency=\"afterok:\$SLURM_ARRAY_JOB_ID\"" sweep.sbatch
sbatch sweep.sbatch | tee submitted.txt
for _ in $(seq 1 240); do
  [[ -z $(squeue -h -o %i 2>/dev/null) ]] && break
  sleep 0.5
done
[[ -z $(squeue -h -o %i) ]] || { echo "FAIL: jobs still queued"; squeue; exit 1; }
cat cluster.h5.shards/*.log
[[ -f cluster.h5 ]] || { echo "FAIL: the merge job wrote no cluster.h5"; tail -30 log/*.log; exit 1; }
grep -q "submitted merge job" cluster.h5.shards/task-0.log || { echo "FAIL: task 0 did not submit the merge"; exit 1; }
[[ $(grep -c "setup ran" setup.log) -eq 4 ]] || { echo "FAIL: the setup line did not run in 3 tasks and the merge"; exit 1; }
"$netadopt" sweep "$work/grid_5x5.ini" -o local.h5 --threads 2 --quiet  # the path the script names
"$python" "$source/tests/sweep/same_data.py" local.h5 cluster.h5
