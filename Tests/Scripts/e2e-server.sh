#!/usr/bin/env bash
# End-to-end test against real reader servers: Coldsweat (PyPI; the Fever API) and Tiny Tiny
# RSS (Debian's tt-rss on PostgreSQL; its own API). For each server, three feeds on
# 127.0.0.1 hold four items (two outlets carry two versions of one report), and then:
#   1. parallax sync pulls the server's feeds (groups or categories as tags) and items;
#   2. the story with two versions is read in the interface (tmux); the next sync sends both
#      read marks, and the server's own API says both items are read;
#   3. an item marked read and one starred through the server's API are read and starred here
#      after R in the interface (the same sync as parallax sync);
#   4. with the server stopped, an item read here is kept (sync says why it failed); once the
#      server is back, the next sync sends it and the server has it read;
#   5. the error cases give one line each and leave the store as it was: wrong password, the
#      API switched off (Tiny Tiny RSS), an HTML page instead of the API, nothing there (404,
#      Coldsweat), nothing listening, TLS to a plain HTTP port.
# With --record FOLDER, each server's replies are kept in FOLDER/KIND/CASE (the API clients'
# test fixtures, Tests/ReaderServerTests/Fixtures). --only fever|ttrss runs one server.
# A server is skipped, with a message, only when it cannot be installed because its registry
# cannot be reached (PyPI for Coldsweat; no apt-get for tt-rss); a failed install where the
# registry answers fails the script.
# Tiny Tiny RSS is set up as root (sudo where needed): /etc/tt-rss/database.php and
# config.php are written, a PostgreSQL role and database `parallax_e2e` made. Its fetcher
# refuses feeds on this machine (127.* hosts, ports other than 80/443), so its feeds and
# items are written with psql: ttrss_feed_categories, ttrss_feeds, ttrss_entries,
# ttrss_user_entries (see fill_ttrss below), as its updater would have stored them.
# Usage: Tests/Scripts/e2e-server.sh PATH-TO-PARALLAX [--record FOLDER] [--only KIND]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
record=""
only=""
while [ $# -gt 0 ]; do
  case $1 in
    --record) record=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "e2e-server: unknown argument $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
