#!/usr/bin/env bash
# Benchmark of the offline store at scale: builds 100,000 articles as 100 RSS files from a
# corpus, imports them with grouping, then measures the interface's first frame and peak
# memory, and parallax search, each from process start. Prints numbers; fails on nothing
# but errors. Optionally (--incremental) also imports the feeds one at a time into a second
# store and reports how closely its stories agree with the all-at-once import.
# newsboat's `-x reload` of the same feeds (as file:// URLs) runs in the same run for
# comparison (installed when missing, need-newsboat.sh: a failed apt install fails the run). Then one feed of 1,000 new articles (from bbc2005.jsonl beside the
# corpus) is imported into stores of 25,000, 50,000 and 100,000 articles, with the number of
# articles reclustered, to show that the cost does not grow with the store. Last, a store of
# 1,000,000 articles (1,000 feeds of 1,000 items from the corpus, distinct links, the same
# edits plus reworded leads at every fifth outlet): import rate, one feed of 1,000 new
# articles, the interface's first frame and search (BENCH_MILLION=0 skips it).
# Usage: Tests/Scripts/bench-store.sh PATH-TO-PARALLAX CORPUS.jsonl [--incremental]
#        (use a release build; needs tmux and python3; about 3 GB of disk in a temporary
#        folder, 10 GB with the million-article store)
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
corpus=$2
incremental=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
socket="$work/tmux.sock"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
. "$here/need-newsboat.sh" bench-store

python3 "$here/make-feeds.py" "$corpus" "$work/feeds" 100 1000

# Import with grouping, timed, with the importer's peak memory.
python3 - "$bin" "$work" <<'PY'
import resource, subprocess, sys, time, glob
bin, work = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(f"{work}/feeds/*.rss"))
start = time.time()
out = subprocess.run([bin, "import", "--store", f"{work}/all.sqlite", *files], capture_output=True, text=True)
took = time.time() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"import of {len(files)} feeds with grouping: {took:.1f} s wall, importer peak RSS {rss:.0f} MB: {out.stdout.strip()}")
if out.returncode != 0: print(out.stderr[-2000:]); sys.exit(1)
stats = subprocess.run([bin, "stats", "--store", f"{work}/all.sqlite", "--format", "json"], capture_output=True, text=True).stdout
print("stats:", stats.strip().replace("\n", " "))
PY
ls -l "$work/all.sqlite" | awk '{ printf "store file: %.0f MB\n", $5 / 1048576 }'

