#!/bin/sh
# bench/batch.sh - batch mode against separate processes (make bench).
#
#   1. -j 2 against -j 1 on a folder of FILES small pages (default 4000,
#      about 20 KB each): throughput ratio (the target is >= 1.8 on 2
#      cores), best of RUNS runs (default 5);
#   2. COUNT one-page files (default 10000) cleaned by one kempt -r -o
#      against COUNT separate kempt processes (the target is >= 5x).
# Pages are invented, generated in a temporary folder under $BENCHDIR
# (default /dev/shm when it exists, so that the disk is not measured) and
# removed at the end. KEMPT names the program (default src/kempt).
: "${KEMPT:=src/kempt}" "${FILES:=4000}" "${COUNT:=10000}" "${RUNS:=5}"
if [ -z "$BENCHDIR" ]; then
  BENCHDIR=/tmp
  [ -d /dev/shm ] && [ -w /dev/shm ] && BENCHDIR=/dev/shm
fi
tmp=$(mktemp -d "$BENCHDIR/kempt-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

gen() { # gen DIR HOWMANY PARAGRAPHS: pages with some damage to repair
  awk -v dir="$1" -v count="$2" -v paras="$3" 'BEGIN {
    for (d = 0; d < 50; d++)
      system("mkdir -p " dir "/d" d)
    for (n = 0; n < count; n++) {
      f = dir "/d" (n % 50) "/p" n ".txt"
      printf "Title of page %d\r\n\r\n", n > f
      for (p = 0; p < paras; p++) {
        line = ""
        for (w = 0; w < 40; w++)
          line = line sprintf("word%d%s ", (n * 7 + p * 13 + w) % 997,
                              w % 11 == 10 ? "." : "")
        printf "  %s \r\n%s\r\n\r\n", line, line > f
      }
      close(f)
    }
  }'
}

secs() { # secs COMMAND...: wall-clock seconds of the command
  t0=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}

best() { # best COMMAND...: the shortest of RUNS runs
  b=
  r=0
  while [ $r -lt "$RUNS" ]; do
    rm -rf "$tmp/out"
    s=$(secs "$@")
    if [ -z "$b" ] || awk -v s="$s" -v b="$b" 'BEGIN { exit !(s < b) }'; then
      b=$s
    fi
    r=$((r + 1))
  done
  echo "$b"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "kempt bench in $tmp: generating $FILES pages and $COUNT one-page files"
gen "$tmp/pages" "$FILES" 25
gen "$tmp/one" "$COUNT" 1
mb=$(du -sm "$tmp/pages" | cut -f1)

j1=$(best "$KEMPT" -r "$tmp/pages" -o "$tmp/out" -j 1)
j2=$(best "$KEMPT" -r "$tmp/pages" -o "$tmp/out" -j 2)
echo "$FILES pages ($mb MB): -j 1 $j1 s, -j 2 $j2 s:" \
  "-j 2 is $(ratio "$j1" "$j2")x -j 1 (best of $RUNS)"

rm -rf "$tmp/out"
batch=$(secs "$KEMPT" -r "$tmp/one" -o "$tmp/out" -j 1)
procs=$(secs sh -c "find '$tmp/one' -type f | while read -r f; do '$KEMPT' < \"\$f\" > \"\$f.out\"; done")
echo "$COUNT one-page files: one kempt -r -o (-j 1) $batch s," \
  "$COUNT processes $procs s: $(ratio "$procs" "$batch")x faster"
