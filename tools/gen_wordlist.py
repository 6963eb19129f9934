"""gen_wordlist.py [SCOWL_DIR [STOPWORDS]] > src/lib/wordlist_table.h

Builds kempt's embedded English word list from Debian's scowl package
(default folder /usr/share/dict/scowl, files NAME-KIND.LEVEL). Every
spelling of every list up to level 95 (American, British, Canadian,
Australian and their variants; words, upper-case words, proper names,
abbreviations, roman numerals, hacker words) is taken; contractions and
entries holding anything but letters are left out. Words are lower-cased;
a word keeps the smallest (most common) level of any of its spellings, and
a mark when its most common spelling is capitalised (a proper name).

The table is a hash of the lower-case words (kempt__word_hash in
wordlist.h, mirrored by word_hash below): the top BUCKET_BITS bits of a
word's hash choose a bucket, wl_dir[b] .. wl_dir[b + 1] are the bucket's
entries in wl_entry, and an entry is the low 32 bits of the hash with
its 6 low bits replaced by the word's level index (bits 0-3, into
wl_levels), a proper-name mark (bit 4) and a mark for a spelling with an
inner capital (bit 5: iPhone, McDonald). A lookup compares the 26 bits of
hash left in each entry of one bucket (about 4): a word outside the list
is taken for one with a chance of about 1 in 16 million; words of the
list never collide (checked here).

It also writes the function words of src/data/stopwords.txt (the table
lang.c searches) of at most 8 bytes - all the ASCII ones - as an
open-addressing table keyed by the word's bytes packed little-endian into
64 bits, and the few longer ones as a list, for the glue stage, which
looks up every short token.
"""
import os
import re
import sys

LEVELS = [10, 20, 35, 40, 50, 55, 60, 70, 80, 95]
NAME = re.compile(r'^(.+)-([a-z-]+)\.(\d+)$')


def read_lists(folder):
    """Map each lower-cased word to (level, proper, camel): proper when its
    most common spelling is capitalised, camel when a spelling has a capital
    after its first letter without being all capitals (iPhone, McDonald)."""
    level, low, camel = {}, {}, set()
    for name in sorted(os.listdir(folder)):
        m = NAME.match(name)
        if not m or m.group(2) == 'contractions':
            continue
        lev = int(m.group(3))
        if lev > 95:
            continue
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            for line in f:
                w = line.strip()
                if not w or not w.isalpha() or len(w.encode()) > 64:
                    continue
                k = w.lower()
                level[k] = min(level.get(k, 999), lev)
                if w == k:
                    low[k] = min(low.get(k, 999), lev)
                if not w.isupper() and any(c.isupper() for c in w[1:]):
                    camel.add(k)
    return {k: (v, low.get(k, 999) > v, k in camel)
            for k, v in level.items()}


M64 = (1 << 64) - 1
K1 = 0x9E3779B97F4A7C15
K2 = 0xBF58476D1CE4E5B9
K3 = 0x94D049BB133111EB
BUCKET_BITS = 17
STOP_BITS = 11
STOP_MAX = 8


def word_hash(b):
    """The hash of the lower-case UTF-8 bytes b (kempt__word_hash)."""
    h = (len(b) * K1) & M64
    for i in range(0, len(b), 8):
        c = int.from_bytes(b[i:i + 8].ljust(8, b'\0'), 'little')
        h = ((h ^ c) * K2) & M64
        h ^= h >> 31
    h ^= h >> 30
    h = (h * K3) & M64
    h ^= h >> 31
    return h


def stop_words(path):
    """Function words of stopwords.txt: word -> language bit mask."""
    words, bit = {}, 0
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        for w in line.split()[1:]:
            words[w] = words.get(w, 0) | (1 << bit)
        bit += 1
    ascii_words = {w: m for w, m in words.items()
                   if w.isascii() and w.isalpha()}
    assert max(len(w) for w in ascii_words) <= STOP_MAX
    return words


