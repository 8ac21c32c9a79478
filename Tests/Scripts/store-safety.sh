#!/usr/bin/env bash
# Store safety: an import killed with SIGKILL midway leaves a sound store that opens, and
# importing again stores every article exactly once; a reader runs while an import writes.
# Usage: Tests/Scripts/store-safety.sh PATH-TO-PARALLAX
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PARALLAX_STORE="$work/store.sqlite"
fail() { echo "store-safety: FAIL: $*" >&2; exit 1; }

# 6,000 generated articles (distinct words per article, so they do not all group together).
python3 - "$work/articles.jsonl" <<'PY'
import json, random, sys
random.seed(7)
words = ["harbour", "council", "storm", "wheat", "tram", "ferry", "budget", "court", "vote", "strike", "port", "mine"]
with open(sys.argv[1], "w") as out:
    for i in range(6000):
        text = " ".join(random.choice(words) + str(random.randrange(500)) for _ in range(120))
        out.write(json.dumps({"id": f"gen-{i}", "title": f"Report {i} on {random.choice(words)}", "text": text}) + "\n")
PY

# Kill an import midway.
"$bin" import "$work/articles.jsonl" >/dev/null 2>&1 &
pid=$!
# Wait until the import is writing (the write-ahead log grows), then kill it.
for _ in $(seq 1 300); do
  [ -s "$PARALLAX_STORE-wal" ] && [ "$(stat -c %s "$PARALLAX_STORE-wal")" -gt 100000 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
kill -KILL "$pid" 2>/dev/null || fail "the import finished before it could be killed"
wait "$pid" 2>/dev/null || true
[ -f "$PARALLAX_STORE" ] || fail "no store file after the killed import"
python3 - "$PARALLAX_STORE" <<'PY' || fail "integrity check"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
result = db.execute("PRAGMA integrity_check").fetchone()[0]
print("after SIGKILL: integrity_check =", result, "; articles =", db.execute("SELECT COUNT(*) FROM article").fetchone()[0])
sys.exit(0 if result == "ok" else 1)
PY
"$bin" stats --format json >/dev/null || fail "the store does not open after SIGKILL"

# A reader (list and search in a loop) while the import writes; neither may fail.
"$bin" import "$work/articles.jsonl" > "$work/import.out" 2>&1 &
writer=$!
reads=0
while kill -0 "$writer" 2>/dev/null; do
  "$bin" list --limit 5 >/dev/null || fail "list failed while importing"
  "$bin" search harbour1 --limit 5 >/dev/null || fail "search failed while importing"
  reads=$((reads + 1))
done
wait "$writer" || fail "import failed while being read: $(cat "$work/import.out")"
# The check means something only if reads ran while the import wrote.
[ "$reads" -gt 0 ] || fail "no read happened during the import (it ended too soon to test anything)"
count=$("$bin" stats --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
[ "$count" -eq 6000 ] || fail "expected 6000 articles exactly once, found $count"
"$bin" import "$work/articles.jsonl" | grep -q "added 0, already stored 6000" || fail "re-import added articles"
echo "store-safety: ok ($reads reads during the import; 6000 articles stored once)"
