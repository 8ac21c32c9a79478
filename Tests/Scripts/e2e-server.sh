#!/usr/bin/env bash
# End-to-end test against a real reader server: Coldsweat (PyPI), a Fever API server.
# Installs it in a virtual environment, serves three feeds on 127.0.0.1 (two outlets carry two
# versions of one report), lets Coldsweat fetch them, and then:
#   1. parallax sync pulls the server's feeds (groups as tags) and items;
#   2. the story with two versions is read in the interface (tmux); the next sync sends both
#      read marks, and the server's own API says both items are read;
#   3. an item marked read and one starred through the server's API are read and starred here
#      after a sync;
#   4. with the server stopped, an item read here is kept (sync says why it failed); once the
#      server is back, the next sync sends it and the server has it read;
#   5. the error cases give one clear line each and leave the store as it was: wrong password,
#      an HTML page instead of the API, nothing listening, TLS to a plain HTTP port.
# With --record FOLDER, the server's replies of each case are kept there (the API client's
# test fixtures, Tests/ReaderServerTests/Fixtures/fever).
# Skips with a message only when Coldsweat cannot be installed because PyPI cannot be reached.
# Usage: Tests/Scripts/e2e-server.sh PATH-TO-PARALLAX [--record FOLDER]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
record=""
if [ "${2:-}" = "--record" ]; then record=$(mkdir -p "$3" && cd "$3" && pwd); fi
work=$(mktemp -d)
session="parallax-server-$$"
name=e2e-server
. "$here/tmux-helpers.sh"
cleanup() { stop_jobs; t kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Coldsweat in a virtual environment (a failed install fails the script where PyPI answers).
python3 -m venv "$work/venv"
if ! "$work/venv/bin/pip" install -q coldsweat >"$work/pip.log" 2>&1; then
  if python3 -c "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/coldsweat/', timeout=10)" 2>/dev/null; then
    echo "$name: FAIL: pip could not install coldsweat:" >&2
    tail -5 "$work/pip.log" >&2
    exit 1
  fi
  echo "$name: SKIPPED: PyPI cannot be reached to install coldsweat"
  exit 0
fi
cs="$work/venv/bin/coldsweat"
export FLASK_DATABASE_URL="sqlite:///$work/cs.db"
login="reader@example.org"
password="correct horse battery staple"

# The feeds, on 127.0.0.1 (each with a square <image>, so Coldsweat looks for no icon
# elsewhere): wire has report 003 and an unrelated item; daily has 004, another outlet's
# version of the same report; local has one more item.
mkdir -p "$work/site"
python3 "$here/serve-folder.py" "$work/site" "$work/site-port" &
wait_for_file "$work/site-port"
site="http://127.0.0.1:$(cat "$work/site-port")"
python3 - "$work/site" "$site" "$root/seeds" <<'PY'
import glob, html, os, sys
folder, site, seeds = sys.argv[1:4]
def seed(n):
    path = glob.glob(f"{seeds}/{n}_*.txt")[0]
    title, _, body = open(path, encoding="utf-8").read().partition("\n")
    paras = [p.strip() for p in body.split("\n\n") if p.strip()]
    return title.strip(), "".join(f"<p>{html.escape(p)}</p>" for p in paras)
bridge = ("Old bridge reopens after eleven months of repairs",
          "<p>The old bridge reopened on Friday after eleven months of repairs, the city engineer said.</p>"
          "<p>Traffic will be limited to two lanes until spring.</p>")
library = ("City library extends its opening hours",
           "<p>The central library will stay open until nine in the evening from next month, the council said.</p>"
           "<p>The change follows a survey of readers.</p>")
feeds = {
    "wire": [("w1", seed("003"), "Mon, 07 Dec 2026 09:00:00 GMT"), ("w2", bridge, "Sun, 06 Dec 2026 08:00:00 GMT")],
    "daily": [("d1", seed("004"), "Mon, 07 Dec 2026 10:00:00 GMT")],
    "local": [("l1", library, "Sat, 05 Dec 2026 08:00:00 GMT")],
}
open(f"{folder}/icon.gif", "wb").write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
for name, items in feeds.items():
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{site}/{name}/{i}</link><guid>{site}/{name}/{i}</guid>"
        f"<pubDate>{date}</pubDate><description>{html.escape(body)}</description></item>"
        for i, (t, body), date in items)
    open(f"{folder}/{name}.rss", "w", encoding="utf-8").write(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name.title()}</title>'
        f"<link>{site}/</link><description>{name}</description>"
        f"<image><url>{site}/icon.gif</url><title>{name}</title><link>{site}/</link><width>16</width><height>16</height></image>"
        f"{entries}</channel></rss>")
