#!/usr/bin/env bash
# Checks that every C++ file of the project is laid out as .clang-format says (the `format`
# test runs this); with --fix, lays them out so.
#   tools/check_format.sh [--fix]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
formatter="${CLANG_FORMAT:-clang-format-14}"
if ! command -v "$formatter" >/dev/null; then
  echo "check_format: $formatter not found (Debian package clang-format-14; packaging/quickstart.sh installs it)" >&2
  exit 2
fi
cd "$here"
mapfile -t files < <(find engine gui workloads tests fuzz benchmarks -name '*.cpp' -o -name '*.h' | sort)
if [ "${1:-}" = --fix ]; then
  "$formatter" -i "${files[@]}"
  exit 0
fi
# --Werror turns each place that differs into a diagnostic naming the file and line.
"$formatter" --dry-run --Werror "${files[@]}"
echo "check_format: ${#files[@]} files laid out as .clang-format says"
