#!/usr/bin/env bash
# Runs every fuzz target of a CRUCIBLE_FUZZ build over its corpus, then fuzzes it for a bounded
# time or number of runs. New inputs that add coverage are written to a scratch directory (the
# corpus in the repository changes only when you merge them in, README "Fuzzing").
#
#   fuzz/run_fuzzers.sh BUILD_DIR [--seconds N | --runs N] [TARGET...]
#
# Exits non-zero on the first crash, leak, timeout or failed property; libFuzzer leaves the
# input as crash-*/leak-*/timeout-* in the current directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:?usage: run_fuzzers.sh BUILD_DIR [--seconds N | --runs N] [TARGET...]}"
shift
limit=(-max_total_time=30)
if [[ "${1:-}" == "--seconds" ]]; then limit=(-max_total_time="$2"); shift 2;
elif [[ "${1:-}" == "--runs" ]]; then limit=(-runs="$2"); shift 2; fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(suite gbench_json hyperfine_json results_json sample_blob command_line history_location)
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# Qt reads no settings and writes no files here; as root in CI it would complain about
# XDG_RUNTIME_DIR otherwise.
export XDG_RUNTIME_DIR="$scratch"
for t in "${targets[@]}"; do
  exe="$build/fuzz/fuzz_$t"
  [[ -x "$exe" ]] || { echo "run_fuzzers: no $exe (configure with -DCRUCIBLE_FUZZ=ON)" >&2; exit 2; }
  mkdir -p "$scratch/$t"
  echo "== fuzz_$t"
  # -rss_limit_mb: a suite whose parameters multiply out to millions of workloads is a finding.
  rc=0
  "$exe" "$scratch/$t" "$here/corpus/$t" -dict="$here/json.dict" "${limit[@]}" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 > "$scratch/$t.log" 2>&1 || rc=$?
  grep -E "^stat::number_of_executed_units|^#[0-9]+ +DONE|ERROR|SUMMARY" "$scratch/$t.log" || true
  if [[ $rc -ne 0 ]]; then
    tail -40 "$scratch/$t.log" >&2
    echo "run_fuzzers: fuzz_$t failed (exit $rc)" >&2
    exit 1
  fi
done
