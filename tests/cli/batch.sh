#!/bin/sh
# batch.sh - kempt -r IN... -o OUTDIR: mirroring, gzip names, errors,
# atomic output, -j, --skip-existing, --shard, --stats; JSONL and WET
# through the command line. TAP output.
: "${top_srcdir:=.}" "${KEMPT:=src/kempt}"
tmp=$(mktemp -d) || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
n=0
fail=0
ok() { # ok DESCRIPTION COMMAND...: the command must succeed
  desc=$1
  shift
  n=$((n + 1))
  if "$@" > "$tmp/log" 2>&1; then echo "ok $n - $desc"; else
    echo "not ok $n - $desc"; sed 's/^/# /' "$tmp/log"; fail=1
  fi
}
status() { # status WANT COMMAND...: run, keep stderr in $tmp/err
  want=$1
  shift
  "$@" 2> "$tmp/err" > /dev/null
  [ $? = "$want" ]
}
no_temp() { [ -z "$(find "$1" -name '.*kempt-*')" ]; }
K="$KEMPT -s decode"

in=$tmp/in
mkdir -p "$in/a/b" "$in/c" "$in/empty"
printf '  One  \r\n\r\n\r\nTwo\n' > "$in/a/b/x.txt"
printf 'Three\n' | gzip > "$in/c/y.txt.gz"
printf 'Four' > "$in/top"
ln -s ../top "$in/c/link"
i=0
while [ $i -lt 40 ]; do
  printf 'Page %d\n\n\n  para\n' $i > "$in/a/p$i.txt"
  i=$((i + 1))
done
sum_in=$(find "$in" -type f -exec cat {} + | cksum)

echo "1..31"
ok "one folder mirrored" $K -r "$in" -o "$tmp/o1"
ok "same relative path and name" test -f "$tmp/o1/a/b/x.txt" -a -f "$tmp/o1/top"
ok "content as kempt gives it" sh -c "$K < '$in/a/b/x.txt' | cmp - '$tmp/o1/a/b/x.txt'"
ok "x.gz read through gzip, written as x" sh -c \
  "test ! -e '$tmp/o1/c/y.txt.gz' && test \"\$(cat '$tmp/o1/c/y.txt')\" = Three"
ok "symbolic link followed" sh -c "test \"\$(cat '$tmp/o1/c/link')\" = Four"
ok "no temporary file left" no_temp "$tmp/o1"
ok "inputs untouched" sh -c \
  "test \"\$(find '$in' -type f -exec cat {} + | cksum)\" = '$sum_in'"
ok "several folders: OUTDIR/NAME/..." sh -c \
  "$K -r '$in/a/b' '$in/c' -o '$tmp/o2' && test -f '$tmp/o2/b/x.txt' -a -f '$tmp/o2/c/y.txt'"
ok "--gzip writes NAME.gz" sh -c \
  "$K --gzip -r '$in/c' -o '$tmp/o3' && gzip -dc '$tmp/o3/y.txt.gz' | grep -q Three && gzip -dc '$tmp/o3/link.gz' | grep -q Four"
ok "-j 2 gives the same bytes as -j 1" sh -c \
  "$K -j 2 -r '$in' -o '$tmp/o4' && diff -r '$tmp/o1' '$tmp/o4'"
ok "-j 8 gives the same bytes as -j 1" sh -c \
  "$K -j 8 -r '$in' -o '$tmp/o5' && diff -r '$tmp/o1' '$tmp/o5'"

ln -s nowhere "$in/c/dangling"
ok "dangling link: exit 1" status 1 $K -r "$in" -o "$tmp/o6"
ok "dangling link named" grep -q dangling "$tmp/err"
ok "the rest done" cmp "$tmp/o1/a/b/x.txt" "$tmp/o6/a/b/x.txt"
ok "no output for it" test ! -e "$tmp/o6/c/dangling"
rm "$in/c/dangling"

printf 'kept\n' > "$tmp/o6/top"
ok "--skip-existing leaves outputs alone" sh -c \
  "$K --skip-existing -r '$in' -o '$tmp/o6' && test \"\$(cat '$tmp/o6/top')\" = kept"

for s in 0 1 2; do $K --shard=$s/3 -r "$in" -o "$tmp/s"; done
ok "three shards make the whole" diff -r "$tmp/o1" "$tmp/s"
$K --shard=1/3 -r "$in" -o "$tmp/s1"
n1=$(find "$tmp/s1" -type f | wc -l)
ok "a shard is a third" test "$n1" -ge 14 -a "$n1" -le 15
ok "bad --shard: usage error" status 2 $K --shard=3/3 -r "$in" -o "$tmp/s2"