open(f"{folder}/subs.opml", "w").write(
    '<?xml version="1.0"?><opml version="1.0"><head><title>subs</title></head><body>'
    '<outline text="News" title="News">'
    f'<outline type="rss" text="Wire" xmlUrl="{site}/wire.rss"/><outline type="rss" text="Daily" xmlUrl="{site}/daily.rss"/>'
    '</outline><outline text="Town" title="Town">'
    f'<outline type="rss" text="Local" xmlUrl="{site}/local.rss"/></outline></body></opml>')
PY

"$cs" setup "$login" -p "$password" >"$work/setup.log" 2>&1 || fail "coldsweat setup: $(cat "$work/setup.log")"
"$cs" import "$work/site/subs.opml" "$login" --fetch >"$work/import.log" 2>&1 || fail "coldsweat import: $(cat "$work/import.log")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api="http://127.0.0.1:$port/fever/"
start_server() {
  "$cs" run --host 127.0.0.1 --port "$port" >>"$work/server.log" 2>&1 &
  server=$!
  wait_until "Coldsweat answering on $port" 20 auth
}
key=$(printf '%s:%s' "$login" "$password" | md5sum | cut -d' ' -f1)
# fever QUERY [FORM...]: the server's own API, as any Fever client calls it.
fever() {
  local query=$1
  shift
  local form=(-d "api_key=$key")
  for field in "$@"; do form+=(-d "$field"); done
  curl -sf -X POST "${form[@]}" "$api?api&$query"
}
auth() { fever "" | grep -q '"auth":1'; }
start_server
item_id() { # the server's id of the item titled $1
  fever "items&since_id=0" | python3 -c "import json,sys; print(next(i['id'] for i in json.load(sys.stdin)['items'] if i['title'].startswith(sys.argv[1])))" "$1"
}
unread_ids() { fever "unread_item_ids" | python3 -c "import json,sys; print(json.load(sys.stdin)['unread_item_ids'])"; }
saved_ids() { fever "saved_item_ids" | python3 -c "import json,sys; print(json.load(sys.stdin)['saved_item_ids'])"; }
has_id() { [[ ",$1," == *",$2,"* ]]; }

# Parallax's config: the server, its password in a private file.
mkdir -p "$work/config/parallax"
printf '%s\n' "$password" >"$work/password"
chmod 600 "$work/password"
cat >"$work/config/parallax/config.toml" <<EOF
[server]
kind = "fever"
url = "$api"
login = "$login"
password-file = "$work/password"
EOF
export XDG_CONFIG_HOME="$work/config" PARALLAX_STORE="$work/store.sqlite"
sync() { # sync [RECORD-CASE]: parallax sync, recording the replies under the case's name
  if [ -n "$record" ] && [ -n "${1:-}" ]; then
    rm -rf "${record:?}/$1"
    PARALLAX_SERVER_RECORD="$record/$1" "$bin" sync
  else
    "$bin" sync
  fi
}
field() { "$bin" list --format json | python3 -c "import json,sys; print(sorted(a['title'][:20] for a in json.load(sys.stdin) if a['$1']))"; }

# 1. The first sync: three feeds (groups as tags), four items, four articles in three stories.
sync first-sync >"$work/sync1" 2>&1 || fail "first sync: $(cat "$work/sync1")"
grep -q "3 feeds: 4 new articles" "$work/sync1" || fail "first sync: $(cat "$work/sync1")"
"$bin" feeds >"$work/feeds"
grep -q "\[News\]" "$work/feeds" && grep -q "\[Town\]" "$work/feeds" || fail "groups as tags: $(cat "$work/feeds")"
[ "$("$bin" stats --format json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["articles"], s["stories"])')" = "4 3" ] \
  || fail "four articles in three stories: $("$bin" stats)"
echo "first sync: 3 feeds with their groups as tags, 4 items stored, 3 stories (the report's two versions one story)"

# 2. Read the story with two versions in the interface: both versions read on the server.
t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/store.sqlite' TERM=xterm-256color '$bin'; echo \"exit-status=\$?\" > '$work/status'; sleep 60"
wait_for "3 stories, 4 articles"
screen | sed -n 2p | grep -q "Russia and Ukraine" || fail "the two-version story is not first"
t send-keys -t "$session" Enter
wait_for "2 versions"
t send-keys -t "$session" Enter
wait_for "Istanbul"
t send-keys -t "$session" q q q
wait_for_file "$work/status"
grep -qx "exit-status=0" "$work/status" || fail "interface: $(cat "$work/status")"
a=$(item_id "Russia and Ukraine to Hold")
b=$(item_id "Russia and Ukraine Resume")
has_id "$(unread_ids)" "$a" || fail "the server had item $a read before the sync"
sync read-story >"$work/sync2" 2>&1 || fail "second sync: $(cat "$work/sync2")"
grep -q "sent 2 changes" "$work/sync2" || fail "both versions' read marks not sent: $(cat "$work/sync2")"
unread=$(unread_ids)
! has_id "$unread" "$a" && ! has_id "$unread" "$b" || fail "server still has the versions unread: $unread (items $a, $b)"
echo "read once: the story read in the interface; the server's own API has both versions ($a, $b) read"

