#!/usr/bin/env bash
# CTest `package_deb`: builds the .deb with cpack into a temporary directory, unpacks it, checks
# its files and control fields, validates the desktop and AppStream files, and runs the unpacked
# program. Every problem found is reported; the exit status is 1 if there was any.
#
#   test-package.sh CPACK BUILD_DIR SOURCE_DIR APP_ID
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 CPACK BUILD_DIR SOURCE_DIR APP_ID" >&2
  exit 2
fi
cpack="$1" build_dir="$2" source_dir="$3" app_id="$4"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/crucible-package.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 is not installed (packaging/quickstart.sh installs it)" >&2; exit 1; }; }
need dpkg-deb
need dpkg-shlibdeps
need readelf

# --- build the package -------------------------------------------------------------------
start=$(date +%s.%N)
if ! "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log" >&2
  echo "FAIL: cpack -G DEB failed" >&2
  exit 1
fi
end=$(date +%s.%N)
debs=("$tmp"/out/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  cat "$tmp/cpack.log" >&2
  echo "FAIL: expected one .deb in the cpack output, found: ${debs[*]}" >&2
  exit 1
fi
deb="${debs[0]}"
echo "cpack: $(basename "$deb") ($(stat -c %s "$deb") bytes) in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"

# --- files -----------------------------------------------------------------------------------
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
binary="$root/usr/bin/crucible-bench"
for f in usr/bin/crucible-bench \
         "usr/share/applications/$app_id.desktop" \
         "usr/share/metainfo/$app_id.metainfo.xml" \
         usr/share/icons/hicolor/scalable/apps/crucible-bench.svg \
         usr/share/crucible-bench/default-suite.json \
         usr/share/man/man1/crucible-bench.1.gz \
         usr/share/bash-completion/completions/crucible-bench \
         usr/share/zsh/vendor-completions/_crucible-bench \
         usr/share/fish/vendor_completions.d/crucible-bench.fish; do
  [ -s "$root/$f" ] || fail "$f is missing from the package or empty"
done
[ -x "$binary" ] || { echo "FAIL: usr/bin/crucible-bench is not executable; nothing more to check" >&2; exit 1; }
cmp -s "$root/usr/share/crucible-bench/default-suite.json" "$source_dir/resources/default-suite.json" \
  || fail "usr/share/crucible-bench/default-suite.json differs from resources/default-suite.json"
sections="$(readelf --section-headers --wide "$binary")"
if grep -Eq '\.(debug_info|symtab)\b' <<<"$sections"; then
  fail "usr/bin/crucible-bench is not stripped (debug info or a symbol table is still in it)"
fi
echo "usr/bin/crucible-bench: $(stat -c %s "$binary") bytes"

# --- control fields ---------------------------------------------------------------------------
version_line="$("$binary" --version)" || fail "crucible-bench --version exited $?"
echo "$version_line"
[ "$(dpkg-deb -f "$deb" Package)" = crucible-bench ] || fail "Package is '$(dpkg-deb -f "$deb" Package)', not crucible-bench"
package_version="$(dpkg-deb -f "$deb" Version)"
[ "$version_line" = "crucible-bench $package_version" ] \
  || fail "the package's Version $package_version differs from the program's '$version_line'"
grep -q "<release version=\"$package_version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" \
  || fail "the metainfo has no release $package_version"
for field in Maintainer Description Section Architecture; do
  [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "the control field $field is empty"
done
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
# Declared by hand (plugins), then found by dpkg-shlibdeps (linked libraries).
for p in qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql \
         libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6qml6 libqt6sql6; do
  grep -Eq "[ ,|]${p//+/\\+}( \([^)]*\))?[ ,|]" <<<", $depends," || fail "Depends lacks $p"
done

# --- desktop file, AppStream metadata, man page -----------------------------------------------
if command -v desktop-file-validate >/dev/null; then
  out="$(desktop-file-validate "$root/usr/share/applications/$app_id.desktop" 2>&1)" || fail "desktop-file-validate: $out"
  [ -z "$out" ] || fail "desktop-file-validate: $out"
  echo "desktop-file-validate: ok"
else
  echo "SKIP: desktop-file-validate is not installed"
fi
if command -v appstreamcli >/dev/null; then
  if out="$(appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" 2>&1)"; then
    echo "appstreamcli validate: ok"
  else
    fail "appstreamcli validate --no-net: $out"
  fi
  # The tree as installed: the metainfo's launchable names a .desktop file that is there.
  if out="$(appstreamcli validate-tree --no-net "$root" 2>&1)"; then
    echo "appstreamcli validate-tree: ok"
  else
    fail "appstreamcli validate-tree --no-net: $out"
  fi
else
  echo "SKIP: appstreamcli is not installed"
fi
gzip -t "$root/usr/share/man/man1/crucible-bench.1.gz" || fail "the man page is not valid gzip"
if command -v man >/dev/null; then
  if ! out="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/crucible-bench.1.gz" 2>&1 >"$tmp/man.txt")" \
     || [ -n "$out" ] || [ ! -s "$tmp/man.txt" ]; then
    fail "man -l crucible-bench.1.gz: ${out:-renders nothing}"
  fi
  # Every option the program accepts is documented (the man page is written by hand).
  for flag in $("$binary" --help | grep -oE '^ +(-[a-z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+'); do
    grep -Eq -- "^ *(-[a-z], )?$flag( |\$)" "$tmp/man.txt" || fail "the man page does not describe $flag (see crucible-bench --help)"
  done
fi

# The packaged bash completion completes for the packaged program.
bash "$source_dir/packaging/test-completion.sh" "$binary" "$root/usr/share/bash-completion/completions/crucible-bench" \
  || fail "the packaged bash completion (test-completion.sh above)"

# --- the unpacked program runs ----------------------------------------------------------------
# Its own data directory, so that nothing here can touch the user's history.
status=0
XDG_DATA_HOME="$tmp/data" "$binary" --headless --quick-check architecture --no-history \
  --output-dir "$tmp/results" >"$tmp/run.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$tmp/run.log" >&2
  fail "crucible-bench --headless --quick-check architecture --no-history exited $status"
fi
for f in results.json summary.csv report.pdf; do
  [ -s "$tmp/results/$f" ] || fail "the headless run wrote no $f"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures problem(s) with the package" >&2
  exit 1
fi
echo "package ok"