chmod 755 "$work"
session="parallax-server-$$"
name=e2e-server
. "$here/tmux-helpers.sh"
php_server=""
cleanup() {
  stop_jobs
  [ -z "$php_server" ] || kill "$php_server" 2>/dev/null || true
  t kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo -n"; fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The feeds, on 127.0.0.1 (each with a square <image>, so Coldsweat looks for no icon
# elsewhere): wire has report 003 and an unrelated item; daily has 004, another outlet's
# version of the same report; local has one more item. items.sql holds the same for
# Tiny Tiny RSS.
mkdir -p "$work/site"
python3 "$here/serve-folder.py" "$work/site" "$work/site-port" &
wait_for_file "$work/site-port"
site="http://127.0.0.1:$(cat "$work/site-port")"
python3 - "$work/site" "$site" "$root/seeds" <<'PY'
import glob, html, sys
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
feeds = [  # name, group, items (id, (title, html), date)
    ("wire", "News", [("w1", seed("003"), "2026-12-07 09:00:00"), ("w2", bridge, "2026-12-06 08:00:00")]),
    ("daily", "News", [("d1", seed("004"), "2026-12-07 10:00:00")]),
    ("local", "Town", [("l1", library, "2026-12-05 08:00:00")]),
]
open(f"{folder}/icon.gif", "wb").write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
import email.utils, datetime
def rfc822(d): return email.utils.format_datetime(datetime.datetime.fromisoformat(d).replace(tzinfo=datetime.timezone.utc))
def sql(s): return "'" + s.replace("'", "''") + "'"
statements = []
for name, group, items in feeds:
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{site}/{name}/{i}</link><guid>{site}/{name}/{i}</guid>"
        f"<pubDate>{rfc822(date)}</pubDate><description>{html.escape(body)}</description></item>"
        for i, (t, body), date in items)
    open(f"{folder}/{name}.rss", "w", encoding="utf-8").write(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name.title()}</title>'
        f"<link>{site}/</link><description>{name}</description>"
        f"<image><url>{site}/icon.gif</url><title>{name}</title><link>{site}/</link><width>16</width><height>16</height></image>"
        f"{entries}</channel></rss>")
    statements.append(
        f"INSERT INTO ttrss_feed_categories (owner_uid, title) SELECT 1, {sql(group)} "
        f"WHERE NOT EXISTS (SELECT 1 FROM ttrss_feed_categories WHERE title = {sql(group)});")
    statements.append(
        f"INSERT INTO ttrss_feeds (owner_uid, title, feed_url, site_url, cat_id) SELECT 1, {sql(name.title())}, "
        f"{sql(site + '/' + name + '.rss')}, {sql(site + '/')}, id FROM ttrss_feed_categories WHERE title = {sql(group)};")
    for i, (t, body), date in items:
        link = f"{site}/{name}/{i}"
        statements.append(
            "INSERT INTO ttrss_entries (title, guid, link, updated, content, content_hash, date_entered, date_updated, author) "
            f"VALUES ({sql(t)}, {sql(link)}, {sql(link)}, {sql(date)}, {sql(body)}, {sql('sha1:' + i)}, {sql(date)}, {sql(date)}, '');")
        statements.append(
            "INSERT INTO ttrss_user_entries (ref_id, feed_id, owner_uid, unread, marked, published, uuid, tag_cache, label_cache) "
            f"SELECT e.id, f.id, 1, true, false, false, '', '', '' FROM ttrss_entries e, ttrss_feeds f "
            f"WHERE e.guid = {sql(link)} AND f.feed_url = {sql(site + '/' + name + '.rss')};")
open(f"{folder}/items.sql", "w", encoding="utf-8").write("\n".join(statements) + "\n")
open(f"{folder}/subs.opml", "w").write(
    '<?xml version="1.0"?><opml version="1.0"><head><title>subs</title></head><body>'
    '<outline text="News" title="News">'
    f'<outline type="rss" text="Wire" xmlUrl="{site}/wire.rss"/><outline type="rss" text="Daily" xmlUrl="{site}/daily.rss"/>'
    '</outline><outline text="Town" title="Town">'
    f'<outline type="rss" text="Local" xmlUrl="{site}/local.rss"/></outline></body></opml>')
PY
has_id() { [[ ",$1," == *",$2,"* ]]; }

# ---- Coldsweat (Fever API) --------------------------------------------------------------
setup_fever() {
  python3 -m venv "$work/venv"
  if ! "$work/venv/bin/pip" install -q coldsweat >"$work/pip.log" 2>&1; then
    if python3 -c "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/coldsweat/', timeout=10)" 2>/dev/null; then
      echo "$name: FAIL: pip could not install coldsweat:" >&2
      tail -5 "$work/pip.log" >&2
      exit 1
    fi
    echo "$name: SKIPPED fever: PyPI cannot be reached to install coldsweat"
    return 1
  fi
  cs="$work/venv/bin/coldsweat"
  export FLASK_DATABASE_URL="sqlite:///$work/cs.db"
  login="reader@example.org"
  password="correct horse battery staple"
  "$cs" setup "$login" -p "$password" >"$work/setup.log" 2>&1 || fail "coldsweat setup: $(cat "$work/setup.log")"
  "$cs" import "$work/site/subs.opml" "$login" --fetch >"$work/import.log" 2>&1 \
    || fail "coldsweat import: $(cat "$work/import.log")"
  port=$(free_port)
  api="http://127.0.0.1:$port/fever/"
  key=$(printf '%s:%s' "$login" "$password" | md5sum | cut -d' ' -f1)
  html_url="http://127.0.0.1:$port/"
  missing_url="http://127.0.0.1:$port/no-fever-here/"
  tls_url="https://127.0.0.1:$port/fever/"
}
# fever QUERY [FORM...]: the server's own API, as any Fever client calls it.
fever() {
  local query=$1
  shift
  local form=(-d "api_key=$key")
  for field in "$@"; do form+=(-d "$field"); done
  curl -sf -X POST "${form[@]}" "$api?api&$query"
}
fever_up() { fever "" 2>/dev/null | grep -q '"auth":1'; }
fever_start() {
  "$cs" run --host 127.0.0.1 --port "$port" >>"$work/server.log" 2>&1 &
  server=$!
  wait_until "Coldsweat answering on $port" 20 fever_up
}
fever_stop() { kill "$server"; wait "$server" 2>/dev/null || true; }
fever_item_id() { # the server's id of the item titled $1
  fever "items&since_id=0" | python3 -c "import json,sys; print(next(i['id'] for i in json.load(sys.stdin)['items'] if i['title'].startswith(sys.argv[1])))" "$1"
}
fever_unread_ids() { fever "unread_item_ids" | python3 -c "import json,sys; print(json.load(sys.stdin)['unread_item_ids'])"; }
fever_mark_read() { fever "" mark=item as=read "id=$1" >/dev/null; }
fever_star() { fever "" mark=item as=saved "id=$1" >/dev/null; }

