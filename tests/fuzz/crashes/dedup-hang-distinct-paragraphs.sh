#!/bin/sh
# dedup hangs (unwrap branch, src/lib/dedup.c as of 2026-11-28 02:30 UTC):
# a document of more than ~150000 distinct paragraphs never finishes.
# hist_clear() empties the hash slots by probing for each remembered hash
# in history order; a probe stops at a slot already emptied in the same
# chain, so stale slots stay. After a few 32768-paragraph windows the
# 65536-slot table is full and find_slot() probes forever. Emptying the
# whole table in hist_clear() (memset) fixes it (checked: 0.03 s).
# Found by make check-limits ("300 MB of paragraphs, one document").
: "${KEMPT:=src/kempt}"
seq 1 200000 | awk '{print "Paragraph " $1 " is here.\n"}' |
  timeout 60 "$KEMPT" --stages=dedup >/dev/null
