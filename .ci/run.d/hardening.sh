#!/bin/bash
# .ci/run.d/hardening.sh - the slow suites of the hardening area, run by
# .ci/run in the built tree: the unit tests under valgrind, every fuzz
# target for a short while, and the memory bounds on huge inputs.
set -uo pipefail
status=0
section() { echo; echo "--- hardening: $* ($(date -u +%H:%M:%S))"; }

section "make check-valgrind"
make check-valgrind || status=1

section "make fuzz (FUZZ_SECONDS=${CI_FUZZ_SECONDS:-20} per target)"
make fuzz FUZZ_SECONDS="${CI_FUZZ_SECONDS:-20}" || status=1

section "make check-limits (input sizes times ${CI_LIMITS_SCALE:-0.5})"
make check-limits LIMITS_FLAGS="--scale=${CI_LIMITS_SCALE:-0.5}" || status=1

section "done, status $status"
exit $status
