#!/usr/bin/env python3
"""gen_chrome_rules.py [src/data/stopwords.txt] src/data/chrome/*.rules \
    > src/lib/chrome_rules.h

Turns the per-language chrome phrase rules (one "KIND PATTERN" a line, the
language from the file name) into one C table compiled into the chrome
stage: kind and language as their enum values (CK_LINE, KEMPT_LANG_DE), so
that the stage need not look them up by name; a language without a
function-word list (vi.rules) is KEMPT_LANG_NONE: rules of every
language. Each rule gets a static name
for --explain: "KIND PATTERN (LANG)". The names are the members of one
struct of char arrays (chrome_rule_names, with those of the rules of a
--rules file, "KIND (rules file)", at its end), and a rule holds its
name's offset in it (kempt__chrome_rule_name reads it): a pointer a rule
would cost each process a relocation at start (some 7000).

The words of each pattern come hashed as the chrome tokenizer
(src/lib/chrome_phrase.c) hashes them, so that building the table costs no
tokenizing: ntok hashes from chrome_rules_toks[tok] on (ntok 0: a rule
the stage leaves out, too long); tests/unit/test_chromespeed_rules.c
checks that both give the same hashes. A pattern with a character whose
reading only the tokenizer knows (unassigned, or lower-cased to more than
one) is an error.

The finished table comes too (chrome_rules_table: slots, filters, counts),
built here as kempt__chrome_rules_init() builds it from chrome_rules_src,
so that a process need not build it at start (~1.2M instructions); --rules
files go into a copy of it. tests/unit/test_chromespeed_rules.c compares
the two field by field. Each rule's name (member nN of
chrome_rule_names) is one static string whose offset both tables hold. chrome_rules_src and
chrome_rules_toks are there only where CHROME_RULES_SOURCE is defined
(the tests): the library has no use for them, and their pointers would
cost each process their relocations at start.

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
         'caption', 'reply', 'button', 'until')

MASK = (1 << 64) - 1
WH_INIT = 0x243f6a8885a308d3
WH_MUL = 0x9e3779b97f4a7c15
NUMBER_HASH = 0x6a09e667f3bcc909
MAX_PATTERN = 256  # as chrome_phrase.c
MAX_TOK = 64       # CHROME_MAXTOK
COPYRIGHT = '\u00a9'  # the (c) sign: a token of its own, hashed as a word


def word_hash(w):
    """The hash of a word (letters, marks and digits), as the tokenizer
    makes it: the bytes of its lower-case form in chunks of 8,
    little-endian, each mixed in (the last one padded with zero bytes);
    a word without a letter or mark is a number (but the (c) sign)."""
    if w != COPYRIGHT and not any(unicodedata.category(c)[0] in 'LM'
                                  for c in w):
        return NUMBER_HASH
    b = ''.join(c.lower() for c in w).encode('utf-8')
    h = WH_INIT
    for i in range(0, len(b), 8):
        h = ((h ^ int.from_bytes(b[i:i + 8], 'little')) * WH_MUL) & MASK
    return h


def word_char(c):
    """Whether c is a word character (a letter, mark or decimal digit);
    None when the tokenizer should decide (a character whose lower-case
    form is more than one, or that Unicode leaves unassigned)."""
    cat = unicodedata.category(c)
    if cat in ('Cn', 'Co', 'Cs') or len(c.lower()) != 1:
        return None
    return cat[0] in 'LM' or cat == 'Nd'


def pattern_tokens(pat):
    """The word hashes of a pattern as add_rule finds them ('#' is a
    number), or None where add_rule would leave the rule out (too long, no
    word, too many)."""
    if not 0 < len(pat.encode('utf-8')) < MAX_PATTERN:
        return None
    hashes, cur = [], ''
    for c in pat.replace('#', '0') + ' ':
        w = False if c == COPYRIGHT else word_char(c)
        if w is None:
            sys.exit('rule %r: U+%04X, which the tokenizer alone knows how '
                     'to read: leave it out' % (pat, ord(c)))
        if w:
            cur += c
            continue
        if cur:
            hashes.append(word_hash(cur))
            cur = ''
        if c == COPYRIGHT:
            hashes.append(word_hash(c))
    if not 0 < len(hashes) <= MAX_TOK:
        return None
    return hashes


def cstr(s):
    out = []
    for c in s:
        if 32 <= ord(c) < 127 and c not in '"\\?':
            out.append(c)
        else:
            out.extend('\\%03o' % b for b in c.encode('utf-8'))
    return '"' + ''.join(out) + '"'


# The finished table (struct chrome_rules), built as add_words() and
# insert() in src/lib/chrome_phrase.c build it at run time from the same
# rules in the same order; tests/unit/test_chromespeed_rules.c compares
# them.
CK = {k: i + 1 for i, k in enumerate(
    ('line', 'prefix', 'prefixsep', 'has', 'list', 'cut', 'byline', 'date',
     'says', 'soft', 'bio', 'copula', 'about', 'caption', 'reply',
     'button', 'until'))}
FIRST_BITS = 8192    # CHROME_FIRST_BITS
KEY_BITS = 65536     # CHROME_KEY_BITS
PREFIX_BITS = 16384  # CHROME_PREFIX_BITS
HS_BITS = 65536      # CHROME_HS_BITS
SECOND_HS = 31       # CHROME_SECOND_HS
SEQ_INIT = 0x9e3779b97f4a7c15
FIRST_SLOTS = 4096   # the table's first size (grow())


def seq_step(h, tok):
    """kempt__chrome_seq_step."""
    h = ((h << 7) | (h >> 57)) & MASK
    return ((h ^ tok) * 0x100000001b3) & MASK


class Table:
    """struct chrome_rules: its filters, longest rule per kind and an
    open-addressing hash table of rules (linear probing, grown by
    doubling when half full, as in C: the slots come out the same)."""

    def __init__(self):
        self.first = [0] * FIRST_BITS
        self.keys = [0] * (KEY_BITS // 64)
        self.prefix_hs = [0] * (PREFIX_BITS // 64)
        self.first_hs = [0] * (HS_BITS // 64)
        self.maxtok = {}
        self.slots = []
        self.count = 0

    def add(self, kind, lang, hashes, row):
        """add_words(): row is the index of the rule's name."""
        k = CK[kind]
        seq = SEQ_INIT
        for h in hashes:
            seq = seq_step(seq, h)
        key = seq ^ ((k * 0xff51afd7ed558ccd) & MASK)
        self.first[(hashes[0] >> 51) % FIRST_BITS] |= 1 << k
        if kind in ('has', 'soft'):
            if len(hashes) >= 2:
                self.first[(hashes[1] >> 51) % FIRST_BITS] |= 1 << SECOND_HS
            set_bit(self.first_hs, (hashes[0] >> 24) % HS_BITS)
            h = SEQ_INIT
            for prev in hashes[:-1]:
                h = seq_step(h, prev)
                set_bit(self.prefix_hs, (h >> 45) % PREFIX_BITS)
        self.maxtok[kind] = max(self.maxtok.get(kind, 0), len(hashes))
        set_bit(self.keys, (key >> 40) % KEY_BITS)
        self.insert((key, row, kind, lang, len(hashes)))

    def insert(self, rule):
        if not self.slots or 2 * (self.count + 1) > len(self.slots):
            self.grow()
        j = self.probe(rule[0])
        while self.slots[j]:
            o = self.slots[j]
            if (o[0], o[2], o[3]) == (rule[0], rule[2], rule[3]):
                return  # the same rule twice
            j = (j + 1) % len(self.slots)
        self.slots[j] = rule
        self.count += 1

    def probe(self, key):
        return key % len(self.slots)

    def grow(self):
        old = self.slots
        self.slots = [None] * (len(old) * 2 if old else FIRST_SLOTS)
        for rule in old:
            if rule:
                j = self.probe(rule[0])
                while self.slots[j]:
                    j = (j + 1) % len(self.slots)
                self.slots[j] = rule


