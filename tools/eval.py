#!/usr/bin/env python3
"""eval.py - kempt against the shared evaluation material (make eval).

Runs, when the shared folder is there (default: ../shared beside the
checkout):

  articles   the scraped pages of eval/articles through kempt, scored
             against their gold texts with tools/score_extract.py: as
             given, and with every blank line removed (text dumped one
             paragraph per line, as Common Crawl WET records are);
  clean      the gold texts themselves through kempt: the share of their
             tokens that comes out unchanged (clean text must pass);
  seed       seeds/blinken-gaza.txt against its .expected.txt;
  ftfy       tools/score_ftfy.py (a peer's mojibake cases).

None of this is part of make check: the material is not the project's.
Exit status 1 when the seed page differs or a scorer fails, else 0.
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile


def run_kempt(kempt, data):
    return subprocess.run([kempt], input=data, capture_output=True,
                          check=False).stdout


def without_blank_lines(data):
    return b"\n".join(l for l in data.split(b"\n") if l.strip()) + b"\n"


def score_articles(kempt, shared, transform, label):
    arts = os.path.join(shared, "eval", "articles")
    scorer = os.path.join(shared, "tools", "score_extract.py")
    with tempfile.TemporaryDirectory() as out:
        for name in sorted(os.listdir(arts)):
            if not name.endswith(".raw.txt"):
                continue
            with open(os.path.join(arts, name), "rb") as f:
                data = transform(f.read())
            base = name[: -len(".raw.txt")]
            with open(os.path.join(out, base + ".txt"), "wb") as f:
                f.write(run_kempt(kempt, data))
        r = subprocess.run([sys.executable, scorer, arts, out],
                           capture_output=True, text=True, check=False)
    lines = [l for l in r.stdout.splitlines() if l.startswith("SUMMARY")]
    print("articles (%s): %s" % (label, lines[-1] if lines else "no score"))
    return r.returncode == 0 and bool(lines)


def clean_kept(kempt, shared):
    arts = os.path.join(shared, "eval", "articles")
    total = changed = 0
    for name in sorted(os.listdir(arts)):
        if not name.endswith(".gold.txt"):
            continue
        with open(os.path.join(arts, name), "rb") as f:
            gold = f.read()
        out = run_kempt(kempt, gold)
        a = gold.decode("utf-8", "replace").split()
        b = out.decode("utf-8", "replace").split()
        total += len(a)
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "equal":
                changed += max(i2 - i1, j2 - j1)
    pct = 100.0 - 100.0 * changed / total if total else 100.0
    print("clean (gold texts through kempt): %d tokens, %d changed, "
          "%.3f%% kept" % (total, changed, pct))
    return True


def seed(kempt, shared):
    d = os.path.join(shared, "seeds")
    with open(os.path.join(d, "blinken-gaza.txt"), "rb") as f:
        out = run_kempt(kempt, f.read())
    with open(os.path.join(d, "blinken-gaza.expected.txt"), "rb") as f:
        ok = out == f.read()
    print("seed page: %s" % ("exact" if ok else "DIFFERS"))
    return ok


def ftfy(kempt, shared):
    scorer = os.path.join(shared, "tools", "score_ftfy.py")
    r = subprocess.run([sys.executable, scorer, kempt], capture_output=True,
                       text=True, check=False)
    last = r.stdout.strip().splitlines()
    print(last[-1] if last else "ftfy: no score")
    return r.returncode == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kempt", default="src/kempt")
    ap.add_argument("--shared", default="../shared")
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.shared, "eval")):
        print("eval: no %s/eval: nothing to do" % a.shared)
        return 0
    kempt = os.path.abspath(a.kempt)
    ok = score_articles(kempt, a.shared, lambda d: d, "as given")
    ok &= score_articles(kempt, a.shared, without_blank_lines,
                         "one paragraph per line, no blank lines")
    ok &= clean_kept(kempt, a.shared)
    ok &= seed(kempt, a.shared)
    ok &= ftfy(kempt, a.shared)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
