#!/usr/bin/env python3
"""How far the verdicts can be trusted on this machine: false positives and power.

    benchmarks/verdict_noise.py fpr   [--runs 6] [--quick] [--select architecture | --commands] [--binary B]
    benchmarks/verdict_noise.py power [--steps 5,10,20] [--trials 2] [--history 5] [--quick] [--binary B]

fpr    runs the selection unchanged --runs times into a fresh history store, each run compared
       with the run before (the default baseline), and counts the comparisons that came out
       `regressed` or `improved`: every one of them is a false positive. Also counts `unstable`.
       --commands runs a suite of external commands (awk, sort, gzip) and system.hash instead.
       The runs stay in the printed directory; build/benchmarks/verdict_replay judges them
       again with the rule as built, to compare rules on the same runs.
power  for each step size s: --history unchanged runs of two workloads with a cost knob (an
       external command, awk looping N times, and the in-process system.hash, whose cost
       CRUCIBLE_HASH_SCALE_PCT scales without changing its id, as a change of code would),
       then one run with the cost raised by s% (a `regressed` is a hit), then one back at the
       original cost (an `improved` is a hit); a fresh store per trial.

Every run is a real run of crucible-bench, headless, with its own output directory; the
verdicts are read from its results.json. Nothing is simulated. Prints a table and, with
--json FILE, writes the counts.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BINARY = os.path.join(HERE, "..", "build", "gui", "crucible-bench")
CHANGES = ("regressed", "improved")

# The external command's base cost: awk's loop of this many steps takes ~60 ms here.
AWK_STEPS = 1_500_000


def run_bench(binary, args, workdir, tag, scale_pct=None):
    out = os.path.join(workdir, tag)
    cmd = [binary, "--headless", "--output-dir", out, "--format", "json"] + args
    env = dict(os.environ)
    env.pop("CRUCIBLE_HASH_SCALE_PCT", None)
    if scale_pct is not None:
        env["CRUCIBLE_HASH_SCALE_PCT"] = str(scale_pct)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    if proc.returncode not in (0, 4):
        sys.exit(f"verdict_noise: {' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    with open(os.path.join(out, "results.json")) as f:
        return json.load(f)


def verdicts(results):
    """(workload id, verdict, explanation) of each compared workload of one results.json."""
    out = []
    for w in results["workloads"]:
        b = w.get("baseline")
        if b:
            out.append((w["id"], b["verdict"], b.get("explanation", "")))
    return out


def measure_args(quick):
    return ["--quick-check"] if quick else []


def commands_suite(workdir):
    """awk_loop and system.hash of the power suite, and two commands that read a file."""
    lines = os.path.join(workdir, "lines.txt")
    rng = random.Random(12)
    with open(lines, "w") as f:
        for _ in range(200_000):
            f.write(f"{rng.getrandbits(48):x}\n")
    suite = power_suite_json(AWK_STEPS)
    suite["name"] = "verdict-commands"
    suite["workloads"] += [{"id": "sort_lines", "command": ["sort", lines]},
                           {"id": "gzip_file", "command": ["gzip", "-c", lines]}]
    path = os.path.join(workdir, "commands.json")
    with open(path, "w") as f:
        json.dump(suite, f)
    return path


def fpr(opts):
    workdir = tempfile.mkdtemp(prefix="verdict-fpr-")
    db = os.path.join(workdir, "history.sqlite")
    selection = ["--suite", commands_suite(workdir)] if opts.commands else opts.select
    total = changes = unstable = 0
    by_workload = {}
    for i in range(opts.runs):
        args = ["--db", db] + measure_args(opts.quick) + selection
        results = run_bench(opts.binary, args, workdir, f"run{i}")
        v = verdicts(results)
        flagged = [(wid, verdict, why) for wid, verdict, why in v if verdict in CHANGES]
        n_unstable = sum(1 for w in results["workloads"] if w.get("stability", {}).get("unstable"))
        total += len(v)
        changes += len(flagged)
        unstable += n_unstable
        for wid, verdict, _ in v:
            by_workload.setdefault(wid, []).append(verdict)
        print(f"run {i}: {len(v)} compared, {len(flagged)} regressed/improved, {n_unstable} unstable", flush=True)
        for wid, verdict, why in flagged:
            print(f"    {wid}: {why}", flush=True)
    rate = changes / total if total else 0.0
    print(f"\nfalse positives: {changes} of {total} comparisons ({rate:.1%}); unstable results: {unstable}")
    print(f"runs kept in {workdir} (run0 … run{opts.runs - 1})")
    return {"mode": "quick" if opts.quick else "full", "select": opts.select, "runs": opts.runs,
            "comparisons": total, "false_positives": changes, "rate": rate, "unstable": unstable,
            "verdicts": by_workload}


def power_suite_json(awk_steps):
    suite = {
        "name": "verdict-power",
        "workloads": [
            {"id": "awk_loop", "command": ["awk", f"BEGIN {{ for (i = 0; i < {awk_steps}; i++) s += i }}"]},
            {"id": "system.hash"},
        ],
    }
    # The product's own settings (50 samples in 10 rounds, or the quick check's): power is
    # what a user running the suite as it comes gets.
    return suite


def power_suite(path, awk_steps):
    with open(path, "w") as f:
        json.dump(power_suite_json(awk_steps), f)


def power(opts):
    steps = [float(s) for s in opts.steps.split(",")]
    table = {}
    for step in steps:
        for trial in range(opts.trials):
            workdir = tempfile.mkdtemp(prefix=f"verdict-power-{step:g}-")
            db = os.path.join(workdir, "history.sqlite")
            base = os.path.join(workdir, "base.json")
            raised = os.path.join(workdir, "raised.json")
            power_suite(base, AWK_STEPS)
            factor = 1 + step / 100
            power_suite(raised, int(AWK_STEPS * factor))
            args = ["--db", db] + measure_args(opts.quick)
            for i in range(opts.history):
                run_bench(opts.binary, args + ["--suite", base], workdir, f"base{i}")
            up = verdicts(run_bench(opts.binary, args + ["--suite", raised], workdir, "up", 100 * factor))
            down = verdicts(run_bench(opts.binary, args + ["--suite", base], workdir, "down"))
            for direction, v, wanted in (("up", up, "regressed"), ("down", down, "improved")):
                for wid, verdict, why in v:
                    kind = "command" if wid == "awk_loop" else "in-process"
                    cell = table.setdefault((step, kind), {"hits": 0, "trials": 0})
                    cell["trials"] += 1
                    cell["hits"] += verdict == wanted
                    print(f"step +{step:g}% trial {trial} {direction}: {wid}: {why}", flush=True)
    print("\nstep   kind         found")
    rows = []
    for (step, kind), cell in sorted(table.items()):
        print(f"{step:4g}%  {kind:11s}  {cell['hits']}/{cell['trials']}")
        rows.append({"step_pct": step, "kind": kind, **cell})
    return {"mode": "quick" if opts.quick else "full", "history_runs": opts.history, "power": rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["fpr", "power"])
    parser.add_argument("--binary", default=DEFAULT_BINARY)
    parser.add_argument("--quick", action="store_true", help="--quick-check runs")
    parser.add_argument("--runs", type=int, default=6, help="fpr: unchanged runs")
    parser.add_argument("--select", nargs="*", default=["architecture"],
                        help="fpr: workload filters (none: the whole default suite)")
    parser.add_argument("--commands", action="store_true",
                        help="fpr: external commands and system.hash instead of --select")
    parser.add_argument("--steps", default="5,10,20", help="power: step sizes in percent")
    parser.add_argument("--trials", type=int, default=2, help="power: trials per step")
    parser.add_argument("--history", type=int, default=5, help="power: unchanged runs before the step")
    parser.add_argument("--json", help="write the counts here")
    opts = parser.parse_args()
    if not os.access(opts.binary, os.X_OK):
        sys.exit(f"verdict_noise: no crucible-bench at {opts.binary} (--binary)")
    report = fpr(opts) if opts.what == "fpr" else power(opts)
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