# The peer: newsboat's reload of the same feeds (no grouping), in the same run.
if [ "$have_newsboat" = 1 ]; then
  mkdir -p "$work/newsboat"
  for f in "$work"/feeds/*.rss; do echo "file://$f"; done >"$work/newsboat/urls"
  python3 - "$work" <<'PY'
import os, resource, subprocess, sys, time
work = sys.argv[1]
env = dict(os.environ, HOME=f"{work}/newsboat")
start = time.time()
out = subprocess.run(["newsboat", "-u", f"{work}/newsboat/urls", "-c", f"{work}/newsboat/cache.db", "-C", "/dev/null", "-x", "reload"],
                     capture_output=True, text=True, env=env)
took = time.time() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"newsboat -x reload of the same feeds: {took:.1f} s wall, peak RSS {rss:.0f} MB (exit {out.returncode})")
PY
else
  echo "newsboat: no apt-get here to install it: no peer timing"
fi

# Interface: first frame from process start over 9 runs, and peak RSS after browsing (the
# last run). Usage: first_frame STORE LABEL
first_frame() {
  local store=$1 label=$2 frames="$work/frames-$RANDOM"
  for i in $(seq 1 9); do
    tmux -S "$socket" -f /dev/null new-session -d -s "b$i" -x 120 -y 40 \
      "TERM=xterm-256color PARALLAX_STORE='$store' PARALLAX_FIRST_FRAME_LOG='$frames' '$bin'"
    for _ in $(seq 1 200); do [ "$(grep -c . "$frames" 2>/dev/null || echo 0)" -ge "$i" ] && break; sleep 0.05; done
    if [ "$i" -eq 9 ]; then
      # Browse: bottom, top, open a story, compare its versions (when they differ: a story
      # of identical copies says so in the status line and stays on the list), search, page
      # down.
      for key in G g Enter q c; do tmux -S "$socket" send-keys -t "b$i" "$key"; sleep 0.3; done
      sleep 0.5
      if ! tmux -S "$socket" capture-pane -p -t "b$i" | head -1 | grep -q '^Parallax — '; then
        tmux -S "$socket" send-keys -t "b$i" q
      fi
      tmux -S "$socket" send-keys -t "b$i" / c o c o a Enter; sleep 1
      for _ in $(seq 1 20); do tmux -S "$socket" send-keys -t "b$i" Space; done; sleep 0.5
      pid=$(pgrep -P "$(tmux -S "$socket" display -p -t "b$i" '#{pane_pid}')" -f parallax || tmux -S "$socket" display -p -t "b$i" '#{pane_pid}')
      echo "interface peak RSS after browsing $label articles: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")"
    fi
    tmux -S "$socket" send-keys -t "b$i" q
    sleep 0.3
    tmux -S "$socket" kill-session -t "b$i" 2>/dev/null || true
  done
  sort -t= -k2 -n "$frames" | awk -F= -v label="$label" '{ v[NR] = $2 } END { printf "interface first frame at %s articles from process start over %d runs: median %d ms, min %d ms, max %d ms (resolution 10 ms)\n", label, NR, v[int((NR + 1) / 2)], v[1], v[NR] }'
}
first_frame "$work/all.sqlite" 100,000

# Search, including process start. Usage: search STORE
search() {
python3 - "$bin" "$1" <<'PY'
import statistics, subprocess, sys, time
bin, store = sys.argv[1], sys.argv[2]
for query in ["cocoa", "\"interest rates\"", "opec OR oil", "bundesbank*", "dollar NOT yen"]:
    times = []
    for _ in range(15):
        start = time.perf_counter()
        out = subprocess.run([bin, "search", "--store", store, query], capture_output=True, text=True)
        times.append((time.perf_counter() - start) * 1000)
        if out.returncode != 0: print(out.stderr); sys.exit(1)
    hits = len(out.stdout.splitlines())
    print(f"parallax search {query!r}: {hits} results, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (process start included)")
PY
}
search "$work/all.sqlite"

if [ "$incremental" = "--incremental" ]; then
python3 - "$bin" "$work" <<'PY'
import glob, json, statistics, subprocess, sys, time
from collections import defaultdict
bin, work = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(f"{work}/feeds/*.rss"))
times = []
for f in files:
    start = time.time()
    subprocess.run([bin, "import", "--store", f"{work}/inc.sqlite", f], check=True, capture_output=True)
    times.append(time.time() - start)
print(f"one feed per import: mean {statistics.mean(times):.2f} s, last 10 mean {statistics.mean(times[-10:]):.2f} s, max {max(times):.2f} s, total {sum(times):.0f} s")
def partition(store):
    out = subprocess.run([bin, "export", "--store", store, "--format", "jsonl"], capture_output=True, text=True, check=True)
    return {row["url"] or row["id"]: row["story"] for row in map(json.loads, out.stdout.splitlines())}
a, b = partition(f"{work}/all.sqlite"), partition(f"{work}/inc.sqlite")
def groups(p):
    g = defaultdict(set)
    for k, s in p.items(): g[s].add(k)
    return {k: g[s] for k, s in p.items()}
ga, gb = groups(a), groups(b)
keys = list(a)
precision = statistics.mean(len(ga[k] & gb[k]) / len(gb[k]) for k in keys)
recall = statistics.mean(len(ga[k] & gb[k]) / len(ga[k]) for k in keys)
same = sum(1 for k in keys if ga[k] == gb[k])
print(f"incremental vs all at once: B3 precision {precision:.4f} recall {recall:.4f}; {same} of {len(keys)} articles in identical stories; stories {len(set(a.values()))} vs {len(set(b.values()))}")
PY
fi

# One feed of 1,000 new articles into stores of 25,000, 50,000 and 100,000 articles.
bbc="$(dirname "$corpus")/bbc2005.jsonl"
if [ -f "$bbc" ]; then
  python3 "$here/make-feeds.py" "$bbc" "$work/new" 1 1000 >/dev/null
  python3 - "$bin" "$work" <<'PY'
import glob, re, shutil, subprocess, sys, time
bin, work = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(f"{work}/feeds/*.rss"))
new = sorted(glob.glob(f"{work}/new/*.rss"))[0]
import os, statistics
for n in (25, 50, 100):
    store = f"{work}/all.sqlite" if n == 100 else f"{work}/s{n}.sqlite"
    if n != 100:
        subprocess.run([bin, "import", "--store", store, *files[:n]], check=True, capture_output=True)
    # Three imports, each into a fresh copy of the store: the median is quoted.
    times = []
    for _ in range(3):
        for suffix in ("", "-wal"):
            if os.path.exists(store + suffix): shutil.copyfile(store + suffix, f"{work}/one.sqlite{suffix}")
            elif os.path.exists(f"{work}/one.sqlite{suffix}"): os.remove(f"{work}/one.sqlite{suffix}")
        start = time.time()
        out = subprocess.run([bin, "import", "-v", "--store", f"{work}/one.sqlite", new], capture_output=True, text=True)
        times.append(time.time() - start)
        if out.returncode != 0: print(out.stderr); sys.exit(1)
    m = re.search(r"(\d+) articles reclustered", out.stderr)
    print(f"one feed of 1,000 new articles into a store of {n * 1000:,} articles: median {statistics.median(times):.2f} s wall "
          f"({', '.join(f'{t:.2f}' for t in times)}), "
          f"{m.group(1) if m else '?'} articles reclustered ({out.stdout.strip()}; {out.stderr.strip()})")
PY
else
  echo "no $bbc: one-feed imports skipped"
fi

# A store of 1,000,000 articles.
if [ "${BENCH_MILLION:-1}" = 1 ]; then
  python3 "$here/make-feeds.py" "$corpus" "$work/million" 1000 1000 --reword
  python3 - "$bin" "$work" <<'PY'
import glob, re, resource, subprocess, sys, time
bin, work = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(f"{work}/million/*.rss"))
start = time.time()
out = subprocess.run([bin, "import", "-v", "--store", f"{work}/million.sqlite", *files], capture_output=True, text=True)
took = time.time() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if out.returncode != 0: print(out.stderr[-2000:]); sys.exit(1)
added = int(re.search(r"added (\d+)", out.stdout).group(1))
print(f"import of {len(files)} feeds ({added:,} articles) with grouping: {took:.0f} s wall, {added / took:,.0f} articles/s, "
      f"importer peak RSS {rss:.0f} MB ({out.stderr.strip()})")
new = sorted(glob.glob(f"{work}/new/*.rss"))
if new:
    start = time.time()
    out = subprocess.run([bin, "import", "-v", "--store", f"{work}/million.sqlite", new[0]], capture_output=True, text=True)
    took = time.time() - start
    m = re.search(r"(\d+) articles reclustered", out.stderr)
    print(f"one feed of 1,000 new articles into the store of 1,000,000: {took:.2f} s wall, "
          f"{m.group(1) if m else '?'} articles reclustered ({out.stdout.strip()}; {out.stderr.strip()})")
PY
  rm -rf "$work/million"
  ls -l "$work/million.sqlite" | awk '{ printf "store file: %.0f MB\n", $5 / 1048576 }'
  first_frame "$work/million.sqlite" 1,000,000
  search "$work/million.sqlite"
fi
