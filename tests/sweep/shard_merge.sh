#!/usr/bin/env bash
# The 5 x 5 grid with 4 replications through the CLI: whole, and in 3 shards merged; the merged
# file holds the same data as the whole run, and xarray (h5netcdf) opens it.
#   shard_merge.sh NETADOPT PYTHON SOURCE_DIR WORK_DIR
set -euo pipefail
netadopt=$1 python=$2 source=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cp "$source/tests/sweep/inputs/grid_5x5.ini" "$source/tests/sweep/inputs/bass_small.ini" .
"$netadopt" sweep grid_5x5.ini -o whole.h5 --threads 2 --quiet
for i in 0 1 2; do "$netadopt" sweep grid_5x5.ini -o "shard-$i.h5" --shard "$i/3" --threads 1 --quiet; done
"$netadopt" merge merged.h5 shard-0.h5 shard-1.h5 shard-2.h5
"$python" "$source/tests/sweep/same_data.py" whole.h5 merged.h5
"$python" - merged.h5 <<'PY'
import sys
import xarray as xr
ds = xr.open_dataset(sys.argv[1], engine="h5netcdf")
assert ds.members.dims == ("point", "replication", "time"), ds.members.dims
assert list(ds.key.values) == ["bass.p", "bass.q"]
assert ds.parameters.shape == (25, 2)
assert (ds.point_status.values == "done").all()
assert ds.members_at_date.dims == ("point", "date", "summary_role")
print("xarray opens the merged sweep:", dict(ds.sizes))
PY