# ---- Tiny Tiny RSS (its API) ------------------------------------------------------------
setup_ttrss() {
  if ! command -v apt-get >/dev/null; then
    echo "$name: SKIPPED ttrss: no apt-get here to install tt-rss"
    return 1
  fi
  if ! dpkg -s tt-rss php-pgsql postgresql >/dev/null 2>&1; then
    # dbconfig-no-thanks first: tt-rss's database is made below, not by dbconfig.
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dbconfig-no-thanks \
      >"$work/apt.log" 2>&1 || { $sudo apt-get update >>"$work/apt.log" 2>&1 && $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y --no-install-recommends dbconfig-no-thanks >>"$work/apt.log" 2>&1; } \
      || fail "apt-get could not install dbconfig-no-thanks: $(tail -3 "$work/apt.log")"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql tt-rss php-cli php-pgsql \
      >>"$work/apt.log" 2>&1 || fail "apt-get could not install tt-rss: $(tail -3 "$work/apt.log")"
  fi
  local cluster
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  [ -n "$cluster" ] || fail "no PostgreSQL cluster after installing postgresql"
  $sudo pg_ctlcluster $cluster start >/dev/null 2>&1 || true
  pg_port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
  psql_admin() { $sudo runuser -u postgres -- psql -p "$pg_port" -qtA "$@"; }
  pg_up() { psql_admin -c "SELECT 1" >/dev/null 2>&1; }
  wait_until "PostgreSQL answering" 20 pg_up
  psql_admin -c "DROP DATABASE IF EXISTS parallax_e2e" >/dev/null 2>&1
  psql_admin -c "DROP ROLE IF EXISTS parallax_e2e" >/dev/null 2>&1
  psql_admin -c "CREATE ROLE parallax_e2e LOGIN PASSWORD 'parallax_e2e'" >/dev/null
  psql_admin -c "CREATE DATABASE parallax_e2e OWNER parallax_e2e" >/dev/null
  export PGPASSWORD=parallax_e2e
  q() { psql -h 127.0.0.1 -p "$pg_port" -U parallax_e2e parallax_e2e -qtA -v ON_ERROR_STOP=1 "$@"; }
  q -f /usr/share/tt-rss/schema/ttrss_schema_pgsql.sql >/dev/null 2>&1 || fail "loading tt-rss's schema"
  q -c "INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) VALUES (1, 'ENABLE_API_ACCESS', 'true')"
  q -f "$work/site/items.sql" >/dev/null || fail "filling tt-rss"
  port=$(free_port)
  printf '%s\n' "<?php" "\$dbuser='parallax_e2e';" "\$dbpass='parallax_e2e';" "\$basepath='';" \
    "\$dbname='parallax_e2e';" "\$dbserver='127.0.0.1';" "\$dbport='$pg_port';" "\$dbtype='pgsql';" \
    | $sudo tee /etc/tt-rss/database.php >/dev/null
  $sudo sed -i "s|define('SELF_URL_PATH', '.*');|define('SELF_URL_PATH', 'http://127.0.0.1:$port/');|" /etc/tt-rss/config.php
  $sudo mkdir -p /var/lib/tt-rss /var/cache/tt-rss
  $sudo chown -R www-data /var/lib/tt-rss /var/cache/tt-rss
  login="admin"
  password="password"
  api="http://127.0.0.1:$port/api/"
  # Its web interface: the login page (Parallax adds api/ to an installation's address).
  html_url="http://127.0.0.1:$port/index.php"
  missing_url=""
  tls_url="https://127.0.0.1:$port/api/"
}
# ttrss OP [JSON-FIELDS]: the server's own API, as newsboat calls it.
ttrss() {
  local sid
  sid=$(curl -sf -X POST -d "{\"op\":\"login\",\"user\":\"$login\",\"password\":\"$password\"}" "$api" \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['content']['session_id'])")
  curl -sf -X POST -d "{\"op\":\"$1\",\"sid\":\"$sid\"${2:+,$2}}" "$api"
}
ttrss_up() { curl -sf -X POST -d '{"op":"getApiLevel"}' "$api" >/dev/null 2>&1; }
ttrss_start() {
  $sudo runuser -u www-data -- php -S "127.0.0.1:$port" -t /usr/share/tt-rss/www >>"$work/server.log" 2>&1 &
  php_server=$!
  wait_until "Tiny Tiny RSS answering on $port" 20 ttrss_up
}
ttrss_stop() { $sudo pkill -f "php -S 127.0.0.1:$port" || true; wait "$php_server" 2>/dev/null || true; php_server=""; }
ttrss_headlines() { # view_mode → "id title unread marked" lines
  ttrss getHeadlines "\"feed_id\":-4,\"view_mode\":\"$1\",\"limit\":200" \
    | python3 -c "import json,sys; [print(h['id'], h['title']) for h in json.load(sys.stdin)['content']]"
}
ttrss_item_id() { ttrss_headlines all_articles | awk -v t="$1" 'index(substr($0, index($0, " ") + 1), t) == 1 {print $1}'; }
ttrss_unread_ids() { ttrss_headlines unread | awk '{print $1}' | paste -sd, -; }
ttrss_mark_read() { ttrss updateArticle "\"article_ids\":\"$1\",\"field\":2,\"mode\":0" >/dev/null; }
ttrss_star() { ttrss updateArticle "\"article_ids\":\"$1\",\"field\":0,\"mode\":1" >/dev/null; }
ttrss_api_off() { q -c "UPDATE ttrss_user_prefs SET value = 'false' WHERE pref_name = 'ENABLE_API_ACCESS'"; }
ttrss_api_on() { q -c "UPDATE ttrss_user_prefs SET value = 'true' WHERE pref_name = 'ENABLE_API_ACCESS'"; }

