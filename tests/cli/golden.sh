#!/bin/sh
# golden.sh - every corpus/NAME.txt through kempt must equal NAME.expected
# byte for byte. NAME.opts, when present, holds extra options (one line).
# Output is TAP, one test per page.
: "${top_srcdir:=.}" "${KEMPT:=src/kempt}"
corpus="$top_srcdir/corpus"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
pages=$(ls "$corpus"/*.txt | LC_ALL=C sort)
echo "1..$(echo "$pages" | wc -l | tr -d ' ')"
for page in $pages; do
  name=$(basename "$page" .txt)
  n=$((n + 1))
  opts=
  [ -f "$corpus/$name.opts" ] && opts=$(cat "$corpus/$name.opts")
  # shellcheck disable=SC2086
  if ! "$KEMPT" $opts < "$page" > "$tmp/out" 2> "$tmp/err"; then
    echo "not ok $n - $name: exit status $?"; cat "$tmp/err" | sed 's/^/# /'
    fail=1
  elif cmp -s "$tmp/out" "$corpus/$name.expected"; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name: output differs"
    diff "$corpus/$name.expected" "$tmp/out" | head -20 | sed 's/^/# /'
    fail=1
  fi
done
exit $fail
