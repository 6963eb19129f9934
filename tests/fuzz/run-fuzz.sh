#!/bin/sh
# run-fuzz.sh - make fuzz: run each libFuzzer target of $FUZZ_DIR once per
# stage (fuzz_stage) and once per framing (fuzz_pipeline), for
# $FUZZ_SECONDS each. The targets list their own stages and framings
# (KEMPT_FUZZ_LIST), so new ones are fuzzed without a change here.
# Seeds: corpus/ and tests/fuzz/seeds/; the growing corpus of each target
# stays in $FUZZ_DIR/corpus/; a crashing input goes to $FUZZ_DIR/crashes/.
: "${top_srcdir:=.}" "${FUZZ_DIR:=fuzz-out}" "${FUZZ_SECONDS:=60}"
status=0
mkdir -p "$FUZZ_DIR/crashes"
for h in stage pipeline; do
  prog="$FUZZ_DIR/fuzz_$h"
  for t in $(KEMPT_FUZZ_LIST=1 "$prog"); do
    dir="$FUZZ_DIR/corpus/$h-$t"
    mkdir -p "$dir"
    echo "=== fuzz_$h $t: $FUZZ_SECONDS s"
    if KEMPT_FUZZ_TARGET=$t "$prog" -max_total_time="$FUZZ_SECONDS" \
        -max_len=4096 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -dict="$top_srcdir/tests/fuzz/kempt.dict" \
        -artifact_prefix="$FUZZ_DIR/crashes/$h-$t-" \
        "$dir" "$top_srcdir/tests/fuzz/seeds" "$top_srcdir/corpus" \
        >"$FUZZ_DIR/$h-$t.log" 2>&1; then
      grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' \
        "$FUZZ_DIR/$h-$t.log" | tail -2
    else
      echo "FINDING in fuzz_$h $t (log: $FUZZ_DIR/$h-$t.log):"
      grep -E 'ERROR|fuzz check failed|SUMMARY|Test unit written' \
        "$FUZZ_DIR/$h-$t.log" | head -8
      status=1
    fi
  done
done
exit $status
