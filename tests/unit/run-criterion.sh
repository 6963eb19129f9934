#!/bin/sh
# run-criterion.sh PROGRAM [ARGS]: run a Criterion test program under
# automake's TAP driver: the TAP report on stdout, Criterion's own output in
# the log, and its "Synthesis" line also on the console (fd 9, see
# AM_TESTS_FD_REDIRECT in Makefile.am).
prog=$1
shift
err=$(mktemp) || exit 99
"$prog" --tap=/dev/stdout --ascii -j1 "$@" 2>"$err"
rc=$?
cat "$err" >&2
if { true >&9; } 2>/dev/null; then
  sed -n "s|^.*Synthesis:|$(basename "$prog"): Synthesis:|p" "$err" >&9
fi
rm -f "$err"
exit $rc
