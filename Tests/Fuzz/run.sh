#!/usr/bin/env bash
# Fuzzes every reader with libFuzzer: plain text, JSON Lines, RSS/Atom/RDF, JSON Feed, OPML,
# `urls`, HTML pages and the encoding sniffer (Sources/parallax-fuzz).
#
# usage: Tests/Fuzz/run.sh SECONDS [TARGET...]
#
# Each target runs SECONDS seconds under libFuzzer and AddressSanitizer, seeded from
# ../shared/data/feeds/gofeed and ../shared/data/html/readability when they are there (and
# from small built-in seeds always). Prints each target's executions, then the total
# executions and crashes (crashes, timeouts, out-of-memory and leaks all count); exits 1 on
# any. Crashing inputs are kept in .build/fuzz/artifacts: replay one with
# `swift run parallax-fuzz TARGET FILE`, and make it a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: Tests/Fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text jsonl feed jsonfeed opml urls html encoding)
shared=${PARALLAX_SHARED:-../shared}
scratch=.build/fuzz
flags=(-c release --scratch-path "$scratch" --product parallax-fuzz
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)
echo "building the fuzzer (libFuzzer + AddressSanitizer)..." >&2
swift build "${flags[@]}" >&2
bin="$(swift build "${flags[@]}" --show-bin-path)/parallax-fuzz"
artifacts="$scratch/artifacts"
mkdir -p "$artifacts"

seed() {  # seed TARGET DIR: fill the corpus folder
  local target=$1 dir=$2
  mkdir -p "$dir"
  case $target in
    text) printf 'Storm closes coastal road\n\nA winter storm cut power to 48,000 homes.\n' >"$dir/seed" ;;
    jsonl) printf '{"id":"1","title":"T","text":"Body one.\\n\\nBody two.","published":"2024-05-01"}\n{"id":2,"text":"x"}\n' >"$dir/seed" ;;
    feed)
      printf '<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><title>T</title><item><title>A &eacute; &amp; b</title><description>&lt;p&gt;x&lt;/p&gt;</description><link>/a</link></item></channel></rss>' >"$dir/seed"
      if [ -d "$shared/data/feeds/gofeed/testdata" ]; then
        find "$shared/data/feeds/gofeed/testdata" -name '*.xml' | head -400 | while read -r f; do cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done || true
      fi ;;
    jsonfeed)
      printf '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_html":"<p>x</p>","authors":[{"name":"A"}]}]}' >"$dir/seed"
      if [ -d "$shared/data/feeds/gofeed/testdata" ]; then
        find "$shared/data/feeds/gofeed/testdata" -path '*json*' -name '*.json' | while read -r f; do cp "$f" "$dir/$(basename "$f")"; done || true
      fi ;;
    opml) printf '<opml version="2.0"><head><title>S</title></head><body><outline text="a"><outline xmlUrl="https://e.org/rss"/></outline></body></opml>' >"$dir/seed" ;;
    urls) printf 'https://e.org/rss tag "~Title"\n# comment\nquery:Unread:unread = "yes"\nexec:cat x\n' >"$dir/seed" ;;
    html)
      printf '<html><head><meta charset="windows-1251"><title>T</title></head><body><nav>n</nav><article><p>One &bigstar; &#150;</p><ul><li>x</ul></article></body></html>' >"$dir/seed"
      if [ -d "$shared/data/html/readability" ]; then
        find "$shared/data/html/readability" -name 'source.html' | head -60 | while read -r f; do cp "$f" "$dir/$(basename "$(dirname "$f")").html"; done || true
      fi ;;
    encoding) printf '\xef\xbb\xbf<?xml version="1.0" encoding="shift_jis"?>\x82\xa0\x1b$B$"\x1b(B' >"$dir/seed" ;;
  esac
}

total=0
crashes=0
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target"
  [ -d "$corpus" ] || seed "$target" "$corpus"
  log="$scratch/$target.log"
  # Only inputs saved by this run count (older ones stay in artifacts for replaying).
  marker="$scratch/.started-$target"
  touch "$marker"
  set +e
  PARALLAX_FUZZ_TARGET=$target "$bin" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  found=$(find "$artifacts" -name "$target-*" -newer "$marker" | wc -l)
  if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi
  printf '%-9s %12s executions, %s crashes\n' "$target" "${runs:-0}" "$found"
  if [ "$found" -gt 0 ]; then tail -40 "$log" >&2; fi
  total=$((total + ${runs:-0}))
  crashes=$((crashes + found))
done
echo "total: $total executions across ${#targets[@]} targets, $crashes crashes"
[ "$crashes" -eq 0 ]
