# Shared by the tmux end-to-end scripts; source it after setting `name` (for messages),
# `work` (a temporary folder) and `session`. Defines t (tmux on a private socket), fail
# (message and the screen), screen (the pane's text), wait_for TEXT [SECONDS] and
# wait_until WHAT SECONDS COMMAND... (polls a command; no check waits a fixed time).
socket="$work/tmux.sock"
t() { tmux -S "$socket" "$@"; }
fail() { echo "$name: FAIL: $*" >&2; echo "--- screen:" >&2; t capture-pane -p -t "$session" >&2 || true; exit 1; }
screen() { t capture-pane -p -t "$session"; }
wait_for() { # text, seconds
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  fail "waited for: $1"
}
wait_until() { # what, seconds, command...
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $(( seconds * 10 ))); do "$@" && return 0; sleep 0.1; done
  fail "waited for: $what"
}
# Every background job of the script (servers, imports): stopped by the cleanup on every
# exit path, a failed check's included.
stop_jobs() { local jobs; jobs=$(jobs -p); [ -z "$jobs" ] || kill $jobs 2>/dev/null || true; }
# wait_for_file FILE [SECONDS]: a server's port file, a status file.
wait_for_file() {
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do [ -s "$1" ] && return 0; sleep 0.1; done
  fail "waited for the file $1"
}
