#!/usr/bin/env python3
"""limits.py - make check-limits: kempt(1) on huge, hostile inputs.

Each input is generated on the fly and piped into kempt (nothing is
written to disk). For each one: exit status 0 (warnings are allowed: a
limit reached is not an error), peak resident memory (the child's
ru_maxrss) under the cap (--rss-mb, default 64), output valid UTF-8, no
hang (a time limit per input), and a check of the output where one is
known. When the memory cap is broken or a run hangs, each optional stage
is run alone (--stages=NAME) to tell which stage is at fault.

Inputs (sizes times --scale): a 1 GB document with no newline, a 100 MB
line between two paragraphs, 10 million blank lines, a 50 MB "word",
300 MB of ordinary paragraphs in one document, 3 million distinct short
paragraphs, 5 million copies of one paragraph, 10 million empty
NUL-framed documents, a 500 MB JSONL record and a WET record whose
Content-Length lies (when those framings exist).
"""
import argparse
import codecs
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

MB = 1 << 20
PROSE = ("The council met on Tuesday to discuss the harbour budget, and "
         "the mayor said that the work would be finished by May. Caf\u00e9 "
         "owners on the quay were \u201cquietly hopeful\u201d about the "
         "plan. \u041c\u043e\u0441\u043a\u0432\u0430 \u03b1\u03b8\u03ae\u03bd"
         "\u03b1 \u6771\u4eac \u0627\u0644\u0642\u0627\u0647\u0631\u0629. ")


