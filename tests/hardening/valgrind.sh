#!/bin/sh
# valgrind.sh PROGRAM... - make check-valgrind: run each unit-test program
# (and each fuzz target over tests/fuzz/seeds/) under valgrind memcheck,
# with leak checking. Criterion runs every test in a child process and
# does not pass valgrind's exit status on, so the children are traced
# (--trace-children=yes; helper tools such as sh and bzip2 are not) and
# each process writes its own log: any error in any log fails the run.
# Time is bounded: VALGRIND_BUDGET seconds in all (default 900), at most
# VALGRIND_MAX per program (default 300); a program stopped at its limit
# is reported as partial (the errors found until then still count), and
# the programs left when the budget is spent are skipped. Ends with
# "N passed, N failed".
: "${top_srcdir:=.}" "${top_builddir:=.}" "${VALGRIND:=valgrind}"
: "${VALGRIND_BUDGET:=900}" "${VALGRIND_MAX:=300}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 end=$(($(date +%s) + VALGRIND_BUDGET))
skip='*/sh,*/bash,*/dash,*/bzip2,*/gzip,*/xz,*/cat,*/diff,*/cmp'
vg() { # name, command...: run the command under valgrind, judge the logs
  name=$1
  shift
  left=$((end - $(date +%s)))
  if [ $left -le 10 ]; then
    echo "SKIP: $name (the time budget of ${VALGRIND_BUDGET}s is spent)"
    return
  fi
  [ $left -gt "$VALGRIND_MAX" ] && left=$VALGRIND_MAX
  rm -f "$tmp"/vg.*
  start=$(date +%s)
  timeout -k 5 "$left" "$VALGRIND" -q --trace-children=yes \
    --trace-children-skip="$skip" --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --log-file="$tmp/vg.%p" "$@" >"$tmp/out" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  # valgrind's own WARNINGs (threads cut short by the time limit) aside
  errors=$(cat "$tmp"/vg.* 2>/dev/null | grep -v '== WARNING: ' | grep -c .)
  if [ "$errors" -eq 0 ] && { [ $rc -eq 124 ] || [ $rc -eq 137 ]; }; then
    echo "PASS: $name (partial: stopped after ${secs}s, no error so far)"
    pass=$((pass + 1))
  elif [ "$errors" -eq 0 ] && [ $rc -eq 0 ]; then
    echo "PASS: $name (${secs}s)"
    pass=$((pass + 1))
  else
    echo "FAIL: $name (exit $rc, ${secs}s)"
    cat "$tmp"/vg.* 2>/dev/null | grep -v '== WARNING: ' | head -40
    tail -5 "$tmp/out"
    fail=$((fail + 1))
  fi
}
for prog in "$@"; do
  case $prog in
  */fuzz_*) vg "$prog seeds" "$prog" "$top_srcdir/tests/fuzz/seeds" ;;
  *) vg "$prog" env top_srcdir="$top_srcdir" "$prog" -j1 ;;
  esac
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
