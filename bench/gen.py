#!/usr/bin/env python3
"""gen.py - the inputs of make bench, generated, deterministic.

    python3 bench/gen.py OUTDIR [--mb N]

writes N MB (default 100) of each:
  news.txt     English news-like articles (curly quotes, apostrophes,
               accented names, dashes, numbers), NUL between articles (-z)
  mixed.txt    articles in Cyrillic, Greek, CJK, Arabic and English
               paragraphs mixed, NUL between articles
  chrome.txt   news articles inside pages with site chrome (menus, share
               buttons, "Read more", cookie banners, related posts,
               newsletter boxes, footers, in several languages), NUL-framed
  news.jsonl   the news articles as JSONL records (text in "text")
  news.wet     the news articles as WARC/WET conversion records
A pool of articles is made once from a fixed seed and drawn from in a
seeded order, so every run writes the same bytes.
"""
import json
import os
import random
import sys

MB = 1 << 20
VERSION = "1"

WORDS = """the of and to a in that is was he for it with as his on be at by
had are but from or have an they which one you were her all she there would
their we him been has when who will more no if out so said what up its about
into than them can only other new some could time these two may then do first
any my now such like our over man me even most made after also did many before
must through back years where much your way well down should because each just
those people how too little state good very make world still own see men work
long get here between both life being under never day same another know while
last might us great old year off come since against go came right used take
three council minister government report market prices budget week city
officials talks company shares police court health school election vote plan
water energy climate season team players match coach talks border trade
region province harbour village farmers workers union strike hospital
doctors patients study researchers university data survey percent growth
rates bank loans debt investors quarter profits sales demand supply
""".split()
NAMES = ("José Müller Zoë Renée François Björn Łukasz Søren Ana María Núñez "
         "Chloé Dvořák Ångström Jürgen Élodie Çelik İsmail Gómez O’Brien "
         "Smith Johnson Okafor Nakamura Patel Kowalski Rossi Dubois").split()
PLACES = ("Zürich São Paulo Kraków Montréal Reykjavík Málaga Düsseldorf Nice "
          "Lagos Ottawa Denver Leeds Porto Gdańsk Tromsø Bogotá").split()
CONTRACTIONS = ["don’t", "it’s", "can’t", "won’t", "they’re", "we’ve",
                "isn’t", "the council’s", "the city’s", "people’s"]
RU = ("и в не на что он с как это по но они мы к из у за о же так вы бы "
      "город власти рынок цены правительство неделя министр заявил сегодня "
      "жители школа выборы погода работа страна решение").split()
EL = ("και το η ο να σε με για από που δεν θα είναι στην τα της των κυβέρνηση "
      "πόλη αγορά τιμές υπουργός εβδομάδα σχολείο εκλογές καιρός").split()
AR = ("في من على إلى أن هذا التي الذي مع عن كان قال الحكومة المدينة السوق "
      "الأسعار الوزير الأسبوع المدرسة الانتخابات الطقس العمل البلاد").split()
ZH = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可"
      "主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家"
      "电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
      "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
      "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并")
JA = "東京大阪市政府経済会議発表予定日本語新聞記者報告増加減少調査結果"
CHROME = [
    "ADVERTISEMENT", "Advertisement", "Share on Facebook", "Share on Twitter",
    "Share this article", "Read more: {h}", "Related posts",
    "Sign up for our newsletter", "Subscribe to our newsletter",
    "We use cookies to improve your experience on our site. By continuing "
    "you accept our use of cookies. Accept all cookies",
    "Home | World | Business | Sport | Culture | Opinion",
    "© 2024 {s}. All rights reserved.", "Follow us on Instagram",
    "Most read", "Click here to comment", "Werbung", "Anzeige",
    "Publicité", "Lire aussi : {h}", "Anuncio", "Leer más: {h}",
    "Реклама", "Читайте также: {h}", "Auch interessant: {h}",
    "Skip to main content", "Print this page", "Listen to this article",
]
SITES = ["Harbour News", "The Daily Ledger", "Northern Post", "Metro Times"]


def sentence(r, words=WORDS):
    n = r.randint(8, 28)
    w = [r.choice(words) for _ in range(n)]
    if r.random() < 0.5:
        w[r.randrange(n)] = r.choice(NAMES)
    if r.random() < 0.3:
        w[r.randrange(n)] = r.choice(PLACES)
    if r.random() < 0.3:
        w[r.randrange(n)] = r.choice(CONTRACTIONS)
    if r.random() < 0.2:
        w[r.randrange(n)] = str(r.randint(2, 2024))
    if r.random() < 0.25:
        i = r.randrange(n - 3)
        w[i] = "“" + w[i]
        w[i + 2] = w[i + 2] + ",”"
    if r.random() < 0.1:
        w[r.randrange(n)] = "—"
    s = " ".join(w)
    return s[0].upper() + s[1:] + r.choice([".", ".", ".", "?", "!"])


