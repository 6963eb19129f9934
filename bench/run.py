#!/usr/bin/env python3
"""run.py - make bench: kempt's speed and memory, side by side with the
tools a user would otherwise reach for, in one run.

    python3 bench/run.py [--kempt PATH] [--peakrss PATH] [--data DIR]
                         [--reps N] [--inputs news,mixed,...]

For each input of bench/gen.py (news, mixed, chrome, jsonl, wet) it runs
cat (the floor), uconv -x Any-NFC, a python3 unicodedata NFC line loop,
kempt with each optional stage alone (--stages=NAME: decode always
runs), decode alone, and the full default pipeline, reading the file on
standard input and writing to /dev/null. Each figure is the best of
--reps runs; MB/s is counted on CPU time (user + system, which a shared
machine disturbs less than wall time; wall-clock MB/s is shown too); peak
RSS comes from a small parent (peakrss). It prints MB/s, peak RSS, and
the ratios of the CPU-time MB/s to uconv, python and cat. kempt runs on
one core: it is single-threaded per stream. Last, when kempt has batch
mode (-r -o DIR -j N), 48 MB of news in 48 files with -j 1 and -j 2.
When the shared evaluation pages are beside the checkout
(../shared/eval/articles, or $KEMPT_EVAL_ARTICLES), "pages" is real
scraped text: their *.raw.txt NUL-framed and repeated to about the size
of news.txt (read only; nothing is copied into the project).
After each input, one --stats run of the default pipeline says where its
time goes, stage by stage.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

MB = 1 << 20
PY_NFC = ("import sys, unicodedata\n"
          "out = sys.stdout\n"
          "for line in sys.stdin:\n"
          "    out.write(unicodedata.normalize('NFC', line))\n")
INPUTS = {  # name: (file, kempt framing options)
    "news": ("news.txt", ["-z"]),
    "mixed": ("mixed.txt", ["-z"]),
    "chrome": ("chrome.txt", ["-z"]),
    "jsonl": ("news.jsonl", ["--format=jsonl"]),
    "wet": ("news.wet", ["--format=wet"]),
    "pages": ("pages.z", ["-z"]),  # real pages, when ../shared is there
}


def measure(cmd, path, peakrss, reps, env=None):
    """Best CPU time (user + system, s), best wall time, and peak RSS (MB)
    of cmd < path > /dev/null."""
    best, wall, rss, status = None, None, 0.0, 0
    with tempfile.NamedTemporaryFile(prefix="kempt-bench-") as t:
        for _ in range(reps):
            with open(path, "rb") as fin, open(os.devnull, "wb") as fout:
                start = time.monotonic()
                status = subprocess.call([peakrss, t.name] + cmd, stdin=fin,
                                         stdout=fout, stderr=subprocess.DEVNULL,
                                         env=env)
                secs = time.monotonic() - start
            if status != 0:
                return None, None, 0.0, status
            with open(t.name) as f:
                kb, user, sys_ = f.read().split()
            cpu = float(user) + float(sys_)
            best = cpu if best is None else min(best, cpu)
            wall = secs if wall is None else min(wall, secs)
            rss = max(rss, int(kb) / 1024)
    return best, wall, rss, status


def stages(kempt):
    out = subprocess.run([kempt, "--list-stages"], capture_output=True,
                         text=True).stdout
    return [l.split()[0] for l in out.splitlines()
            if l.strip() and "always runs" not in l]


def framing_ok(kempt, opts):
    r = subprocess.run([kempt] + opts, input=b"", capture_output=True)
    return r.returncode != 2


def ensure_uconv():
    """uconv comes with icu-devtools, installed here (bench only)."""
    if shutil.which("uconv"):
        return True
    print("# uconv missing: installing icu-devtools (bench only)")
    subprocess.call(["apt-get", "install", "-y", "-qq", "icu-devtools"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("uconv") is not None


def tools(kempt, opts, have_uconv):
    rows = [("cat", ["cat"])]
    if have_uconv:
        rows.append(("uconv -x Any-NFC",
                     ["uconv", "-f", "utf-8", "-t", "utf-8", "-x",
                      "Any-NFC"]))
    rows.append(("python3 NFC loop", [sys.executable, "-c", PY_NFC]))
    rows.append(("kempt --stages=decode", [kempt] + opts +
                 ["--stages=decode"]))
    for st in stages(kempt):
        rows.append(("kempt --stages=" + st, [kempt] + opts +
                     ["--stages=" + st]))
    rows.append(("kempt (default pipeline)", [kempt] + opts))
    return rows


def ratio(a, b):
    return "%6.2f" % (a / b) if a and b else "     -"


def eval_pages_dir(here):
    d = os.environ.get("KEMPT_EVAL_ARTICLES") or os.path.join(
        here, "..", "..", "shared", "eval", "articles")
    return d if os.path.isdir(d) else None


def make_pages(a, src):
    """pages.z: the real pages of src NUL-framed, repeated to the size of
    news.txt (or 100 MB), rebuilt only when that size changes."""
    news = os.path.join(a.data, "news.txt")
    want = os.path.getsize(news) if os.path.exists(news) else 100 * MB
    path = os.path.join(a.data, "pages.z")
    if os.path.exists(path) and abs(os.path.getsize(path) - want) < 4 * MB:
        return
    names = sorted(f for f in os.listdir(src) if f.endswith(".raw.txt"))
    one = b"".join(open(os.path.join(src, f), "rb").read() + b"\0"
                   for f in names)
    if not one:
        return
    with open(path + ".tmp", "wb") as o:
        for _ in range(max(1, want // len(one))):
            o.write(one)
    os.replace(path + ".tmp", path)


def bench_input(name, a, have_uconv):
    fname, opts = INPUTS[name]
    path = os.path.join(a.data, fname)
    if not os.path.exists(path) or not framing_ok(a.kempt, opts):
        print("\n## %s: skipped (no %s or no framing %s)"
              % (name, fname, " ".join(opts)))
        return
    size = os.path.getsize(path) / MB
    print("\n## %s: %s, %.0f MB, kempt %s" % (name, fname, size,
                                               " ".join(opts)))
    print("%-28s %9s %9s %9s %8s %8s %8s"
          % ("tool", "MB/s cpu", "MB/s wall", "RSS MB", "/uconv", "/python",
             "/cat"))
    env = dict(os.environ, PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
    results = []
    for label, cmd in tools(a.kempt, opts, have_uconv):
        cpu, wall, rss, status = measure(cmd, path, a.peakrss, a.reps, env)
        speed = size / max(cpu, 1e-3) if cpu is not None else None
        wspeed = size / wall if wall else None
        results.append((label, speed, wspeed, rss, status))
    base = {r[0]: r[1] for r in results}
    for label, speed, wspeed, rss, status in results:
        if speed is None:
            print("%-28s %9s %9s %9s   (exit status %d)"
                  % (label, "-", "-", "-", status))
            continue
        print("%-28s %9.1f %9.1f %9.1f %8s %8s %8s"
              % (label, speed, wspeed, rss,
                 ratio(speed, base.get("uconv -x Any-NFC")),
                 ratio(speed, base.get("python3 NFC loop")),
                 ratio(speed, base.get("cat"))))
    stage_shares(a.kempt, opts, path, size, env)
    sys.stdout.flush()


def stage_shares(kempt, opts, path, size, env):
    """One more run of the default pipeline with --stats: where its time
    goes, stage by stage (exclusive wall time, as kempt measures it)."""
    with tempfile.NamedTemporaryFile(prefix="kempt-stats-") as t:
        with open(path, "rb") as fin, open(os.devnull, "wb") as fout:
            status = subprocess.call([kempt] + opts + ["--stats=" + t.name],
                                     stdin=fin, stdout=fout,
                                     stderr=subprocess.DEVNULL, env=env)
        try:
            secs = json.load(open(t.name)).get("stage_seconds", {})
        except (OSError, ValueError):
            secs = {}
    total = sum(secs.values())
    if status != 0 or not total:
        return
    print("default pipeline, time per stage (--stats): " + ", ".join(
        "%s %.0f%% (%.0f MB/s)" % (k, 100 * v / total, size / max(v, 1e-6))
        for k, v in secs.items()))


def batch_files(data, total_mb=48, nfiles=48):
    """news.txt cut at NUL into nfiles text files (one document each)."""
    d = os.path.join(data, "batch")
    stamp = os.path.join(d, "stamp")
    want = "%d %d\n" % (total_mb, nfiles)
    if os.path.exists(stamp) and open(stamp).read() == want:
        return d
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, "in"))
    per = total_mb * MB // nfiles
    with open(os.path.join(data, "news.txt"), "rb") as f:
        for i in range(nfiles):
            chunk = f.read(per)
            chunk += f.readline()  # end at a line end
            with open(os.path.join(d, "in", "%03d.txt" % i), "wb") as o:
                o.write(chunk.replace(b"\0", b"\n\n"))
    with open(stamp, "w") as f:
        f.write(want)
    return d


def bench_batch(a):
    """Batch mode (-r -o DIR): -j 2 against -j 1, on wall time."""
    out = subprocess.run([a.kempt, "--help"], capture_output=True,
                         text=True).stdout
    if "--jobs" not in out or not os.path.exists(
            os.path.join(a.data, "news.txt")):
        print("\n## batch: skipped (no --jobs or no news.txt)")
        return
    d = batch_files(a.data)
    size = sum(os.path.getsize(os.path.join(d, "in", f))
               for f in os.listdir(os.path.join(d, "in"))) / MB
    print("\n## batch: %d files, %.0f MB, kempt -r -o DIR -j N" % (
        len(os.listdir(os.path.join(d, "in"))), size))
    walls = {}
    for j in (1, 2):
        best = None
        for _ in range(a.reps):
            o = os.path.join(d, "out%d" % j)
            shutil.rmtree(o, ignore_errors=True)
            start = time.monotonic()
            subprocess.call([a.kempt, "-r", "-j", str(j), "-o", o,
                             os.path.join(d, "in")],
                            stderr=subprocess.DEVNULL)
            secs = time.monotonic() - start
            best = secs if best is None else min(best, secs)
        walls[j] = best
        print("-j %d: %.1f s wall, %.1f MB/s" % (j, best, size / best))
    print("-j 2 / -j 1: %.2fx (load %.1f: other work on the machine "
          "lowers it)" % (walls[1] / walls[2], os.getloadavg()[0]))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kempt", default=os.environ.get("KEMPT", "src/kempt"))
    ap.add_argument("--peakrss", default=os.environ.get(
        "PEAKRSS", "tests/hardening/peakrss"))
    ap.add_argument("--data", default=os.path.join(here, "out"))
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--inputs",
                    default="news,mixed,chrome,jsonl,wet,pages,batch")
    a = ap.parse_args()
    pages = eval_pages_dir(here)
    if pages and "pages" in a.inputs.split(","):
        make_pages(a, pages)
    have_uconv = ensure_uconv()
    print("# kempt bench: best of %d runs, one process each, %s"
          % (a.reps, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    print("# machine: %d cores, load %.1f"
          % (os.cpu_count() or 0, os.getloadavg()[0]))
    for name in a.inputs.split(","):
        if name == "batch":
            bench_batch(a)
        else:
            bench_input(name, a, have_uconv)


if __name__ == "__main__":
    main()
