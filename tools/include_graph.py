#!/usr/bin/env python3
"""Folder include graph of engine/: which folder's files include which other folder's headers,
and the cycles among them.

    tools/include_graph.py [--root engine] [--dot]

A folder is a first-level folder of the root (cli, history, ...). Files directly in the root are
the engine's core; they are left out of the graph by default, since every folder may use them
(--with-core puts them in as "core"). Includes are resolved as the compiler would find them in
this project: a path relative to the root, or a bare file name found in exactly one folder.
Exit status: 0 without cycles, 1 with at least one (each cycle is printed with the includes
that make it), 2 for bad arguments.
"""
import argparse
import collections
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def folder_of(path, root):
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "core"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default="engine", help="the folder whose sub-folders are the nodes (default: engine)")
    ap.add_argument("--with-core", action="store_true", help="count files directly in the root as a folder 'core'")
    ap.add_argument("--dot", action="store_true", help="print the graph in Graphviz dot")
    args = ap.parse_args()
    root = pathlib.Path(args.root)
    if not root.is_dir():
        print(f"include_graph.py: --root {root}: not a directory", file=sys.stderr)
        return 2

    files = [p for p in root.rglob("*") if p.suffix in (".h", ".cpp")]
    by_name = collections.defaultdict(list)
    for p in files:
        by_name[p.name].append(p)

    edges = collections.defaultdict(list)  # (from, to) -> ["file -> include", ...]
    for p in files:
        src = folder_of(p, root)
        for inc in INCLUDE.findall(p.read_text(errors="replace")):
            target = root / inc
            if not target.exists():
                found = by_name.get(pathlib.Path(inc).name, [])
                if len(found) != 1:
                    continue  # another library's header (workloads, Qt) or ambiguous
                target = found[0]
            dst = folder_of(target, root)
            if src != dst and (args.with_core or "core" not in (src, dst)):
                edges[(src, dst)].append(f"{p.relative_to(root)} includes {inc}")

    graph = collections.defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    if args.dot:
        print("digraph engine {")
        for a, b in sorted(edges):
            print(f'  "{a}" -> "{b}";')
        print("}")

    # Strongly connected components (Tarjan): a component of more than one folder is a cycle.
    index, low, stack, on_stack, sccs = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                scc.append(w)
                if w == v:
                    break
            sccs.append(sorted(scc))

    for v in sorted(set(graph) | {b for bs in graph.values() for b in bs}):
        if v not in index:
            visit(v)

    cycles = [s for s in sccs if len(s) > 1]
    for scc in cycles:
        print("cycle among: " + ", ".join(scc), file=sys.stderr)
        for (a, b), why in sorted(edges.items()):
            if a in scc and b in scc:
                print(f"  {a} -> {b}: {why[0]}" + (f" (and {len(why) - 1} more)" if len(why) > 1 else ""), file=sys.stderr)
    if not cycles and not args.dot:
        print(f"no cycle among {len(index)} folders of {root}")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
