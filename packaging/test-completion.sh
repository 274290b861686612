#!/usr/bin/env bash
# CTest `completion_bash` (and the package test, on the unpacked files): sources the bash
# completion into a bash without bash-completion, and checks what it completes for the real
# program: options from its --help, --format's values, workload ids and categories from its
# --list (of a --suite on the line too), files after --suite. Every problem is reported; the
# exit status is 1 if there was any.
#
#   test-completion.sh CRUCIBLE_BENCH COMPLETION_FILE
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 CRUCIBLE_BENCH COMPLETION_FILE" >&2
  exit 2
fi
program="$1" completion="$2"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/crucible-completion.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
mkdir -p "$XDG_DATA_HOME"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# shellcheck source=completions/crucible-bench.bash
source "$completion" || { echo "FAIL: sourcing $completion failed" >&2; exit 1; }
complete -p crucible-bench | grep -q -- '-F _crucible_bench' || fail "complete -p crucible-bench: $(complete -p crucible-bench 2>&1)"

# Completes LINE (the cursor at its end) as bash would: COMP_WORDS split at blanks and at the
# word breaks, then COMPREPLY, one per line.
complete_line() {
  local line="$1"
  COMP_LINE="$line"
  COMP_POINT=${#line}
  local words
  read -r -a words <<<"$line"
  [[ $line == *" " ]] && words+=("")
  # bash splits "size=1MiB" into "size" "=" "1MiB": split the last word the same way.
  local last=${words[-1]} split=()
  while [[ $last == *[=:]* ]]; do
    local head=${last%%[=:]*}
    split+=("$head" "${last:${#head}:1}")
    last=${last:${#head}+1}
  done
  if [ ${#split[@]} -gt 0 ]; then
    unset 'words[-1]'
    words+=("${split[@]}" "$last")
  fi
  COMP_WORDS=("$program" "${words[@]:1}")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _crucible_bench crucible-bench "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}"
}

expect() { # LINE WORD...: each WORD is among the completions of LINE
  local line="$1" got
  shift
  got="$(complete_line "$line")"
  for w in "$@"; do
    grep -qxF -- "$w" <<<"$got" || fail "'$line' does not complete to '$w'; it gives: $(tr '\n' ' ' <<<"$got")"
  done
}
expect_none() { # LINE WORD...: no WORD is among the completions of LINE
  local line="$1" got
  shift
  got="$(complete_line "$line")"
  for w in "$@"; do
    grep -qxF -- "$w" <<<"$got" && fail "'$line' completes to '$w', which it should not"
  done
}

# Options, as --help lists them.
expect "crucible-bench --hea" --headless
expect "crucible-bench --fail-on-" --fail-on-regression --fail-on-budget
expect_none "crucible-bench --fail-on-" --headless
for flag in $("$program" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+'); do
  expect "crucible-bench ${flag:0:5}" "$flag"
done
# --format's values, one item of a comma list at a time.
expect "crucible-bench --format ju" junit
expect "crucible-bench --format json,b" json,bmf
# Workload ids and categories of the default suite.
expect "crucible-bench architecture.err" architecture.errors.exceptions architecture.errors.values
expect "crucible-bench --headless sys" system system.binary_size
expect "crucible-bench " cli daemon script_engine system.hash
expect_none "crucible-bench architecture.err" system.hash
# Ids of the --suite on the line, '=' in them kept as bash needs it.
cat >"$tmp/suite.json" <<'JSON'
{ "name": "completion", "workloads": [
  { "id": "cli.echo", "command": ["echo", "hi"] },
  { "id": "system.file_io.write", "params": { "size": ["4KiB", "1MiB"] } } ] }
JSON
"$program" --suite "$tmp/suite.json" --list >/dev/null 2>&1 || fail "the test's suite is refused: $("$program" --suite "$tmp/suite.json" --list 2>&1)"
expect "crucible-bench --suite $tmp/suite.json cli.e" cli.echo
expect_none "crucible-bench --suite $tmp/suite.json cli.e" cli.environment_probe_that_is_not_there
expect_none "crucible-bench --suite $tmp/suite.json sys" system.hash
got_ids="$(complete_line "crucible-bench --suite $tmp/suite.json system.file_io.write/size=4")"
grep -qxF -- "4KiB" <<<"$got_ids" || fail "after '=', the completion is not the rest of the id: $(tr '\n' ' ' <<<"$got_ids")"
# Files: after --suite, and after --compare.
touch "$tmp/results-a.json"
expect "crucible-bench --suite $tmp/suite" "$tmp/suite.json"
expect "crucible-bench --compare $tmp/results-" "$tmp/results-a.json"
expect "crucible-bench --output-dir $tmp/da" "$tmp/data"

if [ "$failures" -gt 0 ]; then
  echo "$failures problem(s) with the bash completion" >&2
  exit 1
fi
echo "bash completion ok"
