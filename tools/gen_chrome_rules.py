#!/usr/bin/env python3
"""gen_chrome_rules.py [src/data/stopwords.txt] src/data/chrome/*.rules \
    > src/lib/chrome_rules.h

Turns the per-language chrome phrase rules (one "KIND PATTERN" a line, the
language from the file name) into one C table compiled into the chrome
stage: kind and language as their enum values (CK_LINE, KEMPT_LANG_DE), so
that the stage need not look them up by name; a language without a
function-word list (vi.rules) is KEMPT_LANG_NONE: rules of every
language. Each rule gets a static name
for --explain: "KIND PATTERN (LANG)".

The words of each pattern come hashed as the chrome tokenizer
(src/lib/chrome_phrase.c) hashes them, so that building the table costs no
tokenizing: ntok hashes from chrome_rules_toks[tok] on. A pattern with a
character this script leaves to the tokenizer (ntok 0) is tokenized when
the table is built; tests/unit/
test_chromespeed_rules.c checks that both give the same hashes.

A filter on the hashes of the function words of src/data/stopwords.txt
(the one given, or the project's) comes too (chrome_stop_filter): the
chrome stage looks a word up only when its bit is set; regenerate after a
change of that file (tests/unit/test_chromespeed_rules.c fails until
then)."""
import os
import re
import sys
import unicodedata

KINDS = ('line', 'prefix', 'has', 'list', 'cut', 'byline', 'date', 'says',
         'soft', 'bio', 'copula', 'about',
         'caption', 'reply', 'button')

MASK = (1 << 64) - 1
WH_INIT = 0x243f6a8885a308d3
WH_MUL = 0x9e3779b97f4a7c15
NUMBER_HASH = 0x6a09e667f3bcc909
MAX_PATTERN = 256  # as chrome_phrase.c
MAX_TOK = 64       # CHROME_MAXTOK


def word_hash(w):
    """The hash of a word (letters, marks and digits), as the tokenizer
    makes it: the bytes of its lower-case form in chunks of 8,
    little-endian, each mixed in (the last one padded with zero bytes);
    a word without a letter or mark is a number."""
    if not any(unicodedata.category(c)[0] in 'LM' for c in w):
        return NUMBER_HASH
    b = ''.join(c.lower() for c in w).encode('utf-8')
    h = WH_INIT
    for i in range(0, len(b), 8):
        h = ((h ^ int.from_bytes(b[i:i + 8], 'little')) * WH_MUL) & MASK
    return h


def word_char(c):
    """Whether c is a word character (a letter, mark or decimal digit);
    None when the tokenizer should decide (the (c) sign is a token of its
    own; a character whose lower-case form is more than one)."""
    cat = unicodedata.category(c)
    if c == '\u00a9' or cat in ('Cn', 'Co', 'Cs') or len(c.lower()) != 1:
        return None
    return cat[0] in 'LM' or cat == 'Nd'


def pattern_tokens(pat):
    """The word hashes of a pattern as add_rule finds them ('#' is a
    number), or None: let the stage tokenize it."""
    if not 0 < len(pat.encode('utf-8')) < MAX_PATTERN:
        return None
    words, cur = [], ''
    for c in pat.replace('#', '0'):
        w = word_char(c)
        if w is None:
            return None
        if w:
            cur += c
        elif cur:
            words.append(cur)
            cur = ''
    if cur:
        words.append(cur)
    if not 0 < len(words) <= MAX_TOK:
        return None
    return [word_hash(w) for w in words]


def cstr(s):
    out = []
    for c in s:
        if 32 <= ord(c) < 127 and c not in '"\\?':
            out.append(c)
        else:
            out.extend('\\%03o' % b for b in c.encode('utf-8'))
    return '"' + ''.join(out) + '"'


STOP_FILTER_BITS = 8192  # as CHROME_STOP_FILTER_BITS in chrome_int.h


def stop_filter(path):
    """A bit per function word of src/data/stopwords.txt (lower case):
    bit (hash >> 40) % STOP_FILTER_BITS of its hash as the tokenizer makes
    it. A word whose bit is clear is no function word (the cache of the
    chrome stage need not look it up)."""
    bits = [0] * (STOP_FILTER_BITS // 64)
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        for w in line.split()[1:]:
            b = (word_hash(w) >> 40) % STOP_FILTER_BITS
            bits[b // 64] |= 1 << (b % 64)
    return bits


def stop_langs(path):
    """The languages of src/data/stopwords.txt: those the stage can guess
    (an enum kempt_lang each, in src/lib/lang.h). The rules of a file of
    another language (vi.rules, ja.rules) are rules of every language
    (KEMPT_LANG_NONE), as none.rules' are: its phrases must not be text
    of another language."""
    langs = {'none'}
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line and not line.startswith('#'):
            langs.add(line.split()[0])
    return langs


def main(paths):
    rows = []
    stops = [p for p in paths if os.path.basename(p) == 'stopwords.txt']
    paths = [p for p in paths if p not in stops]
    if not stops:  # the project's own, beside the rules
        stops = [os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              '..', 'src', 'data', 'stopwords.txt')]
    listed = stop_langs(stops[0])
    for path in sorted(paths):
        lang = os.path.basename(path).split('.')[0]
        for num, line in enumerate(open(path, encoding='utf-8'), 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            kind, _, pat = line.partition(' ')
            if kind not in KINDS or not pat.strip():
                sys.exit('%s:%d: bad rule %r' % (path, num, line))
            pat = ' '.join(pat.split())
            name = '%s %s (%s)' % (kind, pat, lang)
            rows.append((kind, lang if lang in listed else 'none', pat,
                         name))
    print('/* Generated by tools/gen_chrome_rules.py from src/data/chrome/:')
    print(' *   python3 tools/gen_chrome_rules.py src/data/stopwords.txt '
          'src/data/chrome/LANG.rules... \\')
    print(' *     > src/lib/chrome_rules.h')
    print(' * Do not edit. */')
    toks = []
    print('static const struct chrome_rule_src chrome_rules_src[] = {')
    for kind, lang, pat, name in rows:
        h = pattern_tokens(pat.rstrip())
        at = len(toks)
        toks.extend(h or [])
        print('    {CK_%s, KEMPT_LANG_%s, %s,\n     %s, %d, %d},' % (
            kind.upper(), lang.upper(), cstr(pat), cstr(name),
            len(h) if h else 0, at if h else 0))
    print('};')
    print('static const uint64_t chrome_rules_toks[] = {')
    for i in range(0, len(toks), 3):
        print('    ' + ' '.join('0x%016xull,' % h for h in toks[i:i + 3]))
    print('};')
    bits = stop_filter(stops[0])
    print('/* The function words of src/data/stopwords.txt: a bit each. */')
    print('static const uint64_t chrome_stop_filter[] = {')
    for i in range(0, len(bits), 3):
        print('    ' + ' '.join('0x%016xull,' % b for b in bits[i:i + 3]))
    print('};')


if __name__ == '__main__':
    main(sys.argv[1:])
