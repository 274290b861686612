#!/bin/sh
# Acts as a Google Benchmark executable by replaying a recorded JSON output, so that tests can
# give crucible-bench a benchmark whose context says what they need (library_build_type "debug"
# in tests/support/fixtures/gbench_sample.json, a real run of a debug-built library).
#   gbench_replay.sh FIXTURE.json [Google Benchmark flags...]
# --benchmark_list_tests=true lists the fixture's benchmarks that have repetitions (the run_name
# of its "iteration" rows, in order, each once) matching --benchmark_filter (as an extended
# regular expression); otherwise the fixture is the output: into --benchmark_out=FILE when given,
# else on stdout. The other flags (repetitions, min time) are accepted and ignored.
fixture=$1
shift
list=
out=
filter=.
for arg in "$@"; do
    case $arg in
        --benchmark_list_tests=true | --benchmark_list_tests) list=1 ;;
        --benchmark_filter=*) filter=${arg#--benchmark_filter=} ;;
        --benchmark_out=*) out=${arg#--benchmark_out=} ;;
    esac
done
if [ -n "$list" ]; then
    awk -F'"' '/"run_name":/ { name = $4 } /"run_type": "iteration"/ && !seen[name]++ { print name }' "$fixture" |
        grep -E -- "$filter"
elif [ -n "$out" ]; then
    cp "$fixture" "$out"
else
    cat "$fixture"
fi
