# Sourced by the scripts that run the real newsboat (the end-to-end migration test and the
# store benchmark's peer timing): installs the Debian package when newsboat is missing.
# Where apt works, a failed install is a failure, not a skip, so that a step cannot pass (or a
# benchmark print no peer) by accident; only a machine without apt at all goes on without it.
# Sets have_newsboat to 1 or 0; exits 1 when apt-get is here and the install failed.
# Usage: . Tests/Scripts/need-newsboat.sh NAME   (NAME prefixes the messages)
need_newsboat_name=${1:-newsboat}
have_newsboat=1
if ! command -v newsboat >/dev/null; then
  echo "$need_newsboat_name: installing newsboat (apt-get install newsboat)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo -n"; fi
  { $sudo apt-get install -y newsboat >/dev/null 2>&1 || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y newsboat >/dev/null 2>&1; }; } || true
fi
if ! command -v newsboat >/dev/null; then
  if command -v apt-get >/dev/null; then
    echo "$need_newsboat_name: FAILED: newsboat could not be installed with apt-get" >&2
    exit 1
  fi
  echo "$need_newsboat_name: no apt-get here to install newsboat"
  have_newsboat=0
fi
