# Shared by the tmux end-to-end scripts; source it after setting `name` (for messages),
# `work` (a temporary folder) and `session`. Defines t (tmux on a private socket), fail
# (message and the screen), screen (the pane's text) and wait_for TEXT [SECONDS].
socket="$work/tmux.sock"
t() { tmux -S "$socket" "$@"; }
fail() { echo "$name: FAIL: $*" >&2; echo "--- screen:" >&2; t capture-pane -p -t "$session" >&2 || true; exit 1; }
screen() { t capture-pane -p -t "$session"; }
wait_for() { # text, seconds
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  fail "waited for: $1"
}