# 3. Read and starred on the server: read and starred here after a sync.
bridge=$(item_id "Old bridge")
library=$(item_id "City library")
fever "" mark=item as=read "id=$bridge" >/dev/null
fever "" mark=item as=saved "id=$library" >/dev/null
sync server-changes >"$work/sync3" 2>&1 || fail "third sync: $(cat "$work/sync3")"
grep -q "from the server 1 read, 0 unread, 1 starred" "$work/sync3" || fail "server's marks: $(cat "$work/sync3")"
[ "$(field read)" = "['Old bridge reopens a', 'Russia and Ukraine R', 'Russia and Ukraine t']" ] || fail "read here: $(field read)"
[ "$(field starred)" = "['City library extends']" ] || fail "starred here: $(field starred)"
echo "both ways: an item read and one starred through the server's API are read and starred here"

# 4. The server stops; an item read here meanwhile reaches it when it is back.
kill "$server"
wait "$server" 2>/dev/null || true
t -f /dev/null new-session -d -s "$session-2" -x 100 -y 30 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/store.sqlite' TERM=xterm-256color '$bin'; echo \"exit-status=\$?\" > '$work/status-2'; sleep 60"
session="$session-2"
wait_for "3 stories, 4 articles"
# The oldest story, last in the list.
t send-keys -t "$session" G Enter
opened() { screen | grep -qF "survey of readers" || screen | grep -qF "1 versions"; }
wait_until "the library story opened" 10 opened
if ! screen | grep -qF "survey of readers"; then t send-keys -t "$session" Enter; fi
wait_for "survey of readers"
t send-keys -t "$session" q q
wait_for_file "$work/status-2"
if sync >"$work/sync4" 2>&1; then fail "a sync with the server stopped succeeded: $(cat "$work/sync4")"; fi
grep -q "cannot reach $api: connection refused (1 read and star changes kept to send at the next sync)" "$work/sync4" \
  || fail "stopped server: $(cat "$work/sync4")"
start_server
has_id "$(unread_ids)" "$library" || fail "the library item was read on the server before the sync"
sync after-outage >"$work/sync5" 2>&1 || fail "sync after the outage: $(cat "$work/sync5")"
grep -q "sent 1 changes" "$work/sync5" || fail "the kept mark was not sent: $(cat "$work/sync5")"
! has_id "$(unread_ids)" "$library" || fail "the server does not have the library item read"
echo "offline: with the server stopped sync said \"$(sed 's/^parallax: //' "$work/sync4")\"; the read mark made meanwhile reached the server when it was back"

# 5. Error cases: one line each, exit 1, the store as it was.
before=$(sqlite3 "$work/store.sqlite" "SELECT COUNT(*), SUM(isRead), SUM(isStarred) FROM article" 2>/dev/null || "$bin" stats --format json)
expect_error() { # case, expected text, config url, password
  sed -i "s|^url = .*|url = \"$3\"|" "$work/config/parallax/config.toml"
  printf '%s\n' "$4" >"$work/password"
  if sync "$1" >"$work/err" 2>&1; then fail "$1: sync succeeded: $(cat "$work/err")"; fi
  [ "$(grep -c . "$work/err")" = 1 ] || fail "$1: not one line: $(cat "$work/err")"
  grep -qF "$2" "$work/err" || fail "$1: $(cat "$work/err")"
  echo "  $1: $(cat "$work/err")"
}
echo "error cases:"
expect_error wrong-password "refused the login" "$api" "not the password"
expect_error html-page "answered with an HTML page" "http://127.0.0.1:$port/" "$password"
expect_error not-found "HTTP 404" "http://127.0.0.1:$port/no-fever-here/" "$password"
expect_error unreachable "connection refused" "http://127.0.0.1:1/fever/" "$password"
expect_error tls "secure connection failed" "https://127.0.0.1:$port/fever/" "$password"
after=$(sqlite3 "$work/store.sqlite" "SELECT COUNT(*), SUM(isRead), SUM(isStarred) FROM article" 2>/dev/null || "$bin" stats --format json)
[ "$before" = "$after" ] || fail "the store changed in the error cases: $before -> $after"
[ -z "$record" ] || rm -rf "$record/unreachable" "$record/tls"
echo "$name: ok"
