#!/usr/bin/env bash
# End-to-end: the daily reading loop in the real binary, in tmux, against feeds served on
# loopback. Import a newsboat `urls` file, R (stories arrive), f (per-feed counts), a feed's
# stories, o (the browser gets the article's link), A (0 unread stories), an identical copy
# arrives (nothing resurfaces), a version with a new quote arrives (that story comes back,
# marked), quit with status 0.
# Usage: Tests/Scripts/e2e-reading-loop.sh PATH-TO-PARALLAX-BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
session="parallax-loop-$$"
name=e2e-reading-loop
. "$here/tmux-helpers.sh"
cleanup() {
  stop_jobs
  t kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
stat_field() { "$bin" stats --store "$work/store.sqlite" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

mkdir -p "$work/site"
# feeds.py NAME...: writes the site's feeds from the items listed in the script below.
cat > "$work/feeds.py" <<'PY'
import os, sys, time
site = sys.argv[1]
extra = set(sys.argv[2:])
storm = ("A winter storm cut power to 48,000 homes on the coast on Tuesday and closed the main coastal road, "
         "officials said.</p><p>Crews from three counties worked through the night to restore lines, the utility "
         "said in a statement.</p><p>Schools in the district will stay closed until Thursday while roads are "
         "cleared of fallen trees.")
items = {
    "alpha": [
        ("storm-a", "Storm cuts power to 48,000 homes", storm, "Tue, 17 Nov 2026 08:00:00 GMT"),
        ("tram", "Council approves tram line", "The council voted 31 to 14 for the tram line on Monday, ending a "
         "decade of debate over the route through the old town.</p><p>Work starts in spring.",
         "Mon, 16 Nov 2026 18:00:00 GMT"),
    ],
    "beta": [
        ("library", "Library opens late on Thursdays", "The central library will open until nine in the evening on "
         "Thursdays from next month, the city said.</p><p>Readers had asked for longer hours for years.",
         "Mon, 16 Nov 2026 12:00:00 GMT"),
        ("cranes", "Harbour cranes to be replaced", "The port authority will replace the four harbour cranes "
         "with electric ones by 2028, at a cost the authority did not disclose.",
         "Sun, 15 Nov 2026 10:00:00 GMT"),
    ],
    "gamma": [
        ("bridge", "Bridge reopens after repairs", "The old bridge reopened on Friday after eleven months of "
         "repairs, the city engineer said.</p><p>Traffic is limited to two lanes until spring.",
         "Sat, 14 Nov 2026 09:00:00 GMT"),
    ],
}
if "copy" in extra:  # an identical copy of the storm story on another feed
    items["gamma"].insert(0, ("storm-copy", "Storm cuts power to 48,000 homes", storm, "Tue, 17 Nov 2026 09:00:00 GMT"))
if "update" in extra:  # a version with a new quote and a new number
    items["beta"].insert(0, ("storm-update", "Storm cuts power to 48,000 homes", storm + "</p><p>By Wednesday "
        "evening 12,500 homes were still without power. &quot;We expect everyone back by Friday,&quot; said Dana "
        "Holt, the utility's director.", "Wed, 18 Nov 2026 19:00:00 GMT"))
port = open(os.path.join(site, "..", "port")).read().strip()
for name, entries in items.items():
    body = "".join(
        f"<item><title>{title}</title><link>http://127.0.0.1:{port}/{slug}.html</link><guid>{slug}</guid>"
        f"<pubDate>{date}</pubDate><description>&lt;p&gt;{text.replace('<', '&lt;').replace('>', '&gt;')}&lt;/p&gt;</description></item>"
        for slug, title, text, date in entries)
    path = os.path.join(site, name + ".rss")
    with open(path, "w") as out:
        out.write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name.title()} Wire</title>{body}</channel></rss>')
    now = time.time() + 2 * len(extra) + 1  # a newer Last-Modified than any earlier fetch
    os.utime(path, (now, now))
PY
python3 "$here/serve-folder.py" "$work/site" "$work/port" &

wait_for_file "$work/port"
port=$(cat "$work/port")
python3 "$work/feeds.py" "$work/site"

# A newsboat urls file (a tag and a comment, as newsboat users write them).
cat > "$work/urls" <<URLS
# news
http://127.0.0.1:$port/alpha.rss local
http://127.0.0.1:$port/beta.rss
http://127.0.0.1:$port/gamma.rss
URLS
"$bin" import --store "$work/store.sqlite" "$work/urls" > /dev/null

cat > "$work/browser.sh" <<SH
#!/bin/sh
printf '%s\n' "\$1" >> "$work/opened"
SH
chmod +x "$work/browser.sh"

# The loop is checked on the list of every report (threads are e2e-tmux's): list = "reports".
mkdir -p "$work/config/parallax"
printf 'list = "reports"\n' >>"$work/config/parallax/config.toml"
t -f /dev/null new-session -d -s "$session" -x 110 -y 30 \
  "PARALLAX_STORE='$work/store.sqlite' BROWSER='$work/browser.sh' XDG_CONFIG_HOME='$work/config' TERM=xterm-256color '$bin'; echo \"exit-status=\$?\" > '$work/status'; sleep 60"
wait_for "the store is empty"

# R: every feed synced in the background; the stories arrive without a restart.
t send-keys -t "$session" R
wait_for "3 feeds: 5 new articles, 0 failed" 20
wait_for "Parallax — 5 stories, 5 articles"
echo "R: 5 stories arrived"

# f: the feeds screen with per-feed counts; Enter: one feed's stories.
t send-keys -t "$session" f
wait_for "Feeds — 3 feeds, 5 unread stories"
screen | grep -E "^● 2/2 +Alpha Wire" >/dev/null || fail "Alpha Wire without 2/2"
screen | grep -E "^● 1/1 +Gamma Wire" >/dev/null || fail "Gamma Wire without 1/1"
t send-keys -t "$session" Enter
wait_for "Alpha Wire — 2 stories"
screen | grep -q "Library opens late" && fail "a Beta story in Alpha's list"
echo "f: per-feed counts; Alpha Wire's 2 stories"

# o: the browser gets the article's link (the newest story of the feed: the storm).
t send-keys -t "$session" o
wait_for_file "$work/opened"
[ "$(cat "$work/opened" 2>/dev/null)" = "http://127.0.0.1:$port/storm-a.html" ] || fail "browser got: $(cat "$work/opened" 2>/dev/null)"
wait_for "opened in"
echo "o: the browser got $(cat "$work/opened")"

# A on the whole list: no unread stories.
t send-keys -t "$session" q q
wait_for "Parallax — 5 stories"
t send-keys -t "$session" A
wait_for "every story marked read"
[ "$(stat_field unread_stories)" = 0 ] || fail "unread stories after A: $(stat_field unread_stories)"
echo "A: 0 unread stories"

# An identical copy arrives on another feed: nothing resurfaces.
python3 "$work/feeds.py" "$work/site" copy
t send-keys -t "$session" R
wait_for "3 feeds: 1 new articles" 20
[ "$(stat_field articles)" = 6 ] || fail "the copy was not stored"
[ "$(stat_field unread_stories)" = 0 ] || fail "an identical copy resurfaced a story"
screen | grep -q "+1 new" && fail "an identical copy marked as new"
echo "identical copy: stored, nothing resurfaced"

# A version with a new quote arrives: that story comes back unread and marked.
python3 "$work/feeds.py" "$work/site" copy update
t send-keys -t "$session" R
wait_for "3 feeds: 1 new articles" 20
wait_for "+1 new · Storm cuts power to 48,000 homes"
[ "$(stat_field unread_stories)" = 1 ] || fail "unread stories after the update: $(stat_field unread_stories)"
screen | grep -E "^● +3 \+1 new · Storm cuts power" >/dev/null || fail "the storm story is not marked"
echo "new quote: the story is back, marked +1 new"

t send-keys -t "$session" q
wait_for_file "$work/status"
grep -qx "exit-status=0" "$work/status" || fail "exit status: $(cat "$work/status" 2>/dev/null)"
echo "e2e-reading-loop: ok"