def repeat(unit, total, block=MB):
    """Yield total bytes made of unit repeated, in blocks of ~block."""
    piece = unit * max(1, block // len(unit))
    sent = 0
    while sent < total:
        n = min(len(piece), total - sent)
        yield piece[:n]
        sent += n


def gen_no_newline(size):
    yield from repeat(PROSE.encode(), size)


def gen_long_line(size):
    yield b"A first paragraph of ordinary text, short and plain.\n\n"
    yield from repeat(PROSE.encode(), size)
    yield b"\n\nA last paragraph of ordinary text, short and plain.\n"


def gen_blank_lines(count):
    yield b"The first paragraph of the page is here and says something.\n"
    unit = b"\n" * 7 + b"  \n" + b"\r\n" + b"\t\n"
    yield from repeat(unit, count // 10 * len(unit))
    yield b"The last paragraph of the page is here and says something too.\n"


def gen_long_word(size):
    yield b"Before the word. "
    yield from repeat(b"abcDefGhiJklMno", size)
    yield b" after the word.\n"


def gen_paragraphs(size):
    """Distinct paragraphs (dedup must keep them all), ~1 MB at a time."""
    words = PROSE.split()
    sent, n = 0, 0
    while sent < size:
        block = []
        for _ in range(1500):
            k = n % len(words)
            block.append("Report %d says that %s %s\n\n" % (
                n, " ".join(words[k:] + words[:k]), PROSE))
            n += 1
        data = "".join(block).encode()[:size - sent]
        yield data
        sent += len(data)


def gen_short_paragraphs(count):
    """Many distinct short paragraphs: per-paragraph state must stay
    bounded (and hash tables must not fill up)."""
    n = 0
    while n < count:
        k = min(count - n, 50000)
        yield "".join("Paragraph %d is here.\n\n" % i
                      for i in range(n, n + k)).encode()
        n += k


def gen_copies(count):
    unit = (b"The committee will meet again next week to vote on the "
            b"harbour plan.\n\n")
    yield from repeat(unit, count * len(unit))


def gen_nul_docs(count):
    yield from repeat(b"\0", count)


def gen_jsonl(size):
    yield b'{"id": 1, "url": "https://example.com/a", "text": "'
    unit = (PROSE.replace('\u201c', '\\"').replace('\u201d', '\\u201d')
            .encode() + b"\\n\\n")
    yield from repeat(unit, size)
    yield b'"}\n{"id": 2, "text": "A small record after the big one."}\n'


def gen_wet(size):
    body = b"A page of text that is much longer than its header says.\n"
    yield (b"WARC/1.0\r\nWARC-Type: conversion\r\n"
           b"WARC-Target-URI: http://example.com/\r\n"
           b"Content-Length: 100\r\n\r\n")
    yield from repeat(body, size)
    yield (b"\r\n\r\nWARC/1.0\r\nWARC-Type: conversion\r\n"
           b"Content-Length: 999999999999\r\n\r\nShort body.\r\n\r\n")


def gen_wet_big(size):
    """One record whose Content-Length is huge and true up to the end of
    the input: the cleaned block is kept only up to --max-record."""
    yield (b"WARC/1.0\r\nWARC-Type: conversion\r\n"
           b"Content-Length: 999999999999999\r\n\r\n")
    yield from repeat(PROSE.encode() + b"\n", size)


def cases(scale):
    def s(n):
        return max(1, int(n * scale))
    return [
        ("1 GB document, no newline", [], gen_no_newline, s(1024 * MB)),
        ("100 MB line", [], gen_long_line, s(100 * MB)),
        ("10 million blank lines", [], gen_blank_lines, s(10_000_000)),
        ("50 MB word", [], gen_long_word, s(50 * MB)),
        ("300 MB of paragraphs, one document", [], gen_paragraphs,
         s(300 * MB)),
        ("3 million distinct short paragraphs", [], gen_short_paragraphs,
         s(3_000_000)),
        ("5 million copies of a paragraph", [], gen_copies, s(5_000_000)),
        ("10 million empty NUL documents", ["-z"], gen_nul_docs,
         s(10_000_000)),
        ("500 MB JSONL record", ["--format=jsonl"], gen_jsonl, s(500 * MB)),
        ("WET record whose Content-Length lies", ["--format=wet"], gen_wet,
         s(200 * MB)),
        ("WET record of 200 MB", ["--format=wet"], gen_wet_big, s(200 * MB)),
    ]


def framing_exists(kempt, args):
    """Whether kempt accepts the framing options (exit 2 = usage error)."""
    r = subprocess.run([kempt] + args, input=b"", capture_output=True)
    return r.returncode != 2


PEAKRSS = os.environ.get("PEAKRSS", "")


def run(kempt, args, gen, size, timeout):
    """Run kempt over the generated input; returns a result dict."""
    rssfile = tempfile.NamedTemporaryFile(prefix="kempt-rss-")
    wrap = [PEAKRSS, rssfile.name] if PEAKRSS else []
    p = subprocess.Popen(wrap + [kempt] + args, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    res = {"in": 0, "out": 0, "utf8": True, "stderr": [], "nerr": 0,
           "killed": False, "tail": b""}

    def feed():
        try:
            for chunk in gen(size):
                p.stdin.write(chunk)
                res["in"] += len(chunk)
        except (BrokenPipeError, OSError):
            pass
        finally:
            try:
                p.stdin.close()
            except OSError:
                pass

    def errors():
        for line in p.stderr:
            res["nerr"] += 1
            if len(res["stderr"]) < 3:
                res["stderr"].append(line.decode("utf-8", "replace").strip())

    def kill():  # kempt and the peakrss parent: their own group
        res["killed"] = True
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass

    threads = [threading.Thread(target=feed), threading.Thread(target=errors)]
    for t in threads:
        t.start()
    timer = threading.Timer(timeout, kill)
    timer.start()
    start = time.monotonic()
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    while True:
        chunk = p.stdout.read(MB)
        if not chunk:
            break
        res["out"] += len(chunk)
        res["tail"] = (res["tail"] + chunk)[-200:]
        if res["out"] <= 64 * 1024:
            res.setdefault("head", b"")
            res["head"] += chunk[:64 * 1024]
        if res["utf8"]:
            try:
                dec.decode(chunk)
            except UnicodeDecodeError:
                res["utf8"] = False
    if res["utf8"]:
        try:
            dec.decode(b"", final=True)
        except UnicodeDecodeError:
            res["utf8"] = False
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = 0  # reaped here: keep Popen from waiting again
    timer.cancel()
    for t in threads:
        t.join()
    res["secs"] = time.monotonic() - start
    res["rss_mb"] = usage.ru_maxrss / 1024
    if PEAKRSS:
        with open(rssfile.name) as f:
            text = f.read().split()
        res["rss_mb"] = int(text[0]) / 1024 if text else 0.0
    rssfile.close()
    res["status"] = (os.WEXITSTATUS(status) if os.WIFEXITED(status)
                     else -os.WTERMSIG(status))
    if PEAKRSS and res["status"] > 128:
        res["status"] = 128 - res["status"]  # killed by a signal
    return res


def optional_stages(kempt):
    out = subprocess.run([kempt, "--list-stages"], capture_output=True,
                         text=True).stdout
    return [l.split()[0] for l in out.splitlines()
            if l.strip() and "always runs" not in l]


def blame(kempt, args, gen, size, timeout, cap, hung):
    """Run each optional stage alone: on the whole input after a hang, on
    a quarter of it when memory was over the cap."""
    found, base = [], None
    part = size if hung else max(1, size // 4)
    for st in ["decode"] + optional_stages(kempt):
        r = run(kempt, args + ["--stages=" + st], gen, part, timeout)
        print("#     --stages=%-8s peak RSS %6.1f MB, %5.1f s, exit %d"
              % (st, r["rss_mb"], r["secs"], r["status"]))
        if base is None:  # decode alone: the framing and the core
            base = r["rss_mb"]
            if base > cap / 4 or r["status"] != 0 or r["killed"]:
                found.append("the framing or the core (decode alone)")
        elif r["rss_mb"] > base + cap / 4 or r["status"] != 0 or r["killed"]:
            found.append(st)
    return found


def expect(name, res, stages):
    """What must be true of the output beyond the common checks."""
    head = res.get("head", b"")
    if name.startswith("10 million blank"):
        return res["out"] < 4096 and b"\n\n\n" not in head
    if name.startswith("10 million empty NUL"):
        return res["out"] == res["in"]
    if name.startswith("100 MB line"):
        return b"last paragraph" in res["tail"]
    if name.startswith("5 million copies") and "dedup" in stages:
        return 0 < res["out"] < 64 * 1024  # the copies are dropped
    if name.startswith("300 MB of paragraphs"):
        return res["out"] > res["in"] // 2  # distinct: kept
    return res["out"] > 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kempt", default=os.environ.get("KEMPT", "src/kempt"))
    ap.add_argument("--scale", type=float,
                    default=float(os.environ.get("LIMITS_SCALE", "1")))
    ap.add_argument("--rss-mb", type=float,
                    default=float(os.environ.get("LIMITS_RSS_MB", "64")))
    ap.add_argument("--min-speed", type=float,
                    default=float(os.environ.get("LIMITS_MIN_SPEED", "2")),
                    help="MB/s below which a run counts as a hang "
                    "(time limit: input size / this, at least 60 s)")
    ap.add_argument("--only", default="", help="run inputs whose name "
                    "contains this")
    a = ap.parse_args()
    failed = passed = 0
    print("# kempt limits: peak RSS cap %.0f MB, scale %g"
          % (a.rss_mb, a.scale), flush=True)
    for name, args, gen, size in cases(a.scale):
        if a.only not in name:
            continue
        if args and not framing_exists(a.kempt, args):
            print("SKIP: %s (no framing %s)" % (name, " ".join(args)))
            continue
        nbytes = size if "MB" in name or "GB" in name else size * 25
        timeout = max(60.0, nbytes / MB / a.min_speed)
        r = run(a.kempt, args, gen, size, timeout)
        problems = []
        if r["killed"]:
            problems.append("killed after %.0f s" % timeout)
        if r["status"] != 0:
            problems.append("exit status %d" % r["status"])
        if r["rss_mb"] > a.rss_mb:
            problems.append("peak RSS %.1f MB over the cap" % r["rss_mb"])
        if not r["utf8"]:
            problems.append("output is not valid UTF-8")
        if not problems and not expect(name, r, optional_stages(a.kempt)):
            problems.append("unexpected output (%d bytes)" % r["out"])
        line = ("%s: %d MB in, %d MB out, %.1f s (%.0f MB/s), peak RSS "
                "%.1f MB, %d stderr lines"
                % (name, r["in"] // MB, r["out"] // MB, r["secs"],
                   r["in"] / MB / max(r["secs"], 1e-3), r["rss_mb"],
                   r["nerr"]))
        if problems:
            failed += 1
            print("FAIL: " + line + ": " + "; ".join(problems))
            for e in r["stderr"]:
                print("#     stderr: " + e)
            if r["rss_mb"] > a.rss_mb or r["killed"]:
                bad = blame(a.kempt, args, gen, size, timeout, a.rss_mb,
                            r["killed"])
                print("#     stages alone that hang, or use more than a "
                      "quarter of the cap on a quarter of the input: %s"
                      % (", ".join(bad) or "none alone"))
        else:
            passed += 1
            print("PASS: " + line)
            for e in r["stderr"][:1]:
                print("#     stderr: " + e)
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
