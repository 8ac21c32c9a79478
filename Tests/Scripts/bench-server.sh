#!/usr/bin/env bash
# Benchmark of parallax sync against a real Fever server (Coldsweat from PyPI): a first sync
# of ITEMS items (time and the sync's peak memory, median of RUNS syncs into new stores), a sync
# sending 2,000 read marks, then an incremental sync with nothing new (requests and time,
# median of RUNS). The items are
# ITEMS/1000 feeds of 1,000 articles from a corpus (Tests/Scripts/make-feeds.py), served on
# 127.0.0.1 and fetched by Coldsweat itself. Prints numbers; fails only on errors.
# Usage: Tests/Scripts/bench-server.sh PATH-TO-PARALLAX CORPUS.jsonl [ITEMS=10000] [RUNS=3]
#        (use a release build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
corpus=$2
items=${3:-10000}
runs=${4:-3}
work=$(mktemp -d)
cleanup() { local jobs; jobs=$(jobs -p); [ -z "$jobs" ] || kill $jobs 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "bench-server: FAIL: $*" >&2; exit 1; }

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q coldsweat >"$work/pip.log" 2>&1 || fail "pip could not install coldsweat: $(tail -3 "$work/pip.log")"
mkdir -p "$work/site"
python3 "$here/serve-folder.py" "$work/site" "$work/site-port" &
for _ in $(seq 1 50); do [ -s "$work/site-port" ] && break; sleep 0.1; done
site="http://127.0.0.1:$(cat "$work/site-port")"
feeds=$(( (items + 999) / 1000 ))
python3 "$here/make-feeds.py" "$corpus" "$work/site" "$feeds" 1000 >/dev/null
python3 - "$work/site" "$site" <<'PY'
import glob, os, sys
folder, site = sys.argv[1:3]
open(f"{folder}/icon.gif", "wb").write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
outlines = []
for path in sorted(glob.glob(f"{folder}/*.rss")):
    text = open(path, encoding="utf-8").read()
    image = f"<image><url>{site}/icon.gif</url><title>i</title><link>{site}/</link><width>16</width><height>16</height></image>"
    text = text.replace("<channel>", "<channel>" + image, 1)
    open(path, "w", encoding="utf-8").write(text)
    outlines.append(f'<outline type="rss" text="{os.path.basename(path)}" xmlUrl="{site}/{os.path.basename(path)}"/>')
open(f"{folder}/subs.opml", "w").write('<?xml version="1.0"?><opml version="1.0"><head><title>b</title></head><body>'
    '<outline text="Bench" title="Bench">' + "".join(outlines) + "</outline></body></opml>")
PY
export FLASK_DATABASE_URL="sqlite:///$work/cs.db"
cs="$work/venv/bin/coldsweat"
"$cs" setup bench@example.org -p "correct horse battery staple" >/dev/null
start=$(date +%s)
"$cs" import "$work/site/subs.opml" bench@example.org --fetch >"$work/fetch.log" 2>&1 || fail "coldsweat fetch"
echo "Coldsweat fetched $feeds feeds in $(( $(date +%s) - start )) s"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$cs" run --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
key=$(printf 'bench@example.org:correct horse battery staple' | md5sum | cut -d' ' -f1)
for _ in $(seq 1 100); do curl -sf -X POST -d "api_key=$key" "http://127.0.0.1:$port/fever/?api" | grep -q '"auth":1' && break; sleep 0.2; done
total=$(curl -sf -X POST -d "api_key=$key" "http://127.0.0.1:$port/fever/?api&items" | python3 -c "import json,sys; print(json.load(sys.stdin)['total_items'])")
mkdir -p "$work/config/parallax"
printf 'correct horse battery staple\n' >"$work/password"
chmod 600 "$work/password"
printf '[server]\nkind = "fever"\nurl = "http://127.0.0.1:%s/fever/"\nlogin = "bench@example.org"\npassword-file = "%s"\n' \
  "$port" "$work/password" >"$work/config/parallax/config.toml"
export XDG_CONFIG_HOME="$work/config"
python3 - "$bin" "$work" "$runs" "$total" <<'PY'
import os, re, resource, statistics, subprocess, sys, time
bin, work, runs, total = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def sync(store):
    env = dict(os.environ, PARALLAX_STORE=store)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.time()
    out = subprocess.run([bin, "sync"], env=env, capture_output=True, text=True)
    took = time.time() - start
    if out.returncode != 0:
        print(out.stdout[-2000:], out.stderr[-2000:]); sys.exit(1)
    summary = out.stdout.strip().splitlines()[-1]
    requests = int(re.search(r"(\d+) requests", summary).group(1))
    return took, requests, summary
firsts, peaks = [], []
for r in range(runs):
    store = f"{work}/first-{r}.sqlite"
    # Peak memory of this child alone: run it under its own measuring python.
    probe = subprocess.run([sys.executable, "-c",
        "import os,resource,subprocess,sys,time; s=time.time(); p=subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "print(time.time()-s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode); print(p.stdout.strip().splitlines()[-1] if p.stdout.strip() else p.stderr)",
        bin, "sync"], env=dict(os.environ, PARALLAX_STORE=store), capture_output=True, text=True)
    head, summary = probe.stdout.splitlines()[0], probe.stdout.splitlines()[1]
    took, rss, code = head.split()
    if code != "0": print(summary); sys.exit(1)
    firsts.append(float(took)); peaks.append(int(rss) / 1024)
    print(f"first sync {r + 1}: {float(took):.1f} s, peak RSS {int(rss) / 1024:.0f} MB: {summary}")
incremental = [sync(f"{work}/first-0.sqlite") for _ in range(max(runs, 5))]
print(f"first sync of {total} items: median {statistics.median(firsts):.1f} s, peak RSS median {statistics.median(peaks):.0f} MB ({runs} runs)")
# Sending read marks: 2,000 articles read here (as `A` over a long list would), one sync.
import sqlite3
db = sqlite3.connect(f"{work}/first-1.sqlite")
db.execute("UPDATE article SET isRead = 1 WHERE id IN (SELECT id FROM article ORDER BY id LIMIT 2000)")
db.commit(); db.close()
took, requests, summary = sync(f"{work}/first-1.sqlite")
print(f"sending 2000 read marks: {took:.1f} s, {requests} requests: {summary}")
print(f"incremental sync, nothing new: median {statistics.median(t for t, _, _ in incremental):.2f} s, "
      f"requests {sorted(set(n for _, n, _ in incremental))} ({len(incremental)} runs)")
PY
