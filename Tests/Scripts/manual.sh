#!/usr/bin/env bash
# The man page, generated from the command definitions by swift-argument-parser's
# generate-manual plugin and kept in docs/parallax.1.
# Usage: Tests/Scripts/manual.sh          write docs/parallax.1
#        Tests/Scripts/manual.sh --check  fail when docs/parallax.1 does not match the commands
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift package --allow-writing-to-directory "$out" generate-manual --configuration debug --output-directory "$out" >/dev/null 2>&1 \
  || { swift package --allow-writing-to-directory "$out" generate-manual --configuration debug --output-directory "$out"; exit 1; }
# The date line changes every day; everything else must match.
strip() { grep -v '^\.Dd ' "$1"; }
if [ "${1:-}" = "--check" ]; then
  if ! diff <(strip docs/parallax.1) <(strip "$out/parallax.1") >"$out/diff"; then
    echo "manual: docs/parallax.1 does not match the commands; run Tests/Scripts/manual.sh and commit it:" >&2
    head -40 "$out/diff" >&2
    exit 1
  fi
  echo "manual: docs/parallax.1 matches the commands"
else
  cp "$out/parallax.1" docs/parallax.1
  echo "manual: wrote docs/parallax.1 ($(wc -l < docs/parallax.1) lines); read it with man ./docs/parallax.1"
fi
