#!/usr/bin/env bash
# End-to-end test: drives the real parallax binary in tmux (send-keys, capture-pane).
# Usage: Tests/Scripts/e2e-tmux.sh PATH-TO-PARALLAX-BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
session="parallax-e2e-$$"
name=e2e
. "$here/tmux-helpers.sh"
cleanup() { stop_jobs; t kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
border_column_count() { border_columns | wc -w; }
border_columns() { # the distinct display columns that hold the pane border on body rows
  screen | sed '1d;$d' | python3 -c '
import sys, unicodedata
cols = set()
for line in sys.stdin:
    col = 0
    for ch in line.rstrip("\n"):
        if ch == "│":
            cols.add(col)
            break
        if unicodedata.combining(ch) or ch == "\u200d" or 0xFE00 <= ord(ch) <= 0xFE0F:
            continue
        col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
print(" ".join(map(str, sorted(cols))))'
}

cd "$root"
# The default list: threads, each developing story once. The five seeds are one thread of
# four reports; Enter opens its newest report's versions; T lists every report.
mkdir -p "$work/no-config" "$work/config/parallax"
t -f /dev/null new-session -d -s "$session" -x 120 -y 40 \
  "XDG_CONFIG_HOME='$work/no-config' PARALLAX_STORE='$work/s0.sqlite' TERM=xterm-256color '$bin' seeds; echo \"exit-status=\$?\" > '$work/status0'; sleep 60"
wait_for "Parallax — 1 thread, 5 articles"
screen | grep -q "4 reports · " || fail "the thread row does not count its reports"
t send-keys -t "$session" Enter
wait_for " versions"
t send-keys -t "$session" q T
wait_for "Parallax — 4 stories, 5 articles"
t send-keys -t "$session" q
wait_for_file "$work/status0"
t kill-session -t "$session"
echo "threads by default: the seeds list as 1 thread of 4 reports; T lists the 4 reports"

# The rest reads the list of every report (config.toml: list = "reports").
printf 'list = "reports"\n' >"$work/config/parallax/config.toml"
t -f /dev/null new-session -d -s "$session" -x 120 -y 40 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/s1.sqlite' TERM=xterm-256color '$bin' seeds; echo \"exit-status=\$?\" > '$work/status'; sleep 60"
wait_for "Parallax — 4 stories, 5 articles"

# The Istanbul story is shown once, with 2 versions.
[ "$(screen | grep -c 'Peace Talks in Istanbul')" -eq 1 ] || fail "Istanbul story not shown exactly once"
screen | grep -qE '2 Russia and Ukraine to Hold Peace Talks in Istanbul' || fail "Istanbul story not marked with 2 versions"

# Open its comparison: both titles, the aligned Varachyne rows, the border in one column.
t send-keys -t "$session" c
wait_for "Russia and Ukraine Resume Peace Talks"
screen | head -1 | grep -qF "Russia and Ukraine to Hold Peace Talks in Istanbul" || fail "left title missing"
t send-keys -t "$session" / V a r a c h y n e Enter
wait_for "Varachyne"
screen | grep "Varachyne" | grep -q "│" || fail "Varachyne rows not side by side"
[ "$(border_column_count)" -eq 1 ] || fail "border not in one column"

# Resize: the border stays in one column.
before=$(border_columns)
t resize-window -t "$session" -x 104 -y 30
redrawn() { [ "$(border_columns)" != "$before" ]; }
wait_until "the comparison drawn again at 104 columns" 5 redrawn
[ "$(border_column_count)" -eq 1 ] || fail "border not in one column after resize"
t resize-window -t "$session" -x 70 -y 20
wait_for "[left]"
t send-keys -t "$session" Tab
wait_for "[right]"

# The thread (t): the five seeds are one developing story of four reports, oldest first
# (undated: by identity, 000 first), the Istanbul report with its 2 versions; Enter opens
# that report's versions; back to the list, and the comparison again.
t send-keys -t "$session" q
wait_for "Parallax — 4 stories, 5 articles"
t send-keys -t "$session" t
wait_for "Thread: Diplomatic Push: Ukraine and Russia to Resume Talks — 4 report"
order=$(screen | sed -n '2,5p' | grep -oE 'Diplomatic Push|Pivotal Negotiations|Ukraine and Russia Set|Russia and Ukraine to Hold' | tr '\n' '|')
[ "$order" = "Diplomatic Push|Pivotal Negotiations|Ukraine and Russia Set|Russia and Ukraine to Hold|" ] || fail "thread reports not oldest first: $order"
screen | sed -n '3,5p' | grep -q "+[0-9]* facts" || fail "no report says what it adds"
screen | sed -n '5p' | grep -q "2 versions" || fail "the Istanbul report does not show its 2 versions"
t send-keys -t "$session" Enter
wait_for "— 2 versions"
t send-keys -t "$session" q q
wait_for "Parallax — 4 stories, 5 articles"
t send-keys -t "$session" c
wait_for "next-difference"

# Help, then back out and quit.
t send-keys -t "$session" ?
wait_for "move down"
t send-keys -t "$session" G
wait_for "help: every key"
t send-keys -t "$session" q q q
wait_for_file "$work/status"
[ -s "$work/status" ] || fail "parallax did not quit"
grep -qx "exit-status=0" "$work/status" || fail "exit status: $(cat "$work/status")"
# The terminal came back: the alternate screen is gone and the shell's screen is empty of the UI.
screen | grep -q "Parallax — " && fail "interface still on screen after quit"

# SIGTERM: the terminal is restored and the exit status is 128 + 15.
t kill-session -t "$session"
t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/s2.sqlite' TERM=xterm-256color '$bin' seeds; echo \"exit-status=\$?\" > '$work/status-term'; sleep 60"
wait_for "Parallax — 4 stories"
pane_pid=$(t display -p -t "$session" '#{pane_pid}')
pid=$(pgrep -P "$pane_pid" -f parallax | head -1)
[ -n "$pid" ] || fail "cannot find the parallax process"
kill -TERM "$pid"
wait_for_file "$work/status-term"
grep -qx "exit-status=143" "$work/status-term" || fail "SIGTERM exit status: $(cat "$work/status-term" 2>/dev/null)"
screen | grep -q "Parallax — " && fail "interface still on screen after SIGTERM"

# Hostile text: escape sequences in articles never reach the terminal. Two versions of one
# article full of them are opened in the reader and the comparison while `script` records
# every byte parallax writes.
mkdir -p "$work/hostile"
printf 'Hostile \033]0;owned\007 title\n\nWindow title \033]0;owned\007 and clipboard \033]52;c;ZXZpbA==\007 here.\n\nScreen clear \033[2J and C1 \302\23331m colour and \302\235 8;;http://x \302\234 link.\n' > "$work/hostile/a.txt"
printf 'Hostile \033]0;owned\007 title\n\nWindow title \033]0;owned\007 and clipboard \033]52;c;ZXZpbA==\007 here.\n\nScreen clear \033[2J and C1 \302\23331m colour and \302\235 8;;http://x \302\234 link, again.\n' > "$work/hostile/b.txt"
t kill-session -t "$session"
t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/s3.sqlite' TERM=xterm-256color script -qfc \"'$bin' '$work/hostile'\" '$work/raw'; echo done > '$work/status2'; sleep 60"
wait_for "1 story, 2 articles"
t send-keys -t "$session" Enter
wait_for "2 versions"
t send-keys -t "$session" Enter
wait_for "clipboard"
t send-keys -t "$session" q c
wait_for "again"
t send-keys -t "$session" q q q
wait_for_file "$work/status2"
python3 - "$work/raw" <<'PY' || fail "hostile sequences reached the terminal"
import sys
raw = open(sys.argv[1], "rb").read()
bad = [b"\x1b]0;owned", b"\x1b]52;", b"\xc2\x9b", b"\xc2\x9d", b"\xc2\x9c", b"ZXZpbA==\x07"]
found = [b for b in bad if b in raw]
# The same text must be there, neutralised: ESC shown as the visible placeholder.
shown = "\u241b]52;".encode() in raw
print("raw bytes checked:", len(raw), "forbidden found:", found, "placeholders shown:", shown)
sys.exit(1 if found or not shown else 0)
PY

# Links: shown as text, marked as an OSC 8 hyperlink when enabled, copied with y (OSC 52).
printf '{"id": "l1", "title": "Linked story", "text": "Body text here.", "url": "https://example.com/a", "source": "Wire"}\n' > "$work/linked.jsonl"
t kill-session -t "$session"
t -f /dev/null new-session -d -s "$session" -x 100 -y 20 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/s4.sqlite' PARALLAX_HYPERLINKS=1 TERM=xterm-256color script -qfc \"'$bin' '$work/linked.jsonl'\" '$work/raw-link'; echo done > '$work/status3'; sleep 60"
wait_for "1 story, 1 article"
t send-keys -t "$session" Enter
wait_for "https://example.com/a"
t send-keys -t "$session" y
wait_for "link copied"
t send-keys -t "$session" q q
wait_for_file "$work/status3"
python3 - "$work/raw-link" <<'PY' || fail "link sequences missing"
import sys
raw = open(sys.argv[1], "rb").read()
ok = b"\x1b]8;;https://example.com/a\x1b\\" in raw and b"\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS9h\x07" in raw
print("OSC 8 hyperlink and OSC 52 copy written:", ok)
sys.exit(0 if ok else 1)
PY

# A summary's full text on demand: the reader of a summary-only article fetches its page
# (served on loopback) with p, shows the article text and stores it.
mkdir -p "$work/site"
python3 - "$work/site/bridge.html" <<'PY'
import sys
paras = "".join(
    f"<p>The old bridge reopened on Friday after eleven months of repairs, paragraph {i} of the report, "
    f"said the city engineer, who added that traffic would be limited to two lanes until spring.</p>"
    for i in range(1, 7))
open(sys.argv[1], "w").write(
    "<html><head><title>Bridge reopens | City News</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
    f"<article><h1>Bridge reopens</h1>{paras}</article>"
    "<footer>Copyright City News</footer></body></html>")
PY
python3 "$here/serve-folder.py" "$work/site" "$work/port" &
site=$!
wait_for_file "$work/port"
port=$(cat "$work/port")
printf '{"id": "b1", "title": "Bridge reopens", "text": "The old bridge reopened on Friday.", "url": "http://127.0.0.1:%s/bridge.html", "source": "Summary Wire"}\n' "$port" > "$work/summary.jsonl"
t kill-session -t "$session"
t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/s6.sqlite' TERM=xterm-256color '$bin' '$work/summary.jsonl'; echo \"exit-status=\$?\" > '$work/status6'; sleep 60"
wait_for "1 story, 1 article"
t send-keys -t "$session" Enter
wait_for "p fetches the full text"
t send-keys -t "$session" p
wait_for "full text from 127.0.0.1" 15
wait_for "paragraph 1 of the report"
screen | grep -q "Only a summary" && fail "the summary note stayed after the page was fetched"
t send-keys -t "$session" q q
wait_for_file "$work/status6"
kill "$site" 2>/dev/null || true
grep -qx "exit-status=0" "$work/status6" || fail "fetch-page: $(cat "$work/status6" 2>/dev/null)"
"$bin" export --store "$work/s6.sqlite" | grep -q "paragraph 6 of the report" || fail "the page's text was not stored"
echo "fetch-page: the summary's page fetched, shown and stored"

# Two processes: the interface reads the store while parallax import writes to it. The
# interface picks the new stories up by itself; read state is written back to the store.
t kill-session -t "$session"
"$bin" import --store "$work/s5.sqlite" seeds >/dev/null
python3 - "$work/more.jsonl" <<'PY'
import json, random, sys
random.seed(5)
with open(sys.argv[1], "w") as out:
    for i in range(300):
        words = " ".join("".join(random.choice("bcdfghklmnprstvz") + random.choice("aeiou") for _ in range(3)) for _ in range(60))
        out.write(json.dumps({"id": f"more-{i}", "title": f"Council report {i}", "text": words}) + "\n")
PY
t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/s5.sqlite' TERM=xterm-256color '$bin'; echo \"exit-status=\$?\" > '$work/status5'; sleep 60"
wait_for "Parallax — 4 stories, 5 articles"
t send-keys -t "$session" Enter Enter
wait_for "Istanbul"
t send-keys -t "$session" q q
wait_for "Parallax — 4 stories"
"$bin" import --store "$work/s5.sqlite" "$work/more.jsonl" > "$work/import5" 2>&1 &
importer=$!
for _ in $(seq 1 20); do t send-keys -t "$session" j; t send-keys -t "$session" k; sleep 0.05; done
wait "$importer" || fail "import beside the interface failed: $(cat "$work/import5")"
wait_for "Parallax — 304 stories, 305 articles" 15
t send-keys -t "$session" q
wait_for_file "$work/status5"
grep -qx "exit-status=0" "$work/status5" || fail "interface beside an import: $(cat "$work/status5" 2>/dev/null)"
"$bin" stats --store "$work/s5.sqlite" --format json | python3 -c '
import json, sys
s = json.load(sys.stdin)
assert s["articles"] == 305 and s["unread"] == 303 and s["unread_stories"] == 303, s  # the Istanbul story (2 versions) read once
print("two processes: interface and import side by side; read state stored:", s)' || fail "store after two processes"

# Threads in the list (T): the seeds are one thread of 4 reports; A reads it; an identical
# copy of a seed brings nothing back; a follow-up (a report of its own in the thread) brings
# the thread back as unread with +1 report.
t kill-session -t "$session"
"$bin" import --store "$work/s7.sqlite" seeds >/dev/null
mkdir -p "$work/copy" "$work/followup"
cp seeds/000_*.txt "$work/copy/000-again.txt"
cat > "$work/followup/istanbul-outcome.txt" <<'TXT'
Istanbul talks end with prisoner swap as Umerov and Medinsky agree on 1,000 captives

Russian and Ukrainian delegations led by Rustem Umerov and Vladimir Medinsky agreed in Istanbul on Friday to exchange 1,000 prisoners each, the largest swap of the war, after talks hosted by Turkish Foreign Minister Hakan Fidan at the Dolmabahce palace. "This is a first result," Umerov said, adding that Kyiv still demanded a 30-day ceasefire.

Kremlin spokesman Dmitry Peskov said Moscow would study the proposal for a meeting of Vladimir Putin and Volodymyr Zelenskyy. The talks lasted 90 minutes, Turkish officials said, and a second round was not set.
TXT
t -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  "XDG_CONFIG_HOME='$work/config' PARALLAX_STORE='$work/s7.sqlite' TERM=xterm-256color '$bin'; echo \"exit-status=\$?\" > '$work/status7'; sleep 60"
wait_for "Parallax — 4 stories, 5 articles"
t send-keys -t "$session" T
wait_for "Parallax — 1 thread, 5 articles"
screen | grep -qE '^● .*4 reports · ' || fail "the thread's row does not count its reports"
t send-keys -t "$session" A
wait_for "marked"
screen | grep -qE '^● ' && fail "the thread is still unread after A"
"$bin" import --store "$work/s7.sqlite" "$work/copy" >/dev/null 2>&1 || fail "importing the copy failed"
wait_for "Parallax — 1 thread, 6 articles" 15
screen | grep -qE '^● ' && fail "an identical copy brought the read thread back"
"$bin" import --store "$work/s7.sqlite" "$work/followup" >/dev/null 2>&1 || fail "importing the follow-up failed"
wait_for "+1 report · 5 reports · " 15
screen | grep -qE '^● .*\+1 report · 5 reports' || fail "the thread is not back as unread with +1 report"
echo "threads: one row, read once; a copy brings nothing back; a follow-up brings it back with +1 report"
t send-keys -t "$session" q
wait_for_file "$work/status7"
grep -qx "exit-status=0" "$work/status7" || fail "threads: $(cat "$work/status7" 2>/dev/null)"
echo "e2e: ok"
