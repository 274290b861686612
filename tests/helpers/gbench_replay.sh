#!/bin/sh
# Acts as a Google Benchmark executable by replaying a recorded JSON output, so that tests can
# give crucible-bench a benchmark whose context says what they need (library_build_type "debug"
# in tests/fixtures/gbench_sample.json, a real run of a debug-built library).
#   gbench_replay.sh FIXTURE.json [Google Benchmark flags...]
# --benchmark_list_tests=true lists the fixture's benchmarks (run_name, in order, each once);
# otherwise the fixture is the output: into --benchmark_out=FILE when given, else on stdout.
# The other flags (filter, repetitions, min time) are accepted and ignored.
fixture=$1
shift
list=
out=
for arg in "$@"; do
    case $arg in
        --benchmark_list_tests=true | --benchmark_list_tests) list=1 ;;
        --benchmark_out=*) out=${arg#--benchmark_out=} ;;
    esac
done
if [ -n "$list" ]; then
    sed -n 's/^ *"run_name": "\(.*\)",$/\1/p' "$fixture" | awk '!seen[$0]++'
elif [ -n "$out" ]; then
    cp "$fixture" "$out"
else
    cat "$fixture"
fi
