#!/bin/sh
# man-examples.sh - the command line's contract: exit codes, usage errors,
# files and stdin, and the examples of doc/kempt.1 (as jq's man.test).
: "${top_srcdir:=.}" "${KEMPT:=src/kempt}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
t() { # t DESCRIPTION EXPECTED-STATUS COMMAND...
  desc=$1 want=$2
  shift 2
  n=$((n + 1))
  "$@" > "$tmp/out" 2> "$tmp/err"
  got=$?
  if [ "$got" = "$want" ]; then echo "ok $n - $desc"; else
    echo "not ok $n - $desc: exit $got, want $want"; sed 's/^/# /' "$tmp/err"; fail=1
  fi
}
same() { # same DESCRIPTION EXPECTED-TEXT (compares with the last output)
  n=$((n + 1))
  if [ "$(cat "$tmp/out")" = "$2" ]; then echo "ok $n - $1"; else
    echo "not ok $n - $1"; sed 's/^/# got: /' "$tmp/out"; fail=1
  fi
}

printf 'Hello\r\n\r\n\r\nWorld' > "$tmp/a.txt"
printf 'Second file' > "$tmp/b.txt"
t "stdin to stdout" 0 sh -c "'$KEMPT' -s decode < '$tmp/a.txt'"
same "paragraphs from stdin" "$(printf 'Hello\n\nWorld')"
t "two files are two documents" 0 "$KEMPT" -s decode "$tmp/a.txt" "$tmp/b.txt"
same "documents joined by a blank line" "$(printf 'Hello\n\nWorld\n\nSecond file')"
t "- is stdin" 0 sh -c "'$KEMPT' -s decode - < '$tmp/b.txt'"
same "stdin read" "Second file"
t "missing file: exit 1" 1 "$KEMPT" "$tmp/nope.txt" "$tmp/b.txt"
same "the rest still done" "Second file"
n=$((n + 1)); if grep -q 'nope.txt' "$tmp/err"; then echo "ok $n - missing file named"; else echo "not ok $n - missing file named"; fail=1; fi
t "a folder is not a file" 1 "$KEMPT" "$tmp"
t "unknown stage: usage error" 2 "$KEMPT" --stages=nosuch "$tmp/a.txt"
t "--stages with --skip: usage error" 2 "$KEMPT" -s decode -x decode "$tmp/a.txt"
t "unknown option: usage error" 2 "$KEMPT" --no-such-option
t "--help" 0 "$KEMPT" --help
n=$((n + 1)); if grep -q -- '--stages' "$tmp/out" && grep -q -- '--list-stages' "$tmp/out"; then echo "ok $n - help lists options"; else echo "not ok $n - help lists options"; fail=1; fi
t "--version" 0 "$KEMPT" --version
t "--list-stages" 0 "$KEMPT" --list-stages
n=$((n + 1)); if grep -q '^decode' "$tmp/out"; then echo "ok $n - decode listed"; else echo "not ok $n - decode listed"; fail=1; fi
t "-o writes a file" 0 "$KEMPT" -s decode -o "$tmp/out.txt" "$tmp/b.txt"
n=$((n + 1)); if [ "$(cat "$tmp/out.txt")" = "Second file" ] && [ "$(ls "$tmp" | grep -c out.txt)" = 1 ]; then echo "ok $n - -o output, no temporary left"; else echo "not ok $n - -o output"; fail=1; fi
t "-z: NUL framing" 0 sh -c "printf 'a\\0\\0b\\0' | '$KEMPT' -z | od -An -c | tr -d ' \\n'"
same "-z keeps empty documents" 'a\n\0\0b\n\0'
echo "1..$n"
exit $fail
