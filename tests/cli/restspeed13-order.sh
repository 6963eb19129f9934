#!/bin/sh
# restspeed13-order.sh - kempt(1) writes a piece of output larger than half
# its buffer after the bytes it holds, not before them: a paragraph of over
# 128 KiB after a short one comes out second, with --explain too.
: "${KEMPT:=src/kempt}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
{
  printf 'The first paragraph is short.\n\n'
  i=0
  while [ $i -lt 4000 ]; do
    printf 'The long paragraph goes on and on. '
    i=$((i + 1))
  done
  printf '\n\nThe last paragraph is short.\n'
} > "$tmp/in"
n=0
fail=0
for opt in '' --explain; do
  n=$((n + 1))
  if ! "$KEMPT" $opt --stages=decode < "$tmp/in" > "$tmp/out" 2> /dev/null; then
    echo "not ok $n - kempt failed ($opt)"; fail=1
  elif [ "$(head -n 1 "$tmp/out")" != 'The first paragraph is short.' ] ||
       [ "$(tail -n 1 "$tmp/out")" != 'The last paragraph is short.' ] ||
       [ "$(wc -l < "$tmp/out")" -ne 5 ]; then
    echo "not ok $n - paragraphs out of order ($opt)"; fail=1
  else
    echo "ok $n - paragraphs in order ($opt)"
  fi
done
echo "1..$n"
exit $fail
