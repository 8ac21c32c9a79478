#!/usr/bin/env bash
# The real binary on a new user's first hour on a server: $HOME decides where the store is,
# usage errors exit 2, empty and malformed searches are explained, sync --quiet prints
# nothing when all is well, and a store from a newer Parallax is refused untouched.
# Usage: Tests/Scripts/cli-papercuts.sh PATH/TO/parallax
set -uo pipefail
parallax=$(realpath "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { # description, condition (evaluated)
  if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; failures=$((failures + 1)); fi
}

# 1. HOME, not the passwd entry, decides where the store goes.
home="$work/home"
mkdir -p "$home"
env -u XDG_DATA_HOME -u PARALLAX_STORE HOME="$home" "$parallax" import "$repo/seeds" >/dev/null 2>&1
check "import with HOME set writes under \$HOME/.local/share/parallax" "[ -f '$home/.local/share/parallax/parallax.sqlite' ]"
env -u PARALLAX_STORE HOME="$home" XDG_DATA_HOME="$work/xdg" "$parallax" import "$repo/seeds" >/dev/null 2>&1
check "XDG_DATA_HOME wins over HOME" "[ -f '$work/xdg/parallax/parallax.sqlite' ]"
store="$home/.local/share/parallax/parallax.sqlite"

# 3. Searches.
"$parallax" search --store "$store" "   " >/dev/null 2>"$work/err"
status=$?
check "an empty search query is a usage error (exit 2, got $status)" "[ $status -eq 2 ]"
check "it says the query is empty" "grep -q 'the search query is empty' '$work/err'"
"$parallax" search --store "$store" "c++" >/dev/null 2>"$work/err"
status=$?
check "a malformed query exits 2 (got $status)" "[ $status -eq 2 ]"
check "it names the token and the fix" "grep -qF 'put it in double quotes: \"c++\"' '$work/err'"

# 5. sync: usage errors exit 2; --quiet with nothing to do prints nothing.
"$parallax" sync --store "$store" --timeout 0 >/dev/null 2>&1
status=$?
check "sync --timeout 0 is a usage error (exit 2, got $status)" "[ $status -eq 2 ]"
"$parallax" sync --store "$store" --quiet >"$work/out" 2>&1
status=$?
check "sync --quiet with no subscriptions exits 0 (got $status) and prints nothing" "[ $status -eq 0 ] && [ ! -s '$work/out' ]"

# 2 and 6. A store from a newer Parallax: refused, named, untouched.
python3 - "$store" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
db.execute("PRAGMA user_version = 99")
db.execute("UPDATE parallaxInfo SET value = '99.0.0' WHERE key = 'version'")
db.commit()
db.close()
PY
before=$(md5sum <"$store")
"$parallax" list --store "$store" >/dev/null 2>"$work/err"
status=$?
check "a newer store exits 1 (got $status)" "[ $status -eq 1 ]"
check "the message names both versions" "grep -q 'Parallax 99.0.0, store format 99.*this is Parallax' '$work/err'"
check "the file is unchanged" "[ \"\$(md5sum <'$store')\" = '$before' ]"
check "the message is one line" "[ \$(wc -l <'$work/err') -eq 1 ]"

# 2. A full disk, for real, where this machine lets us mount a 3 MB filesystem.
small="$work/small"
mkdir -p "$small"
if mount -t tmpfs -o size=3m tmpfs "$small" 2>/dev/null; then
  trap 'umount "$small" 2>/dev/null; rm -rf "$work"' EXIT
  "$parallax" import --store "$small/s.sqlite" "$repo/seeds" >/dev/null 2>&1
  python3 - "$work/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for i in range(3000):
        words = " ".join(f"w{i}x{j}" for j in range(300))
        out.write(json.dumps({"id": f"big-{i}", "title": f"Report {i}", "text": words + "."}) + "\n")
PY
  "$parallax" import --store "$small/s.sqlite" "$work/big.jsonl" >/dev/null 2>"$work/err"
  status=$?
  check "an import onto a full disk exits 1 (got $status)" "[ $status -eq 1 ]"
  check "it says so in one line" \
    "[ \"\$(cat '$work/err')\" = 'parallax: the disk holding $small/s.sqlite is full: nothing from this import was stored' ]"
  check "the store keeps what it had" "[ \"\$('$parallax' stats --store '$small/s.sqlite' | head -1)\" = 'articles 5' ]"
else
  echo "skipped: cannot mount a small filesystem here (the full disk is tested with SQLite's page limit in swift test)"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo "all checks passed"
