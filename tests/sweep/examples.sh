#!/usr/bin/env bash
# An example sweep of scenarios/sweeps/ at a small size: a copy with 500 agents, 1 replication
# and (sobol) 4 base samples, its base scenario taken from the repository, runs through the CLI;
# the output holds the expected number of points, all done, and the example's axes.
#   examples.sh NETADOPT PYTHON SOURCE_DIR WORK_DIR EXAMPLE POINTS
#   (EXAMPLE: a file name in scenarios/sweeps/; POINTS: the points of the small design)
set -euo pipefail
netadopt=$1 python=$2 source=$3 work=$4 example=$5 points=$6
rm -rf "$work" && mkdir -p "$work" && cd "$work"
sed -e "s|^base = \.\./|base = $source/scenarios/|" \
    -e 's|^population\.size = .*|population.size = 500|' \
    -e 's|^replications = .*|replications = 1|' \
    -e 's|^points = .*|points = 4|' \
    "$source/scenarios/sweeps/$example" > "$example"
grep -q "^population.size = 500$" "$example"  # the example still has a [base] size to shrink
"$netadopt" sweep "$example" -o small.h5 --threads 2 --quiet
"$python" - small.h5 "$points" "$source/scenarios/sweeps/$example" <<'PY'
import re
import sys
import xarray as xr
path, points, example = sys.argv[1], int(sys.argv[2]), sys.argv[3]
keys = re.findall(r"^key = (\S+)", open(example).read(), re.M)
ds = xr.open_dataset(path, engine="h5netcdf")
assert ds.parameters.shape == (points, len(keys)), (ds.parameters.shape, points, len(keys))
assert list(ds.key.values) == keys, (list(ds.key.values), keys)
assert (ds.point_status.values == "done").all(), ds.point_status.values
assert ds.members.sizes["point"] == points and ds.members.sizes["replication"] == 1
print(f"{example}: {points} points over {len(keys)} axes, all done")
PY
