#!/usr/bin/env python3
"""token_changes.py KEMPT STAGES FILE... - how much of clean text a stage
changes: each FILE through `KEMPT --stages=STAGES`, white-space tokens
compared before and after (difflib), every change listed with context,
then the share of tokens kept. Used to check that spacing (and glue) leave
clean gold texts alone, e.g.
    tools/token_changes.py src/kempt spacing ../shared/eval/articles/*.gold.txt
"""
import difflib
import subprocess
import sys


def main():
    kempt, stages, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    total = changed = 0
    for f in files:
        src = open(f, encoding='utf-8', errors='replace').read().split()
        run = subprocess.run([kempt, '--stages=' + stages, f],
                             capture_output=True, check=True)
        out = run.stdout.decode('utf-8', errors='replace').split()
        total += len(src)
        sm = difflib.SequenceMatcher(None, src, out, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == 'equal':
                continue
            changed += max(i2 - i1, j2 - j1)
            print('%s: %s  ==>  %s' % (f, ' '.join(src[max(0, i1 - 3):i2 + 3]),
                                       ' '.join(out[max(0, j1 - 3):j2 + 3])))
    kept = 100.0 - 100.0 * changed / total if total else 100.0
    print('tokens %d, changed %d, kept %.3f%%' % (total, changed, kept))


if __name__ == '__main__':
    main()
