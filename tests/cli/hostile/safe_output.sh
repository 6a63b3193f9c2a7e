#!/usr/bin/env bash
# Safe output: a run that is killed, or that meets a full disk, leaves no file named OUT, and
# nothing that looks complete.
#   safe_output.sh NETADOPT INPUTS WORK signal KILL|TERM|INT
#   safe_output.sh NETADOPT INPUTS WORK full-disk
# signal: runs inputs/slow.ini (several seconds), sends the signal after 1.5 s, while it
# simulates, and checks that neither OUT nor a temporary OUT.tmp-* is left; a temporary one
# (possible only if the signal came while the finished file was being written) must lack the
# `complete` attribute. full-disk: mounts a tmpfs (as root; otherwise, or if mount fails, the
# test prints "netadopt-test-skipped"), fills it, and expects exit 74 and no OUT.
set -euo pipefail
netadopt=$1 inputs=$2 work=$3 mode=$4

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "netadopt-test-skipped: $*"; exit 0; }

# Fails if OUT exists, or a temporary beside it carries `complete`; removes the temporaries.
check_nothing_complete() {
  local out=$1 temp
  [[ ! -e $out ]] || fail "$out exists after the run was stopped"
  for temp in "$out".tmp-*; do
    [[ -e $temp ]] || continue
    if h5dump -A "$temp" 2>/dev/null | grep -q 'ATTRIBUTE "complete"'; then
      fail "$temp carries the complete attribute"
    fi
    echo "note: $temp left behind (not complete)"
    rm -f "$temp"
  done
}

signal_case() {
  local signal=$1 out="$work/killed_$1.h5" pid status
  rm -rf "$out" "$out".tmp-* "${out%.h5}.checkpoint"
  set -m  # job control: a background job then keeps SIGINT instead of ignoring it
  "$netadopt" run "$inputs/slow.ini" -o "$out" --threads 1 --quiet &
  pid=$!
  set +m
  sleep 1.5
  kill -0 "$pid" 2>/dev/null || fail "the run finished within 1.5 s; slow.ini is too fast"
  kill -s "$signal" "$pid"
  status=0
  wait "$pid" || status=$?
  [[ $status -ne 0 ]] || fail "the run exited 0 after SIG$signal"
  echo "SIG$signal: exit status $status"
  check_nothing_complete "$out"
}

full_disk_case() {
  local mnt="$work/full_disk" out
  out="$mnt/out.h5"
  [[ $(id -u) -eq 0 ]] || skip "mounting a tmpfs needs root"
  mkdir -p "$mnt"
  mountpoint -q "$mnt" && umount "$mnt"
  mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null || skip "cannot mount a tmpfs here"
  trap "umount '$mnt'" EXIT
  dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null || true  # until the disk is full
  local status=0 err
  err=$("$netadopt" run "$inputs/small_valid.ini" -o "$out" --quiet 2>&1) || status=$?
  echo "full disk: exit status $status: $err"
  [[ $status -eq 74 ]] || fail "expected exit 74 (EX_IOERR), found $status"
  [[ $err == *"No space left on device"* ]] || fail "the message does not say the disk is full"
  check_nothing_complete "$out"
  ls "$mnt" | grep -v '^filler$' && fail "files left on the full disk" || true
}

case $mode in
  signal) signal_case "$5" ;;
  full-disk) full_disk_case ;;
  *) fail "unknown mode '$mode'" ;;
esac
