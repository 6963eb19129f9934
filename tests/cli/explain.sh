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

# Each message is one whole line, escapes included, written at once (stderr
# is unbuffered: a write per piece made --explain take seconds per MB).
n=$((n + 1))
printf 'A\001b &amp; c\td\n' > "$tmp/in"
"$KEMPT" --explain < "$tmp/in" > /dev/null 2> "$tmp/err"
cat > "$tmp/want" <<'EOF2'
kempt: explain: decode doc 0 @1 control-removed: "\x01" -> ""
kempt: explain: repair doc 0 @3 entity: "&amp;" -> "&"
kempt: explain: spacing doc 0 @6 collapse-space: "\t" -> " "
EOF2
if cmp -s "$tmp/want" "$tmp/err"; then
  echo "ok $n - explain lines with escapes"
else
  echo "not ok $n - explain lines with escapes"; sed 's/^/# /' "$tmp/err"; fail=1
fi
n=$((n + 1))
i=0
while [ $i -lt 500 ]; do printf '&amp; '; i=$((i + 1)); done > "$tmp/in"
echo >> "$tmp/in"
if command -v strace > /dev/null 2>&1 &&
    strace -f -e trace=write -o "$tmp/trace" \
      "$KEMPT" --explain "$tmp/in" > /dev/null 2> "$tmp/err"; then
  lines=$(grep -c '^kempt: explain: ' "$tmp/err")
  writes=$(grep -c 'write(2,' "$tmp/trace")
  if [ "$lines" -eq 500 ] && [ "$writes" -eq 500 ]; then
    echo "ok $n - one write per explain line"
  else
    echo "not ok $n - $lines lines in $writes writes"; fail=1
  fi
else
  echo "ok $n # SKIP strace not available"
fi
echo "1..$n"
exit $fail
