#!/usr/bin/env bash
# The format check: every C++ file under sim/, include/, tests/ and bench/ is as clang-format
# (Debian 12's clang-format 14) writes it with .clang-format. Lists the files that differ and
# exits 1; with --fix, rewrites them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
fix=false
[[ "${1:-}" == "--fix" ]] && fix=true
format=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z "$format" ]]; then
  echo "check_format: clang-format not found; run scripts/setup.sh (Debian package clang-format)" >&2
  exit 1
fi
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
  'sim/*.cpp' 'sim/*.hpp' 'include/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp')
if $fix; then
  "$format" -i --style=file "${files[@]}"
  echo "check_format: formatted ${#files[@]} files"
  exit 0
fi
differ=()
for f in "${files[@]}"; do
  [[ -f "$f" ]] || continue
  "$format" --style=file --dry-run -Werror "$f" >/dev/null 2>&1 || differ+=("$f")
done
if [[ ${#differ[@]} -gt 0 ]]; then
  printf 'check_format: not formatted: %s\n' "${differ[@]}" >&2
  echo "check_format: ${#differ[@]} of ${#files[@]} files differ from .clang-format; fix with scripts/check_format.sh --fix" >&2
  exit 1
fi
echo "check_format: ${#files[@]} files match .clang-format"
