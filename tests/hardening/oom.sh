#!/bin/bash
# oom.sh - kempt(1) out of memory: under a ceiling on address space
# (ulimit -v), from the lowest one at which kempt starts up to one at
# which it succeeds, every run must either succeed with the right output
# or print "out of memory" and exit 1: never crash, never exit 0 with
# less output. Skipped where the ceiling cannot work (sanitizer builds
# reserve terabytes of address space). Output is TAP.
: "${top_srcdir:=.}" "${KEMPT:=src/kempt}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
if ! (ulimit -v 4000000 && "$KEMPT" --version) >/dev/null 2>&1; then
  echo "1..0 # SKIP kempt does not run under ulimit -v (sanitizer build?)"
  exit 0
fi
# A 3 MB line: the block buffer must grow to 2 MB (max-block) on the way.
head -c 3000000 /dev/zero | tr '\0' 'a' >"$tmp/in"
"$KEMPT" --max-block=2000000 <"$tmp/in" >"$tmp/want" 2>/dev/null || exit 99

runs() { # limit (KB): run kempt under it; sets rc
  (ulimit -v "$1" && exec "$KEMPT" --max-block=2000000 <"$tmp/in" \
    >"$tmp/out" 2>"$tmp/err")
  rc=$?
}
# The lowest ceiling at which kempt starts at all (bisection).
lo=1000 hi=200000
while [ $((hi - lo)) -gt 64 ]; do
  mid=$(((lo + hi) / 2))
  if (ulimit -v "$mid" && "$KEMPT" --version) >/dev/null 2>&1; then
    hi=$mid
  else
    lo=$mid
  fi
done
n=0 fail=0 nomem=0 limit=$hi
while [ $n -lt 200 ]; do
  n=$((n + 1))
  runs "$limit"
  if [ $rc -eq 0 ] && cmp -s "$tmp/out" "$tmp/want"; then
    echo "ok $n - ${limit} KB: whole output"
    break
  elif [ $rc -eq 1 ] && grep -q "out of memory" "$tmp/err"; then
    echo "ok $n - ${limit} KB: exit 1, $(head -1 "$tmp/err")"
    nomem=$((nomem + 1))
  else
    echo "not ok $n - ${limit} KB: exit $rc, $(head -1 "$tmp/err")"
    fail=1
  fi
  limit=$((limit + 128))
done
n=$((n + 1))
if [ $nomem -gt 0 ]; then
  echo "ok $n - out of memory was met and reported $nomem times"
else
  echo "not ok $n - out of memory was never met"
  fail=1
fi
echo "1..$n"
exit $fail
