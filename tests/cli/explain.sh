#!/bin/sh
# explain.sh - --explain's messages stay valid UTF-8 when a long removed
# block is cut short, whatever byte the cut falls on.
: "${KEMPT:=src/kempt}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
for pad in '' x xx xxx; do
  n=$((n + 1))
  {
    printf 'Advertisement %s' "$pad"
    i=0
    while [ $i -lt 150 ]; do printf '\303\251'; i=$((i + 1)); done
    printf '\nThe council met on Tuesday and voted on the new budget for schools.\n'
  } > "$tmp/in"
  if ! "$KEMPT" --explain --stages=chrome < "$tmp/in" > /dev/null 2> "$tmp/err"; then
    echo "not ok $n - kempt failed (pad '$pad')"; fail=1
  elif ! grep -q '\.\.\." -> ""$' "$tmp/err"; then
    echo "not ok $n - no cut message (pad '$pad')"; sed 's/^/# /' "$tmp/err"; fail=1
  elif ! iconv -f UTF-8 -t UTF-8 < "$tmp/err" > /dev/null 2>&1; then
    echo "not ok $n - invalid UTF-8 on stderr (pad '$pad')"; fail=1
  else
    echo "ok $n - explain cut at a character (pad '$pad')"
  fi
done
echo "1..$n"
exit $fail
