#!/bin/sh
# bench.sh BUILDDIR: make bench - throughput of decode+repair (one core),
# beside cat, uconv -x Any-NFC and a python3 unicodedata.normalize line
# loop on the same text, where those tools exist. Not a test.
b=${1:-.}
"$b/tests/bench/bench_repair" 100 || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# bench/gen.py's articles: English news and paragraphs of several scripts
g=$(dirname "$0")/../../bench/gen.py
if command -v python3 > /dev/null && [ -f "$g" ]; then
  if python3 "$g" "$tmp/gen" --mb 20 > /dev/null 2>&1; then
    "$b/tests/bench/bench_repair" "$tmp/gen/news.txt" || exit 1
    "$b/tests/bench/bench_repair" "$tmp/gen/mixed.txt" || exit 1
  fi
  rm -rf "$tmp/gen"
fi
for kind in english mixed; do
  "$b/tests/bench/bench_repair" 100 $kind "$tmp/$kind.txt" || exit 1
  t() { # label command...: seconds of one run
    label=$1; shift
    s=$(date +%s.%N); "$@" < "$tmp/$kind.txt" > /dev/null 2>&1; e=$(date +%s.%N)
    echo "$kind $label: $(echo "100 / ($e - $s)" | bc -l | cut -d. -f1) MB/s"
  }
  t "kempt --stages=repair (whole CLI)" "$b/src/kempt" --stages=repair
  t cat cat
  if command -v uconv > /dev/null; then t "uconv -x Any-NFC" uconv -x Any-NFC; fi
  if command -v python3 > /dev/null; then
    t "python3 NFC line loop" python3 -c 'import sys, unicodedata
for l in sys.stdin: sys.stdout.write(unicodedata.normalize("NFC", l))'
  fi
done
