#!/bin/sh
# seeds.sh - make check's run of the fuzz targets over their seeds: every
# corpus/*.txt page and every file of tests/fuzz/seeds/, through each
# target built with the plain main() of standalone.c, so that the targets
# never rot. Output is TAP, one test per target and seed.
: "${top_srcdir:=.}" "${top_builddir:=.}"
n=0
fail=0
tmp=$(mktemp) || exit 99
trap 'rm -f "$tmp"' EXIT
seeds=$(ls "$top_srcdir"/corpus/*.txt "$top_srcdir"/tests/fuzz/seeds/* |
  LC_ALL=C sort)
targets="fuzz_stage fuzz_pipeline"
echo "1..$(( $(echo "$seeds" | wc -l) * $(echo $targets | wc -w) ))"
for t in $targets; do
  prog="$top_builddir/tests/fuzz/$t"
  for seed in $seeds; do
    n=$((n + 1))
    name="$t $(basename "$(dirname "$seed")")/$(basename "$seed")"
    if "$prog" "$seed" >"$tmp" 2>&1; then
      echo "ok $n - $name"
    else
      echo "not ok $n - $name: exit status $?"
      tail -5 "$tmp" | sed 's/^/# /'
      fail=1
    fi
  done
done
exit $fail
