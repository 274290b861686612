#!/usr/bin/env bash
# Runs clang-tidy with the project's .clang-tidy over the product's sources (engine and gui;
# .clang-tidy says why not workloads) and fails on any finding (the `tidy` test runs this).
#   tools/check_tidy.sh [BUILD_DIR] [FILE...]     (default: build, every product .cpp)
# The build's compile_commands.json is GCC's, with its precompiled header forced in by
# `-include cmake_pch.hxx`; clang cannot read GCC's .gch, so that flag is left out here and
# every file is read with its own includes, as it must compile anyway. The libraries are built
# in batches (CRUCIBLE_UNITY_BUILD): a batch's entry becomes one entry per file it includes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tidy="${CLANG_TIDY:-clang-tidy-14}"
if ! command -v "$tidy" >/dev/null; then
  echo "check_tidy: $tidy not found (Debian package clang-tidy-14; packaging/quickstart.sh installs it)" >&2
  exit 2
fi
build="$(cd "${1:-$here/build}" && pwd)"
[ $# -gt 0 ] && shift
if [ ! -f "$build/compile_commands.json" ]; then
  echo "check_tidy: $build/compile_commands.json not found: configure the build first (cmake -S . -B build)" >&2
  exit 2
fi
db="$(mktemp -d)"
trap 'rm -rf "$db"' EXIT
python3 - "$build/compile_commands.json" "$db/compile_commands.json" <<'PY'
import json, re, sys
entries = []
for e in json.load(open(sys.argv[1])):
    e["command"] = re.sub(r"\s-Winvalid-pch|\s-include \S*cmake_pch\.hxx", "", e["command"])
    if "/Unity/unity_" not in e["file"]:
        entries.append(e)
        continue
    for source in re.findall(r'^#include "(.+\.cpp)"$', open(e["file"]).read(), re.M):
        entries.append(dict(e, file=source, command=e["command"].replace(e["file"], source)))
json.dump(entries, open(sys.argv[2], "w"))
open(sys.argv[2] + ".files", "w").write("".join(e["file"] + "\n" for e in entries))
PY
cd "$here"
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find engine gui -name '*.cpp' | sort)
fi
# A file without a compile command would be read with guessed flags, its errors unseen.
for f in "${files[@]}"; do
  if ! grep -qxF "$(realpath "$f")" "$db/compile_commands.json.files"; then
    echo "check_tidy: $f has no compile command in $build/compile_commands.json (not in a target?)" >&2
    exit 2
  fi
done
jobs="${JOBS:-$(nproc)}"
log="$db/findings.txt"
# One file per clang-tidy, so that the jobs spread over the cores; --quiet leaves only findings.
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -n 1 "$tidy" --quiet -p "$db" 2>/dev/null >"$log" || true
if grep -q "warning:\|error:" "$log"; then
  cat "$log"
  echo "check_tidy: $(grep -c "warning:\|error:" "$log") finding(s) in ${#files[@]} files" >&2
  exit 1
fi
echo "check_tidy: ${#files[@]} files pass .clang-tidy"
