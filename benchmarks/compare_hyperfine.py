#!/usr/bin/env python3
"""crucible-bench's timing of external commands against hyperfine -N's, side by side.

Both spawn without a shell and time from spawn to reaping. Cases (each checked against its
target, issue 17):
  pair   crucible-bench -c 'sleep 0.02' -c 'sleep 0.03' (interleaved): its ratio of the second to
         the first within 3% of 1.5, with a CI and a significance verdict, each command's peak
         RSS; its means within 3% of hyperfine -N's on the same two commands; the samples'
         start times (samples.csv started_s) alternating between the two commands.
  short  `true` and `/bin/echo hi`: means within 5% of hyperfine -N's.
  sleep  `sleep 0.05`: median 50-53 ms, mean within 3% of hyperfine's (issue 3).
The tools take turns (crucible, hyperfine, crucible, …) for ROUNDS rounds so that a change of
machine load hits both alike; the samples of all rounds are pooled. Run by hand, on a quiet
machine:
  benchmarks/compare_hyperfine.py [BUILD_DIR]        (default: build)
Environment: RUNS (default 50 per command and round), ROUNDS (default 10). Many short rounds
rather than a few long ones: a millisecond command's mean moves by 10-15 % with the load of
the moment, so the tools must take turns often to see the same machine. Exit 1 on a missed
target, 2 when a tool is missing or fails.
"""
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
BINARY = os.path.join(BUILD, "gui", "crucible-bench")
RUNS = int(os.environ.get("RUNS", "50"))
ROUNDS = int(os.environ.get("ROUNDS", "10"))
WARMUP = 3


def die(message):
    print(f"compare_hyperfine: {message}", file=sys.stderr)
    sys.exit(2)


def run(argv):
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        die(f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


def crucible(commands, out_dir):
    argv = [BINARY, "--headless", "--no-history", "--format", "json,csv", "--output-dir", out_dir,
            "--runs", str(RUNS), "--warmup", str(WARMUP)]
    for c in commands:
        argv += ["-c", c]
    summary = run(argv)
    with open(os.path.join(out_dir, "results.json")) as f:
        results = json.load(f)
    times = {w["description"]: [v / 1e6 for v in w["sample_values"]] for w in results["workloads"]}
    rss = {w["description"]: w.get("peak_rss_bytes", 0) for w in results["workloads"]}
    ids = {w["id"]: w["description"] for w in results["workloads"]}
    with open(os.path.join(out_dir, "samples.csv")) as f:
        order = sorted((float(r["started_s"]), ids[r["id"]]) for r in csv.DictReader(f))
    return times, rss, summary, [label for _, label in order]


def hyperfine(commands, out_file):
    run(["hyperfine", "-N", "--runs", str(RUNS), "--warmup", str(WARMUP), "--export-json", out_file] + commands)
    with open(out_file) as f:
        return {r["command"]: [t * 1e3 for t in r["times"]] for r in json.load(f)["results"]}


def measure(commands, work, name):
    c_times = {c: [] for c in commands}
    h_times = {c: [] for c in commands}
    rss, summary, orders = {}, "", []
    for rnd in range(ROUNDS):
        t, rss, summary, order = crucible(commands, os.path.join(work, f"{name}-c{rnd}"))
        orders.append(order)
        h = hyperfine(commands, os.path.join(work, f"{name}-h{rnd}.json"))
        for c in commands:
            c_times[c].append(t[c])
            h_times[c].append(h[c])
    return c_times, h_times, rss, summary, orders


def pooled(rounds):
    return [v for r in rounds for v in r]


def table(commands, c_rounds, h_rounds, tolerance_pct):
    missed = []
    print(f"  {'command':<14} {'tool':<15} {'runs':>5} {'mean ms':>9} {'median ms':>10}")
    for c in commands:
        c_times, h_times = pooled(c_rounds[c]), pooled(h_rounds[c])
        for tool, times in (("crucible-bench", c_times), ("hyperfine -N", h_times)):
            print(f"  {c:<14} {tool:<15} {len(times):>5} {statistics.fmean(times):>9.3f} "
                  f"{statistics.median(times):>10.3f}")
        diff = (statistics.fmean(c_times) / statistics.fmean(h_times) - 1) * 100
        ok = abs(diff) <= tolerance_pct
        per_round = sorted((statistics.fmean(a) / statistics.fmean(b) - 1) * 100
                           for a, b in zip(c_rounds[c], h_rounds[c]))
        print(f"  {c:<14} mean difference {diff:+.2f} % (target within {tolerance_pct} %): {'ok' if ok else 'MISSED'}"
              f"   [rounds: median {statistics.median(per_round):+.1f} %, "
              f"{per_round[0]:+.1f} % to {per_round[-1]:+.1f} %]")
        if not ok:
            missed.append(c)
    return missed


def alternations(order):
    """How often the next sample belongs to another command than the one before."""
    return sum(1 for a, b in zip(order, order[1:]) if a != b)


def main():
    for tool in (BINARY, "hyperfine"):
        if not shutil.which(tool):
            die(f"'{tool}' not found")
    missed = []
    with tempfile.TemporaryDirectory() as work:
        pair = ["sleep 0.02", "sleep 0.03"]
        c_times, h_times, rss, summary, orders = measure(pair, work, "pair")
        print(f"== pair: {' vs '.join(pair)}  ({ROUNDS} rounds x {RUNS} runs, warm-up {WARMUP})")
        print("  crucible-bench's summary (last round):")
        print("\n".join("    " + line for line in summary.strip().splitlines()[-6:]))
        missed += table(pair, c_times, h_times, 3)
        ratio = statistics.median(pooled(c_times[pair[1]])) / statistics.median(pooled(c_times[pair[0]]))
        ok = abs(ratio / 1.5 - 1) <= 0.03
        print(f"  ratio of medians (pooled) {ratio:.3f}, target 1.5 within 3%: {'ok' if ok else 'MISSED'}")
        missed += [] if ok else ["pair ratio"]
        switches = alternations(orders[-1])
        ok = switches >= len(orders[-1]) - 1 - 2 * 10  # A B A B …, but for round boundaries
        print(f"  interleaving: {switches} switches between commands in {len(orders[-1])} samples "
              f"(first 8 by start time: {' '.join('A' if o == pair[0] else 'B' for o in orders[-1][:8])}): "
              f"{'ok' if ok else 'MISSED'}")
        missed += [] if ok else ["interleaving"]
        print(f"  peak RSS: " + ", ".join(f"{c} {rss[c] / 1024:.0f} KiB" for c in pair))

        short = ["true", "/bin/echo hi"]
        c_times, h_times, _, _, _ = measure(short, work, "short")
        print(f"== short commands: {', '.join(short)}")
        missed += table(short, c_times, h_times, 5)

        c_times, h_times, _, _, _ = measure(["sleep 0.05"], work, "sleep")
        print("== sleep 0.05")
        missed += table(["sleep 0.05"], c_times, h_times, 3)
        median = statistics.median(pooled(c_times["sleep 0.05"]))
        ok = 50 <= median <= 53
        print(f"  crucible-bench median {median:.3f} ms, target 50-53 ms: {'ok' if ok else 'MISSED'}")
        missed += [] if ok else ["sleep median"]
    if missed:
        print("MISSED: " + ", ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
