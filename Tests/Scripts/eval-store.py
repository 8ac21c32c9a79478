#!/usr/bin/env python3
"""Grouping quality through the store: imports a labelled JSON Lines file (id, group, text)
into a new store all at once and, separately, in N batches, and prints B-cubed precision,
recall and F1 of each against the labels, and their agreement with each other.

Usage: Tests/Scripts/eval-store.py PATH-TO-PARALLAX FILE.jsonl [BATCHES=10]
"""
import json, os, random, statistics, subprocess, sys, tempfile
from collections import defaultdict

bin, path = sys.argv[1], sys.argv[2]
batches = int(sys.argv[3]) if len(sys.argv) > 3 else 10
rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
labels = {str(r["id"]): r["group"] for r in rows}

def b3(truth, found):
    t, f = defaultdict(set), defaultdict(set)
    for k, v in truth.items(): t[v].add(k)
    for k, v in found.items(): f[v].add(k)
    p = statistics.mean(len(t[truth[k]] & f[found[k]]) / len(f[found[k]]) for k in truth)
    r = statistics.mean(len(t[truth[k]] & f[found[k]]) / len(t[truth[k]]) for k in truth)
    return p, r, 2 * p * r / (p + r)

def stories(store):
    out = subprocess.run([bin, "export", "--store", store, "--format", "jsonl"], capture_output=True, text=True, check=True)
    return {row["id"]: row["story"] for row in map(json.loads, out.stdout.splitlines())}

with tempfile.TemporaryDirectory() as work:
    subprocess.run([bin, "import", "--store", f"{work}/all.sqlite", path], check=True, capture_output=True)
    at_once = stories(f"{work}/all.sqlite")
    shuffled = rows[:]
    random.Random(1).shuffle(shuffled)
    size = (len(shuffled) + batches - 1) // batches
    for i in range(batches):
        part = f"{work}/part-{i}.jsonl"
        with open(part, "w", encoding="utf-8") as out:
            for r in shuffled[i * size:(i + 1) * size]: out.write(json.dumps(r) + "\n")
        subprocess.run([bin, "import", "--store", f"{work}/inc.sqlite", part], check=True, capture_output=True)
    incremental = stories(f"{work}/inc.sqlite")
    print(f"{path}: {len(rows)} articles")
    print("store, all at once:   B3 P %.4f R %.4f F1 %.4f" % b3(labels, at_once))
    print("store, %d batches:    B3 P %.4f R %.4f F1 %.4f" % ((batches,) + b3(labels, incremental)))
    print("batches vs at once:   B3 P %.4f R %.4f F1 %.4f (1.0 = identical stories)" % b3(at_once, incremental))
