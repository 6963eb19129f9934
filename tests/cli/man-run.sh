#!/bin/sh
# man-run.sh - run every command of doc/kempt.1's EXAMPLES section (the
# indented lines between .nf and .fi) in a scratch folder holding the files
# they name; each must exit 0. As jq's man.test: the manual stays true.
: "${top_srcdir:=.}" "${KEMPT:=src/kempt}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/pages"
ln -s "$KEMPT" "$tmp/bin/kempt"
printf 'A title\n\nSome text of a page.\n' > "$tmp/page.txt"
printf 'Caf\351 cr\350me\r\n\r\nOld text.\r\n' > "$tmp/old.txt"
printf 'One.\n' > "$tmp/pages/a.txt"
printf 'Two.\n' > "$tmp/pages/b.txt"
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$top_srcdir/doc/kempt.1" |
  sed -n '/^\.nf/,/^\.fi/p' | grep -v '^\.' |
  sed -e 's/^ *//' -e 's/\\-/-/g' -e 's/\\\\/\\/g' > "$tmp/examples"
n=0
fail=0
while IFS= read -r cmd; do
  n=$((n + 1))
  if (cd "$tmp" && PATH="$tmp/bin:$PATH" sh -c "$cmd") >/dev/null 2>"$tmp/err"; then
    echo "ok $n - $cmd"
  else
    echo "not ok $n - $cmd"; sed 's/^/# /' "$tmp/err"; fail=1
  fi
done < "$tmp/examples"
[ "$n" -gt 0 ] || { echo "not ok 1 - no examples found"; n=1; fail=1; }
echo "1..$n"
exit $fail
