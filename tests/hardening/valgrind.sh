#!/bin/sh
# valgrind.sh PROGRAM... - make check-valgrind: run each unit-test program
# (and each fuzz target over tests/fuzz/seeds/) under valgrind memcheck,
# with leak checking. Criterion runs every test in a child process and
# does not pass valgrind's exit status on, so the children are traced
# (--trace-children=yes) and each process writes its own log: any error
# in any log fails the run. Ends with "N passed, N failed".
: "${top_srcdir:=.}" "${top_builddir:=.}" "${VALGRIND:=valgrind}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
vg() { # name, command...: run the command under valgrind, judge the logs
  name=$1
  shift
  rm -f "$tmp"/vg.*
  start=$(date +%s)
  "$VALGRIND" -q --trace-children=yes --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --log-file="$tmp/vg.%p" "$@" >"$tmp/out" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  if [ $rc -eq 0 ] && ! cat "$tmp"/vg.* 2>/dev/null | grep -q .; then
    echo "PASS: $name (${secs}s)"
    pass=$((pass + 1))
  else
    echo "FAIL: $name (exit $rc, ${secs}s)"
    cat "$tmp"/vg.* 2>/dev/null | head -40
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