def set_bit(words, b):
    words[b // 64] |= 1 << (b % 64)


def print_words(name, words, fmt):
    """A C array of words, the zero ones left out."""
    print('    .%s = {' % name)
    for i, w in enumerate(words):
        if w:
            print('        [%d] = %s,' % (i, fmt % w))
    print('    },')


def print_table(t):
    print('/* The rules in their table, as kempt__chrome_rules_init() '
          'builds it. */')
    print('static const struct chrome_rule chrome_rules_slots[%d] = {'
          % len(t.slots))
    for j, rule in enumerate(t.slots):
        if rule:
            key, row, kind, lang, ntok = rule
            print('    [%d] = {0x%016xull, CHROME_RULE_NAME(n%d), CK_%s, '
                  'KEMPT_LANG_%s, %d, 0},' % (j, key, row, kind.upper(),
                                             lang.upper(), ntok))
    print('};')
    print('static const struct chrome_rules chrome_rules_table = {')
    print_words('first', t.first, '0x%08xu')
    print_words('keys', t.keys, '0x%016xull')
    print_words('prefix_hs', t.prefix_hs, '0x%016xull')
    print_words('first_hs', t.first_hs, '0x%016xull')
    print('    .maxtok = {%s},' % ', '.join(
        '[CK_%s] = %d' % (k.upper(), n) for k, n in sorted(t.maxtok.items())))
    print('    .slots = chrome_rules_slots,')
    print('    .mask = %d,' % (len(t.slots) - 1))
    print('    .count = %d,' % t.count)
    print('};')


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


def print_names(rows):
    """Each rule's name (for --explain), the same in both tables: member
    nN of one struct of char arrays (no padding between them), and after
    them the names of the rules of a --rules file by kind
    (chrome_file_rule_names: their offsets)."""
    print('/* Each rule\'s name (for --explain), the same in both tables; a '
          'rule holds\n * its offset (CHROME_RULE_NAME). */')
    print('static const struct chrome_rule_names {')
    for row, (kind, lang, pat, name) in enumerate(rows):
        print('  char n%d[%d];' % (row, len(name.encode('utf-8')) + 1))
    files = sorted(CK.items(), key=lambda kv: kv[1])
    for kind, _ in files:
        print('  char f_%s[%d];' % (kind, len(file_name(kind)) + 1))
    print('} chrome_rule_names = {')
    for row, (kind, lang, pat, name) in enumerate(rows):
        print('    %s,' % cstr(name))
    for kind, _ in files:
        print('    %s,' % cstr(file_name(kind)))
    print('};')
    print('#define CHROME_RULE_NAME(member) \\')
    print('  ((uint32_t)offsetof(struct chrome_rule_names, member))')
    print('/* The name of a rule of kind CK_K from a --rules file. */')
    print('static const uint32_t chrome_file_rule_names[CK_COUNT] = {')
    for kind, _ in files:
        print('    [CK_%s] = CHROME_RULE_NAME(f_%s),' % (kind.upper(), kind))
    print('};')


def file_name(kind):
    """The name of a rule of a --rules file (prefixsep is a prefix)."""
    return '%s (rules file)' % ('prefix' if kind == 'prefixsep' else kind)


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
    print_names(rows)
    toks = []
    table = Table()
    print('#ifdef CHROME_RULES_SOURCE /* the rules, for a test to build the '
          'table from */')
    print('static const struct chrome_rule_src chrome_rules_src[] = {')
    for row, (kind, lang, pat, name) in enumerate(rows):
        h = pattern_tokens(pat.rstrip())
        at = len(toks)
        toks.extend(h or [])
        print('    {CK_%s, KEMPT_LANG_%s, %s,\n     CHROME_RULE_NAME(n%d), %d, '
              '%d},' % (kind.upper(), lang.upper(), cstr(pat), row,
                        len(h) if h else 0, at if h else 0))
        if h:
            sep = kind == 'prefix' and pat.rstrip().endswith(':')
            table.add('prefixsep' if sep else kind, lang, h, row)
    print('};')
    print('static const uint64_t chrome_rules_toks[] = {')
    for i in range(0, len(toks), 3):
        print('    ' + ' '.join('0x%016xull,' % h for h in toks[i:i + 3]))
    print('};')
    print('#endif')
    bits = stop_filter(stops[0])
    print('/* The function words of src/data/stopwords.txt: a bit each. */')
    print('static const uint64_t chrome_stop_filter[] = {')
    for i in range(0, len(bits), 3):
        print('    ' + ' '.join('0x%016xull,' % b for b in bits[i:i + 3]))
    print('};')
    print_table(table)


if __name__ == '__main__':
    main(sys.argv[1:])
