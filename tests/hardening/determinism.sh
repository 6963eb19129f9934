#!/bin/sh
# determinism.sh - kempt(1) gives the same bytes for the same input and
# options whatever the locale of its environment (LC_ALL=C and every UTF-8
# locale installed) and, in batch mode, whatever -j. Output is TAP.
: "${top_srcdir:=.}" "${KEMPT:=src/kempt}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cat "$top_srcdir"/corpus/*.txt "$top_srcdir"/tests/fuzz/seeds/* >"$tmp/in"
LC_ALL=C "$KEMPT" <"$tmp/in" >"$tmp/want" 2>/dev/null
n=0 fail=0
check() { # description, then the command writing $tmp/out
  n=$((n + 1))
  desc=$1
  shift
  if "$@" && cmp -s "$tmp/out" "$tmp/want"; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc: output differs"
    fail=1
  fi
}
for loc in $(locale -a 2>/dev/null | grep -i -E 'utf-?8' | head -5); do
  check "LC_ALL=$loc" env LC_ALL="$loc" sh -c \
    '"$0" <"$1" >"$2" 2>/dev/null' "$KEMPT" "$tmp/in" "$tmp/out"
  check "LANG=$loc, LC_ALL unset" env -u LC_ALL LANG="$loc" sh -c \
    '"$0" <"$1" >"$2" 2>/dev/null' "$KEMPT" "$tmp/in" "$tmp/out"
done
if "$KEMPT" --help 2>/dev/null | grep -q -- '--jobs'; then
  # batch mode: the same files with -j 1 and -j 4 into two folders
  mkdir -p "$tmp/src" "$tmp/o1" "$tmp/o4"
  for f in "$top_srcdir"/corpus/*.txt "$top_srcdir"/tests/fuzz/seeds/*; do
    cp "$f" "$tmp/src/$(basename "$f").txt"
  done
  "$KEMPT" -r -j 1 -o "$tmp/o1" "$tmp/src" 2>/dev/null
  "$KEMPT" -r -j 4 -o "$tmp/o4" "$tmp/src" 2>/dev/null
  n=$((n + 1))
  if [ -n "$(ls "$tmp/o1")" ] && diff -r "$tmp/o1" "$tmp/o4" >/dev/null; then
    echo "ok $n - batch mode: -j 1 and -j 4 give the same files"
  else
    echo "not ok $n - batch mode: -j 1 and -j 4 differ"
    fail=1
  fi
fi
echo "1..$n"
exit $fail
