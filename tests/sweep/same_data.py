"""Exit 0 when two netadopt sweep files hold the same data, byte for byte: every dataset
(shape, type and values, NaN equal to NaN) and every attribute, apart from the provenance
attributes at the root (command line, times, threads, shard, version). Prints each difference.

    /usr/bin/python3 same_data.py A.h5 B.h5
"""
import sys

import h5py
import numpy as np

PROVENANCE = {"command_line", "started_at", "wall_seconds", "threads", "shard",
              "netadopt_version", "compiler"}
REFERENCES = {"DIMENSION_LIST", "REFERENCE_LIST"}  # object references: addresses, not data


def datasets(f):
    names = []
    f.visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
    return sorted(names)


def same_values(a, b):
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if a.dtype.kind == "f":
        return np.array_equal(a.view(np.uint8), b.view(np.uint8))  # bit for bit, NaN included
    return np.array_equal(a, b)


def attribute_differences(where, a, b, skip):
    out = []
    for name in sorted(set(a.attrs) | set(b.attrs)):
        if name in skip or name in REFERENCES:
            continue
        if name not in a.attrs or name not in b.attrs:
            out.append(f"{where}: attribute {name} in one file only")
        elif not np.array_equal(np.asarray(a.attrs[name]), np.asarray(b.attrs[name])):
            out.append(f"{where}: attribute {name} differs")
    return out


def differences(path_a, path_b):
    out = []
    with h5py.File(path_a, "r") as a, h5py.File(path_b, "r") as b:
        out += attribute_differences("/", a, b, PROVENANCE)
        names_a, names_b = datasets(a), datasets(b)
        if names_a != names_b:
            out.append(f"datasets differ: {sorted(set(names_a) ^ set(names_b))}")
        for name in sorted(set(names_a) & set(names_b)):
            if not same_values(np.asarray(a[name][()]), np.asarray(b[name][()])):
                out.append(f"{name}: values differ")
            out += attribute_differences(name, a[name], b[name], set())
    return out


if __name__ == "__main__":
    found = differences(sys.argv[1], sys.argv[2])
    for line in found:
        print(line)
    print("same data" if not found else f"{len(found)} differences")
    sys.exit(1 if found else 0)