# ---- The scenario, against either ------------------------------------------------------
scenario() { # kind
  local kind=$1
  local home="$work/$kind"
  mkdir -p "$home/config/parallax"
  printf '%s\n' "$password" >"$home/password"
  chmod 600 "$home/password"
  cat >"$home/config/parallax/config.toml" <<EOF
list = "reports"

[server]
kind = "$kind"
url = "$api"
login = "$login"
password-file = "$home/password"
EOF
  export XDG_CONFIG_HOME="$home/config" PARALLAX_STORE="$home/store.sqlite"
  sync() { # sync [RECORD-CASE]: parallax sync, recording the replies under the case's name
    if [ -n "$record" ] && [ -n "${1:-}" ]; then
      rm -rf "${record:?}/$kind/$1"
      PARALLAX_SERVER_RECORD="$record/$kind/$1" "$bin" sync
    else
      "$bin" sync
    fi
  }
  field() { "$bin" list --format json | python3 -c "import json,sys; print(sorted(a['title'][:20] for a in json.load(sys.stdin) if a['$1']))"; }
  interface() { # session-name status-file
    session=$1
    t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
      "XDG_CONFIG_HOME='$home/config' PARALLAX_STORE='$home/store.sqlite' TERM=xterm-256color '$bin'; echo \"exit-status=\$?\" > '$2'; sleep 60"
    wait_for "3 stories, 4 articles"
  }
  "${kind}_start"

  # 1. The first sync: three feeds (groups as tags), four items, three stories.
  sync first-sync >"$home/sync1" 2>&1 || fail "$kind first sync: $(cat "$home/sync1")"
  grep -q "3 feeds: 4 new articles" "$home/sync1" || fail "$kind first sync: $(cat "$home/sync1")"
  "$bin" feeds >"$home/feeds"
  grep -q "\[News\]" "$home/feeds" && grep -q "\[Town\]" "$home/feeds" || fail "$kind tags: $(cat "$home/feeds")"
  [ "$("$bin" stats --format json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["articles"], s["stories"])')" = "4 3" ] \
    || fail "$kind: four articles in three stories: $("$bin" stats)"
  echo "$kind: first sync: 3 feeds with their groups as tags, 4 items stored, 3 stories (two versions of one report are one story): $(tail -1 "$home/sync1")"

  # 2. Read the story with two versions in the interface: both versions read on the server.
  interface "$kind-read" "$home/status"
  screen | sed -n 2p | grep -q "Russia and Ukraine" || fail "$kind: the two-version story is not first"
  t send-keys -t "$session" Enter
  wait_for "2 versions"
  t send-keys -t "$session" Enter
  wait_for "Istanbul"
  t send-keys -t "$session" q q q
  wait_for_file "$home/status"
  grep -qx "exit-status=0" "$home/status" || fail "$kind interface: $(cat "$home/status")"
  local a b bridge library
  a=$("${kind}_item_id" "Russia and Ukraine to Hold")
  b=$("${kind}_item_id" "Russia and Ukraine Resume")
  has_id "$("${kind}_unread_ids")" "$a" || fail "$kind: the server had item $a read before the sync"
  sync read-story >"$home/sync2" 2>&1 || fail "$kind second sync: $(cat "$home/sync2")"
  grep -q "sent 2 changes" "$home/sync2" || fail "$kind: both versions' read marks not sent: $(cat "$home/sync2")"
  local unread
  unread=$("${kind}_unread_ids")
  ! has_id "$unread" "$a" && ! has_id "$unread" "$b" || fail "$kind: server has the versions unread: $unread ($a, $b)"
  echo "$kind: read once: the story read in the interface; the server's own API has both versions ($a, $b) read"

  # 3. Read and starred on the server: read and starred here after a sync.
  bridge=$("${kind}_item_id" "Old bridge")
  library=$("${kind}_item_id" "City library")
  "${kind}_mark_read" "$bridge"
  "${kind}_star" "$library"
  # This sync is the interface's R, through the same code as parallax sync.
  local recording=""
  if [ -n "$record" ]; then rm -rf "${record:?}/$kind/server-changes"; recording="$record/$kind/server-changes"; fi
  session="$kind-reload"
  t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
    "PARALLAX_SERVER_RECORD='$recording' XDG_CONFIG_HOME='$home/config' PARALLAX_STORE='$home/store.sqlite' TERM=xterm-256color '$bin'; echo \"exit-status=\$?\" > '$home/status-r'; sleep 60"
  wait_for "3 stories, 4 articles"
  t send-keys -t "$session" R
  wait_for "3 feeds: 0 new articles" 20
  t send-keys -t "$session" L
  wait_for "1 read, 0 unread, 1 starred"
  t send-keys -t "$session" q q
  wait_for_file "$home/status-r"
  [ "$(field read)" = "['Old bridge reopens a', 'Russia and Ukraine R', 'Russia and Ukraine t']" ] \
    || fail "$kind read here: $(field read)"
  [ "$(field starred)" = "['City library extends']" ] || fail "$kind starred here: $(field starred)"
  echo "$kind: both ways: an item read and one starred through the server's API are read and starred here after R in the interface"

  # 4. The server stops; an item read here meanwhile reaches it when it is back.
  "${kind}_stop"
  interface "$kind-offline" "$home/status-2"
  # The oldest story, last in the list; a story of one version opens in the reader.
  t send-keys -t "$session" G Enter
  opened() { screen | grep -qF "survey of readers" || screen | grep -qF "1 versions"; }
  wait_until "the library story opened" 10 opened
  if ! screen | grep -qF "survey of readers"; then t send-keys -t "$session" Enter; fi
  wait_for "survey of readers"
  t send-keys -t "$session" q q
  wait_for_file "$home/status-2"
  if sync >"$home/sync4" 2>&1; then fail "$kind: a sync with the server stopped succeeded: $(cat "$home/sync4")"; fi
  grep -q "cannot reach $api: connection refused (1 read and star changes kept to send at the next sync)" "$home/sync4" \
    || fail "$kind stopped server: $(cat "$home/sync4")"
  "${kind}_start"
  has_id "$("${kind}_unread_ids")" "$library" || fail "$kind: the library item was read on the server before the sync"
  sync after-outage >"$home/sync5" 2>&1 || fail "$kind sync after the outage: $(cat "$home/sync5")"
  grep -q "sent 1 changes" "$home/sync5" || fail "$kind: the kept mark was not sent: $(cat "$home/sync5")"
  ! has_id "$("${kind}_unread_ids")" "$library" || fail "$kind: the server does not have the library item read"
  echo "$kind: offline: with the server stopped, sync said \"$(sed 's/^parallax: //' "$home/sync4")\"; the read mark made meanwhile reached the server when it was back"

  # 5. Error cases: one line each, exit 1, the store as it was.
  local before after
  before=$("$bin" list --format json --limit 100)
  expect_error() { # case, expected text, config url, password
    sed -i "s|^url = .*|url = \"$3\"|" "$home/config/parallax/config.toml"
    printf '%s\n' "$4" >"$home/password"
    if sync "$1" >"$home/err" 2>&1; then fail "$kind $1: sync succeeded: $(cat "$home/err")"; fi
    [ "$(grep -c . "$home/err")" = 1 ] || fail "$kind $1: not one line: $(cat "$home/err")"
    grep -qF "$2" "$home/err" || fail "$kind $1: $(cat "$home/err")"
    echo "  $kind $1: $(cat "$home/err")"
  }
  echo "$kind: error cases:"
  expect_error wrong-password "refused the login" "$api" "not the password"
  if [ "$kind" = ttrss ]; then
    ttrss_api_off
    expect_error api-off "the API is switched off" "$api" "$password"
    ttrss_api_on
  fi
  expect_error html-page "answered with an HTML page" "$html_url" "$password"
  # PHP's built-in server answers every missing path with tt-rss's index page (HTML).
  [ -z "$missing_url" ] || expect_error not-found "HTTP 404" "$missing_url" "$password"
  expect_error unreachable "connection refused" "http://127.0.0.1:1/" "$password"
  expect_error tls "secure connection failed" "$tls_url" "$password"
  after=$("$bin" list --format json --limit 100)
  [ "$before" = "$after" ] || fail "$kind: the store changed in the error cases"
  [ -z "$record" ] || rm -rf "$record/$kind/unreachable" "$record/$kind/tls"
  "${kind}_stop"
  unset -f sync
}

ran=0
for kind in fever ttrss; do
  [ -z "$only" ] || [ "$only" = "$kind" ] || continue
  if "setup_$kind"; then
    scenario "$kind"
    ran=$((ran + 1))
  fi
done
echo "$name: ok ($ran servers)"
