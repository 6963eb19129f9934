#!/bin/sh
# parallel.sh - the GNU parallel recipes of the README for real: one WET
# stream of a few hundred records cut at record starts (--pipe --recstart)
# among several kempt processes, locally and through --sshlogin (here the
# local machine, ':'), must give the same bytes as one kempt; and files
# spread with one kempt per file. Exit 77 (skip) without GNU parallel.
: "${top_srcdir:=.}" "${KEMPT:=$PWD/src/kempt}"
command -v parallel > /dev/null || { echo "SKIP: no GNU parallel"; exit 77; }
parallel --version 2> /dev/null | grep -q 'GNU parallel' ||
  { echo "SKIP: parallel is not GNU parallel"; exit 77; }
d=$(mktemp -d) || exit 99
trap 'rm -rf "$d"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export HOME="$d" # parallel keeps its state (and citation notice) there
mkdir -p "$d/.parallel" && touch "$d/.parallel/will-cite"

sh "$top_srcdir/tests/distributed/gen-wet.sh" 0 400 > "$d/all.wet"
"$KEMPT" -f wet -s decode < "$d/all.wet" > "$d/one.wet" || fail "kempt"
n=$(grep -c '^WARC/1.0' "$d/one.wet")
[ "$n" = 400 ] || fail "$n records from one kempt"

parallel --pipe --block 8k --recstart 'WARC/1.0' --keep-order -j 2 \
  "$KEMPT" -f wet -s decode < "$d/all.wet" > "$d/par.wet" || fail "parallel"
cmp -s "$d/one.wet" "$d/par.wet" || fail "--pipe: not the bytes of one kempt"

parallel --pipe --block 8k --recstart 'WARC/1.0' --keep-order \
  --sshlogin 2/: "$KEMPT" -f wet -s decode < "$d/all.wet" > "$d/ssh.wet" ||
  fail "parallel --sshlogin"
cmp -s "$d/one.wet" "$d/ssh.wet" || fail "--sshlogin: not the bytes of one kempt"

mkdir "$d/in" "$d/out"
for f in 0 1 2 3; do
  sh "$top_srcdir/tests/distributed/gen-wet.sh" $((f * 100)) 100 |
    gzip > "$d/in/part$f.warc.wet.gz"
done
parallel -j 2 "$KEMPT" -f wet -s decode -o "$d/out/{/.}" {} ::: "$d"/in/*.gz ||
  fail "parallel, one file each"
cat "$d"/out/part0.warc.wet "$d"/out/part1.warc.wet "$d"/out/part2.warc.wet \
  "$d"/out/part3.warc.wet | cmp -s - "$d/one.wet" || fail "files: not the same"
echo "PASS: GNU parallel --pipe --recstart (local and --sshlogin), and per file"
