#!/usr/bin/env bash
# Starts the real window under Xvfb, runs a short suite in it and saves a screenshot of the
# screen. Needs xvfb and imagemagick (installed here when missing).
#   packaging/screenshot.sh [OUT.png] [crucible-bench options...]   (default: architecture)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/docs/screenshot.png}"
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- architecture # the README's shot: a quick check of the architecture pairs
binary="${BUILD_DIR:-$here/build}/gui/crucible-bench"
for p in xvfb xauth imagemagick; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends xvfb xauth imagemagick
    break
  fi
done
export XDG_CONFIG_HOME="$(mktemp -d)" # fresh settings: the default layout
export XDG_DATA_HOME="$(mktemp -d)"   # a fresh history store: the shot's run is not recorded in yours
# The window runs the quick check at launch (--run); the shot is taken once it has finished.
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
  '$binary' --run --quick-check $* &
  pid=\$!
  sleep \${SHOT_DELAY:-25}
  import -window root '$out'
  convert '$out' -trim +repage '$out' # the window, without the empty screen around it
  kill \$pid
"
echo "Saved $out"
