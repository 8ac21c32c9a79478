#!/usr/bin/env bash
# Benchmark: time from process start to the first frame showing the seeds' stories, in tmux,
# opening a temporary store that holds the seeds (imported once before the runs).
# Usage: Tests/Scripts/bench-first-frame.sh PATH-TO-PARALLAX [RUNS]   (use a release build)
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
runs=${2:-9}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
socket="$work/tmux.sock"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$root"
"$bin" import --store "$work/s.sqlite" seeds >/dev/null
for i in $(seq 1 "$runs"); do
  tmux -S "$socket" -f /dev/null new-session -d -s "b$i" -x 120 -y 40 \
    "TERM=xterm-256color PARALLAX_STORE='$work/s.sqlite' PARALLAX_FIRST_FRAME_LOG='$work/log' '$bin'"
  for _ in $(seq 1 50); do [ "$(grep -c . "$work/log" 2>/dev/null || echo 0)" -ge "$i" ] && break; sleep 0.1; done
  tmux -S "$socket" send-keys -t "b$i" q
  sleep 0.2
done
sort -t= -k2 -n "$work/log" | awk -F= '{ v[NR] = $2 } END { printf "first frame of the seeds from process start over %d runs: median %d ms, min %d ms, max %d ms\n", NR, v[int((NR + 1) / 2)], v[1], v[NR] }'