def stop_table(words):
    size = 1 << STOP_BITS
    assert 2 * len(words) <= size
    keys, langs = [0] * size, [0] * size
    for w, m in sorted(words.items()):
        k = int.from_bytes(w.encode().ljust(8, b'\0'), 'little')
        i = ((k * K2) & M64) >> (64 - STOP_BITS)
        while keys[i]:
            i = (i + 1) & (size - 1)
        keys[i], langs[i] = k, m
    return keys, langs


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/dict/scowl'
    here = os.path.dirname(os.path.abspath(__file__))
    stop = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, '..', 'src', 'data', 'stopwords.txt')
    words = read_lists(folder)
    nb = 1 << BUCKET_BITS
    buckets = [[] for _ in range(nb)]
    for w in sorted(words):
        h = word_hash(w.encode('utf-8'))
        lev, proper, camel = words[w]
        i = max(j for j, v in enumerate(LEVELS) if v <= lev)
        e = ((h & 0xFFFFFFC0) | (32 if camel else 0) | (16 if proper else 0) |
             i)
        for o in buckets[h >> (64 - BUCKET_BITS)]:
            assert (o ^ e) & 0xFFFFFFC0, 'hash collision: ' + w
        buckets[h >> (64 - BUCKET_BITS)].append(e)
    out = sys.stdout
    out.write('/* Generated by tools/gen_wordlist.py from Debian\'s scowl '
              'package\n * (/usr/share/dict/scowl) and src/data/stopwords.txt;'
              ' see NOTICE-scowl.\n * Do not edit:\n *   python3 '
              'tools/gen_wordlist.py > src/lib/wordlist_table.h\n'
              ' * Format: see the generator. */\n')
    out.write('#define WL_WORDS %d\n#define WL_BUCKET_BITS %d\n' %
              (len(words), BUCKET_BITS))
    out.write('static const unsigned char wl_levels[] = {%s};\n' %
              ', '.join(str(v) for v in LEVELS))
    out.write('static const uint32_t wl_dir[%d] = {\n' % (nb + 1))
    pos, row = 0, []
    for b in buckets + [[]]:
        row.append('%d' % pos)
        pos += len(b)
        if len(row) == 12:
            out.write(','.join(row) + ',\n')
            row = []
    out.write(','.join(row) + '};\n')
    out.write('static const uint32_t wl_entry[WL_WORDS] = {\n')
    row = []
    for b in buckets:
        for e in b:
            row.append('0x%x' % e)
            if len(row) == 8:
                out.write(','.join(row) + ',\n')
                row = []
    out.write(','.join(row) + '};\n')
    stops = stop_words(stop)
    keys, langs = stop_table({w: m for w, m in stops.items()
                              if len(w.encode()) <= STOP_MAX})
    longer = sorted(w for w in stops if len(w.encode()) > STOP_MAX)
    out.write('#define WL_STOP_BITS %d\n' % STOP_BITS)
    out.write('const uint64_t kempt__wl_stop_key[%d] = {\n' % len(keys))
    for i in range(0, len(keys), 6):
        out.write(','.join('0x%x' % k for k in keys[i:i + 6]) + ',\n')
    out.write('};\nconst uint16_t kempt__wl_stop_langs[%d] = {\n' %
              len(langs))
    for i in range(0, len(langs), 12):
        out.write(','.join('0x%x' % k for k in langs[i:i + 12]) + ',\n')
    out.write('};\n#define WL_STOP_LONG %d\n' % len(longer))
    out.write('const struct kempt__stop_long kempt__wl_stop_long[%d] = {\n' %
              max(1, len(longer)))
    for w in longer:
        out.write('{"%s", %d, 0x%x},\n' % (''.join('\\%03o' % b for b in
                                                    w.encode()),
                                          len(w.encode()), stops[w]))
    out.write('};\n')


if __name__ == '__main__':
    main()
