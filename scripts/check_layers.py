#!/usr/bin/python3
"""The layering check (README, "Architecture"): every #include in sim/ and include/ stays inside
its own library or reaches down to a library it may use, and never into another library's
private headers (those under sim/). Prints each offending include with the rule it breaks and
exits 1; prints a one-line summary and exits 0 when the tree is clean.

The layers are the folders; a folder is a library (its own CMakeLists.txt). A library may use
the libraries listed in USES, and whatever those may use in turn, except a model's own
libraries (MODEL_INTERNALS), which only the models and the catalog may use.
"""
import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent  # --root replaces it (tests)

# Lowest first. Each library: the libraries it uses directly.
USES = {
    "core": [],
    "scenario": ["core"],
    "models/graph": ["scenario"],
    "models/essay/structure": ["scenario"],
    "models": ["models/graph"],
    "models/essay": ["models", "models/essay/structure"],
    "catalog": ["models", "models/essay"],
    "run": ["catalog"],
    "compare": ["run"],
    "calibration": ["compare"],
    "io": ["calibration"],
    "sweep": ["io"],
    "cli": ["sweep"],
}

# A model's own libraries: only the models and the catalog see them. Above the catalog a layer
# knows the models through the catalog and the Model interface (models/) alone.
MODEL_INTERNALS = {"models/graph", "models/essay/structure", "models/essay"}
SEE_MODEL_INTERNALS = MODEL_INTERNALS | {"models", "catalog"}

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.MULTILINE)


def reachable(library):
    """The libraries `library` may include: itself and everything below it."""
    seen, stack = set(), [library]
    while stack:
        lib = stack.pop()
        if lib not in seen:
            seen.add(lib)
            stack.extend(USES[lib])
    return seen if library in SEE_MODEL_INTERNALS else seen - MODEL_INTERNALS


def library_of(path):
    """The library a file belongs to, from its folder under sim/ or include/netadopt/."""
    rel = path.relative_to(ROOT).as_posix()
    for top in ("sim/", "include/netadopt/"):
        if rel.startswith(top):
            folder = rel[len(top):].rsplit("/", 1)[0] if "/" in rel[len(top):] else ""
            while folder and folder not in USES:
                folder = folder.rsplit("/", 1)[0] if "/" in folder else ""
            return folder or None
    return None


def resolve(including, target):
    """The file an #include "target" names: relative to the including file, else include/."""
    local = (including.parent / target).resolve()
    if local.exists():
        return local
    public = ROOT / "include" / target
    return public.resolve() if public.exists() else None


def problems_in(path):
    library = library_of(path)
    if library is None:
        return [f"{path.relative_to(ROOT)}: not in any library folder ({', '.join(USES)})"]
    allowed = reachable(library)
    found = []
    for target in INCLUDE.findall(path.read_text(encoding="utf-8")):
        file = resolve(path, target)
        if file is None:
            continue  # a generated or system header: the compiler finds it or fails
        used = library_of(file)
        rel = file.relative_to(ROOT).as_posix()
        where = f"{path.relative_to(ROOT)}: #include \"{target}\""
        if used is None:
            continue
        if used not in allowed:
            found.append(f"{where}: library '{library}' may not use '{used}' "
                         f"(it may use: {', '.join(sorted(allowed - {library})) or 'nothing'})")
        elif used != library and rel.startswith("sim/"):
            found.append(f"{where}: '{rel}' is private to library '{used}'; "
                         f"move it under include/netadopt/{used}/ to share it")
    return found


def main():
    global ROOT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=pathlib.Path, default=ROOT,
                        help="the source tree to check (default: this checkout)")
    ROOT = parser.parse_args().root.resolve()
    files = sorted(p for top in ("sim", "include") for p in (ROOT / top).rglob("*")
                   if p.suffix in (".hpp", ".cpp", ".h"))
    problems = [problem for path in files for problem in problems_in(path)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"check_layers: {len(problems)} include(s) break the layering", file=sys.stderr)
        return 1
    print(f"check_layers: {len(files)} files, {len(USES)} libraries, no include breaks the layering")
    return 0


if __name__ == "__main__":
    sys.exit(main())
