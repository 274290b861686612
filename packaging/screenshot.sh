#!/usr/bin/env bash
# Starts the real window under Xvfb and saves two screenshots: the results of a short suite
# compared with the same suite's run before, and the live charts of one workload measured at
# full length with those two runs drawn behind it. Needs xvfb and imagemagick (installed here
# when missing).
#   packaging/screenshot.sh [OUT.png] [crucible-bench options...]   (default: architecture)
# The live shot goes next to OUT.png as OUT-live.png. SHOT_DELAY (seconds, default 20) is how
# long a quick run is given; LIVE_WORKLOAD (default architecture.tool_exec, a pair) selects the
# workloads of the live shot, taken LIVE_DELAY (default 3) seconds into its measurement.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/docs/screenshot.png}"
live="${out%.png}-live.png"
mkdir -p "$(dirname "$out")"
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- architecture # the README's shots: a quick check of the architecture pairs
binary="${BUILD_DIR:-$here/build}/gui/crucible-bench"
for p in xvfb xauth imagemagick; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends xvfb xauth imagemagick
    break
  fi
done
export XDG_CONFIG_HOME="$(mktemp -d)" # fresh settings: the default layout
export XDG_DATA_HOME="$(mktemp -d)"   # a fresh history store: the shots' runs are not recorded in yours
export SHOT_DELAY="${SHOT_DELAY:-20}" LIVE_DELAY="${LIVE_DELAY:-3}"
live_workload="${LIVE_WORKLOAD:-architecture.tool_exec}" # a pair: both sides drawn
# The window runs the suite at launch (--run). The first quick check only makes the history
# that the second is compared with; both are drawn behind the live shot's workload.
xvfb-run -a -s "-screen 0 1600x1000x24" bash -ec "
  shot() { import -window root \"\$1\" && convert \"\$1\" -trim +repage \"\$1\"; } # the window, without the empty screen
  run() { '$binary' --run \"\$@\" & pid=\$!; }
  stop() { kill \$pid; wait \$pid 2>/dev/null || true; }
  run --quick-check $*; sleep \$SHOT_DELAY; stop
  run --quick-check $*; sleep \$SHOT_DELAY; shot '$out'; stop
  run '$live_workload'; sleep \$((1 + LIVE_DELAY)); shot '$live'; stop # after its 1 s warm-up
"
echo "Saved $out and $live"
