#!/usr/bin/env bash
# Crucible Bench quick start for a fresh Debian 12 machine.
#
#   packaging/quickstart.sh run    install what is missing, build, run the default suite
#                                  headless with reports in ./benchmark_results
#   packaging/quickstart.sh test   install what is missing, build, run every test through ctest
#
# Extra arguments after `run` go to crucible-bench (e.g. `run --quick-check architecture`).
# BUILD_DIR (default ./build) and JOBS (default: all cores) can be set in the environment.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
[ $# -gt 0 ] && shift
case "$mode" in
  run|test) ;;
  *) echo "usage: $0 run [crucible-bench options...] | test" >&2; exit 2 ;;
esac

build_dir="${BUILD_DIR:-$here/build}"
jobs="${JOBS:-$(nproc)}"

# Debian packages the build and the tests need. Only the missing ones are installed.
packages=(
  cmake ninja-build g++ lld ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-declarative-dev qt6-qpa-plugins
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev libboost-dev
  poppler-utils hyperfine libbenchmark-dev libxml2-utils binutils
  postgresql
  dpkg-dev file desktop-file-utils appstream man-db
  clang-format-14 clang-tidy-14
  python3-numpy python3-matplotlib  # hyperfine's scripts read --export-json (tst_compare_commands)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j "$jobs"

if [ "$mode" = run ]; then
  exec "$build_dir/gui/crucible-bench" --headless --output-dir "$PWD/benchmark_results" "$@"
fi
# The history tests run against a real PostgreSQL server: a throwaway one on loopback, stopped
# when the tests end. With CRUCIBLE_TEST_PG_URL set, a test that cannot reach it fails.
pg_dir="$(mktemp -d /tmp/crucible-pg.XXXXXX)"
trap '"$here/packaging/test-postgres.sh" stop "$pg_dir" || true; rm -rf "$pg_dir"' EXIT
CRUCIBLE_TEST_PG_URL="$("$here/packaging/test-postgres.sh" start "$pg_dir")"
export CRUCIBLE_TEST_PG_URL
cd "$build_dir"
ctest --output-on-failure -j 2 --timeout 900
