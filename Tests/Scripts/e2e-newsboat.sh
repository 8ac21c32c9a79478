#!/usr/bin/env bash
# End-to-end against the real newsboat: it fetches three feeds served on loopback (its own
# urls file with tags, a ~title and a query feed), some articles are marked read through
# its -I read-list import and one is flagged, then `parallax import` of that newsboat folder
# must give the same articles, the same unread count, the flagged one starred, the tags and
# title in `parallax feeds --format json` and the query as a saved filter; a `parallax sync`
# against the same server then adds nothing and keeps the read state.
# Installs newsboat (Debian package) when missing; fails when apt-get cannot install it.
# Usage: Tests/Scripts/e2e-newsboat.sh PATH-TO-PARALLAX-BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$here/need-newsboat.sh" e2e-newsboat
if [ "$have_newsboat" = 0 ]; then
  echo "e2e-newsboat: SKIPPED: no apt-get here to install newsboat"
  exit 0
fi
work=$(mktemp -d)
cleanup() {
  local jobs
  jobs=$(jobs -p)
  [ -z "$jobs" ] || kill $jobs 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "e2e-newsboat: FAIL: $*" >&2; exit 1; }

mkdir -p "$work/site" "$work/newsboat" "$work/home"
python3 "$here/serve-folder.py" "$work/site" "$work/port" &
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the feed server did not start"
port=$(cat "$work/port")
python3 - "$work/site" "$port" <<'PY'
import sys
site, port = sys.argv[1], sys.argv[2]
feeds = {
    "alpha": [("storm", "Storm cuts power to 48,000 homes", "A winter storm cut power to 48,000 homes on the coast on Tuesday.", "Tue, 17 Nov 2026 08:00:00 GMT"),
              ("tram", "Council approves tram line", "The council voted 31 to 14 for the tram line on Monday.", "Mon, 16 Nov 2026 18:00:00 GMT")],
    "beta": [("library", "Library opens late on Thursdays", "The central library will open until nine on Thursdays.", "Mon, 16 Nov 2026 12:00:00 GMT"),
             ("cranes", "Harbour cranes to be replaced", "The port will replace its four cranes with electric ones by 2028.", "Sun, 15 Nov 2026 10:00:00 GMT")],
    "gamma": [("bridge", "Bridge reopens after repairs", "The old bridge reopened on Friday after eleven months of repairs.", "Sat, 14 Nov 2026 09:00:00 GMT")],
}
for name, items in feeds.items():
    body = "".join(
        f"<item><title>{t}</title><link>http://127.0.0.1:{port}/{slug}.html</link><guid>urn:{slug}</guid>"
        f"<pubDate>{d}</pubDate><description>&lt;p&gt;{x}&lt;/p&gt;</description></item>" for slug, t, x, d in items)
    open(f"{site}/{name}.rss", "w").write(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name.title()} Wire</title>{body}</channel></rss>')
PY

nb="$work/newsboat"
cat > "$nb/urls" <<URLS
# newsboat subscriptions
http://127.0.0.1:$port/alpha.rss news "~Alpha Renamed"
http://127.0.0.1:$port/beta.rss news local
http://127.0.0.1:$port/gamma.rss
"query:Unread news:unread = \"yes\" and tags # \"news\""
URLS
printf 'browser "w3m %%u"\nreload-threads 2\n' > "$nb/config"
export HOME="$work/home"
newsboat -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config" -x reload >/dev/null 2>&1 || fail "newsboat -x reload failed"
printf 'urn:storm\nurn:library\n' > "$work/read-list"
newsboat -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config" -I "$work/read-list" >/dev/null 2>&1 || fail "newsboat -I failed"
python3 - "$nb/cache.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE rss_item SET flags = 's' WHERE guid = 'urn:cranes'")
db.commit()
PY
read -r nb_items nb_unread <<<"$(python3 - "$nb/cache.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT COUNT(*), SUM(unread) FROM rss_item WHERE deleted = 0").fetchone()[0],
      db.execute("SELECT SUM(unread) FROM rss_item WHERE deleted = 0").fetchone()[0])
PY
)"
[ "$nb_items" = 5 ] || fail "newsboat stored $nb_items items, expected 5"
[ "$nb_unread" = 3 ] || fail "newsboat has $nb_unread unread after -I, expected 3"
echo "newsboat: 5 items fetched, 2 marked read with -I, 1 flagged"

store="$work/store.sqlite"
XDG_CONFIG_HOME="$work/xdg" "$bin" import --store "$store" "$nb" > "$work/import.out" || true
cat "$work/import.out"
stats() { "$bin" stats --store "$store" --format json; }
python3 - "$nb_items" "$nb_unread" <<PY || fail "after the import"
import json, subprocess, sys
items, unread = int(sys.argv[1]), int(sys.argv[2])
s = json.loads(subprocess.run(["$bin", "stats", "--store", "$store", "--format", "json"], capture_output=True, text=True).stdout)
assert s["articles"] == items, s
assert s["unread"] == unread, s
assert s["starred"] == 1, s
feeds = json.loads(subprocess.run(["$bin", "feeds", "--store", "$store", "--format", "json"], capture_output=True, text=True).stdout)
alpha = next(f for f in feeds if f.get("url", "").endswith("/alpha.rss"))
beta = next(f for f in feeds if f.get("url", "").endswith("/beta.rss"))
assert alpha["title"] == "Alpha Renamed" and alpha["tags"] == ["news"], alpha
assert beta["tags"] == ["news", "local"], beta
query = next(f for f in feeds if f["kind"] == "filter")
assert query["name"] == "Unread news" and query["query"] == "unread tag:news", query
print("parallax import: same articles (%d), same unread (%d), 1 starred, tags, title and the saved filter" % (items, unread))
PY
grep -q "saved filter Unread news: unread tag:news" "$work/import.out" || fail "no saved filter in the summary"

# A sync against the same server adds nothing new and keeps the read state.
"$bin" sync --store "$store" > "$work/sync.out" 2>&1 || fail "sync: $(cat "$work/sync.out")"
grep -q "3 feeds: 0 new articles, 0 failed" "$work/sync.out" || fail "sync added: $(tail -1 "$work/sync.out")"
python3 - <<PY || fail "after the sync"
import json, subprocess
s = json.loads(subprocess.run(["$bin", "stats", "--store", "$store", "--format", "json"], capture_output=True, text=True).stdout)
assert s["articles"] == $nb_items and s["unread"] == $nb_unread and s["starred"] == 1, s
feeds = json.loads(subprocess.run(["$bin", "feeds", "--store", "$store", "--format", "json"], capture_output=True, text=True).stdout)
alpha = next(f for f in feeds if f.get("url", "").endswith("/alpha.rss"))
assert alpha["title"] == "Alpha Renamed", alpha  # the feed's own title does not replace the rename
print("parallax sync: nothing new, read state kept, the renamed title kept")
PY
# Importing again adds nothing.
XDG_CONFIG_HOME="$work/xdg" "$bin" import --store "$store" "$nb" > "$work/again.out" || true
head -1 "$work/again.out" | grep -qF "0 articles added ($nb_items already stored)" || fail "a second import: $(head -1 "$work/again.out")"
echo "e2e-newsboat: ok"
