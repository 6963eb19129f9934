#!/bin/sh
# bench_spacing.sh KEMPT FILE... - speed of the spacing stage: the FILEs
# (clean prose) repeated into a ~50 MB document, timed through
# --stages=decode and --stages=spacing (best of 3 each); prints the MB/s of
# the whole run and of spacing alone (the difference).
kempt=$1
shift
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
while [ "$(wc -c < "$tmp")" -lt 50000000 ]; do cat "$@" >> "$tmp"; done
best() {
  b=
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    "$kempt" --stages="$1" "$tmp" > /dev/null
    e=$(date +%s.%N)
    b=$(echo "$s $e ${b:-999}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
  done
  echo "$b"
}
mb=$(wc -c < "$tmp" | awk '{print $1 / 1e6}')
d=$(best decode)
s=$(best spacing)
echo "$mb $d $s" | awk '{printf "%.1f MB: decode %.3f s (%.0f MB/s), decode+spacing %.3f s (%.0f MB/s), spacing alone %.0f MB/s\n", $1, $2, $1 / $2, $3, $1 / $3, $1 / ($3 - $2)}'