def headline(r):
    s = " ".join(r.choice(WORDS) for _ in range(r.randint(4, 9)))
    return s[0].upper() + s[1:]


def wrap(text, width):
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    return "\n".join(out + [line])


def news_article(r):
    paras = [headline(r), "By " + r.choice(NAMES) + " " + r.choice(NAMES)]
    wrapped = r.random() < 0.15
    for _ in range(r.randint(4, 12)):
        p = " ".join(sentence(r) for _ in range(r.randint(2, 6)))
        paras.append(wrap(p, 72) if wrapped else p)
    return "\n\n".join(paras) + "\n"


def script_para(r):
    kind = r.randrange(6)
    if kind == 0:
        s = " ".join(r.choice(RU) for _ in range(r.randint(15, 50)))
        return s[0].upper() + s[1:] + ". «Цитата» — ответ."
    if kind == 1:
        s = " ".join(r.choice(EL) for _ in range(r.randint(15, 50)))
        return s[0].upper() + s[1:] + ". «Παράθεση»."
    if kind == 2:
        return "".join(r.choice(ZH) for _ in range(r.randint(30, 120))) + "。"
    if kind == 3:
        return ("".join(r.choice(JA) for _ in range(r.randint(20, 60))) +
                "「引用」、です。")
    if kind == 4:
        return " ".join(r.choice(AR) for _ in range(r.randint(15, 50))) + "."
    return " ".join(sentence(r) for _ in range(r.randint(2, 4)))


def mixed_article(r):
    paras = [headline(r)] + [script_para(r) for _ in range(r.randint(4, 12))]
    return "\n\n".join(paras) + "\n"


def chrome_line(r):
    c = r.choice(CHROME)
    return c.replace("{h}", headline(r)).replace("{s}", r.choice(SITES))


def chrome_page(r):
    top = [chrome_line(r) for _ in range(r.randint(1, 4))]
    body = news_article(r).rstrip("\n").split("\n\n")
    for _ in range(r.randint(1, 4)):
        body.insert(r.randint(2, len(body)), chrome_line(r))
    bottom = ["Related posts\n" + "\n".join(headline(r) for _ in range(4))]
    bottom += [chrome_line(r) for _ in range(r.randint(2, 5))]
    return "\n\n".join(top + body + bottom) + "\n"


def pool(make, seed, count):
    r = random.Random(seed)
    return [make(r) for _ in range(count)]


def write_stream(path, items, size, seed, frame):
    """Write framed items drawn in a seeded order until size bytes."""
    r = random.Random(seed)
    enc = [i.encode() for i in items]
    written, n = 0, 0
    with open(path, "wb") as f:
        if path.endswith(".wet"):
            head = b"software: kempt bench/gen.py\r\n"
            f.write(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: %d"
                    b"\r\n\r\n%s\r\n\r\n" % (len(head), head))
        while written < size:
            rec = frame(enc[r.randrange(len(enc))], n)
            f.write(rec)
            written += len(rec)
            n += 1


def nul(text, n):
    return text + b"\0"


def jsonl(text, n):
    rec = {"id": n, "url": "https://news.example/%d" % n,
           "text": text.decode(), "lang": "en"}
    return json.dumps(rec, ensure_ascii=False).encode() + b"\n"


def wet(text, n):
    return (b"WARC/1.0\r\nWARC-Type: conversion\r\n"
            b"WARC-Target-URI: https://news.example/%d\r\n"
            b"WARC-Date: 2024-05-01T12:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
            b"Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
            % (n, n, len(text)) + text + b"\r\n\r\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench/out"
    mb = int(sys.argv[sys.argv.index("--mb") + 1]) if "--mb" in sys.argv \
        else 100
    os.makedirs(out, exist_ok=True)
    stamp = os.path.join(out, "stamp")
    want = "gen %s %d MB\n" % (VERSION, mb)
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    news = pool(news_article, 1, 3000)
    jobs = [("news.txt", news, nul), ("news.jsonl", news, jsonl),
            ("news.wet", news, wet),
            ("mixed.txt", pool(mixed_article, 2, 2000), nul),
            ("chrome.txt", pool(chrome_page, 3, 3000), nul)]
    for i, (name, items, frame) in enumerate(jobs):
        write_stream(os.path.join(out, name), items, mb * MB, 100 + i, frame)
        print("bench/gen.py: %s/%s" % (out, name))
    with open(stamp, "w") as f:
        f.write(want)


if __name__ == "__main__":
    main()