ok "--stats JSON counters" sh -c \
  "$K --stats='$tmp/st.json' -r '$in' -o '$tmp/o7' && grep -q '\"documents_out\": 44' '$tmp/st.json'"
ok "--stats: seconds per stage, batch mode (-j 2)" sh -c \
  "$KEMPT -j 2 --stats='$tmp/st2.json' -r '$in' -o '$tmp/o8' && grep -q '\"stage_seconds\": {\"decode\": [0-9.]*, \"repair\": [0-9.]*, \"split\": .*\"write\": [0-9.]*, \"framing\": [0-9.]*}' '$tmp/st2.json'"
ok "--stats: seconds per stage, one stream" sh -c \
  "printf 'a\n\nb\n' | $K --stats='$tmp/st3.json' > /dev/null && grep -q '\"stage_seconds\": {\"decode\": [0-9.]*, \"split\": [0-9.]*, \"write\": [0-9.]*, \"framing\": [0-9.]*}' '$tmp/st3.json'"
ok "output folder inside the input is not walked" sh -c \
  "$K -r '$in' -o '$in/out' && $K -r '$in' -o '$in/out' && test ! -e '$in/out/out' && rm -rf '$in/out'"
ok "-r without -o: one stream, files in name order" sh -c \
  "test \"\$($K -r '$in/c' | tr '\n' ' ')\" = 'Four  Three '"

# -o FILE: a symbolic link keeps pointing at the replaced target; a file
# that is not a regular one (a FIFO here; /dev/null in real use) is
# written in place, never renamed over.
printf 'old\n' > "$tmp/target" && ln -s target "$tmp/olink"
ok "-o LINK: the link stays, its target gets the output" sh -c \
  "printf 'new\n' | $K -o '$tmp/olink' && test -L '$tmp/olink' && test \"\$(cat '$tmp/target')\" = new"
ok "-o LINK: no temporary file left" sh -c "test \$(ls -A '$tmp' | grep -c '^target.') = 0"
mkfifo "$tmp/fifo"
timeout 20 cat "$tmp/fifo" > "$tmp/fifo.out" &
reader=$!
printf 'piped\n' | timeout 20 $K -o "$tmp/fifo"
wait $reader
ok "-o FIFO: written in place, still a FIFO" sh -c \
  "test -p '$tmp/fifo' && test \"\$(cat '$tmp/fifo.out')\" = piped"

# JSONL and WET through the command line: every record out once.
printf '{"id":1,"text":" a "}\nnot json\n{"id":2,"text":"b"}\n' > "$tmp/j"
ok "jsonl: records out, bad line kept, exit 0" sh -c \
  "$K -f jsonl '$tmp/j' 2>'$tmp/jerr' | grep -c . | grep -qx 3 && grep -q 'line 2' '$tmp/jerr'"

ok "wet gzip round trip" sh -c \
  "printf 'WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 3\r\n\r\n x\n\r\n\r\n' | gzip | $K -f wet --gzip | gzip -dc | grep -q 'Content-Length: 2'"
# An unreadable file. Root reads everything: as root, the test runs kempt
# as nobody without capabilities (setpriv), or is skipped.
as=
if [ "$(id -u)" = 0 ]; then
  as="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
  $as "$KEMPT" --version > /dev/null 2>&1 || as=none
fi
if [ "$as" = none ]; then
  n=$((n + 2))
  echo "ok $((n - 1)) # SKIP root, and kempt cannot run as nobody here"
  echo "ok $n # SKIP root, and kempt cannot run as nobody here"
else
  lu=$(mktemp -d) && chmod 777 "$lu" && mkdir "$lu/in" && chmod 777 "$lu/in"
  printf 'a\n' > "$lu/in/a" && printf 'b\n' > "$lu/in/locked"
  chmod 644 "$lu/in/a" && chmod 000 "$lu/in/locked"
  ok "unreadable file: exit 1, named" sh -c \
    "! $as $K -r '$lu/in' -o '$lu/out' 2>'$tmp/lerr' && grep -q locked '$tmp/lerr'"
  ok "unreadable file: no output, the rest done" sh -c \
    "test ! -e '$lu/out/locked' && test -f '$lu/out/a' && test -z \"\$(find '$lu/out' -name '.*kempt-*')\""
  rm -rf "$lu"
fi
exit $fail
