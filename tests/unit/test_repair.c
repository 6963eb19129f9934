/* test_repair.c - the repair stage.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_repair.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Repair alone with every chunk size 0 (whole) .. 8; all must agree. */
static void check_opts(const char *const *opts, const char *in, size_t n,
                       const char *want) {
  for (size_t chunk = 0; chunk <= 8; chunk++) {
    size_t len;
    char *out = stage_run("repair", opts, in, n, chunk, &len);
    cr_assert_str_eq(out, want, "chunk %zu: got \"%s\"", chunk, out);
    cr_assert_eq(len, strlen(want), "chunk %zu", chunk);
    free(out);
  }
}
#define CHECK(in, want) check_opts(NULL, in, sizeof(in) - 1, want)
#define CHECK_OPT(opt, in, want)                                               \
  do {                                                                         \
    const char *const o_[] = {opt, NULL};                                      \
    check_opts(o_, in, sizeof(in) - 1, want);                                  \
  } while (0)

/* ---- fast path and streaming ------------------------------------------ */

Test(repair, clean_text_passes_unchanged) {
  CHECK("Plain ASCII line.\nSecond line, no work.\n",
        "Plain ASCII line.\nSecond line, no work.\n");
  CHECK("caf\xc3\xa9 \xd0\xb4\xd0\xbe\xd0\xbc \xe6\x97\xa5\xe6\x9c\xac "
        "\xed\x95\x9c\xea\xb5\xad \xf0\x9f\x98\x80 na\xc3\xafve\n",
        "caf\xc3\xa9 \xd0\xb4\xd0\xbe\xd0\xbc \xe6\x97\xa5\xe6\x9c\xac "
        "\xed\x95\x9c\xea\xb5\xad \xf0\x9f\x98\x80 na\xc3\xafve\n");
  CHECK("no final newline", "no final newline");
  CHECK("", "");
}

Test(repair, chunking_invariant_in_the_pipeline) {
  const char *const opts[] = {"stages=repair", NULL};
  const char in[] =
      "Caf\xc3\x83\xc2\xa9 &amp; can\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t "
      "x\xe2\x80\x8by \xef\xac\x81ne e\xcc\x81 \xc2\x93q\xc2\x94\n"
      "\xd0\xa0\xd2\x91\xd0\xa0\xd1\x95\xd0\xa1\xd0\x82\xd0\xa0\xd1\x95 "
      "&#x92; &notit; &#128512; \xe2\x80\xa8next\n";
  char *out = assert_chunking_invariant(opts, in, sizeof in - 1);
  cr_assert(strstr(out, "Caf\xc3\xa9 & can\xe2\x80\x99t xy fine \xc3\xa9 "
                        "\xe2\x80\x9cq\xe2\x80\x9d"),
            "got \"%s\"", out);
  cr_assert(strstr(out, "\xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe"), "got %s", out);
  free(out);
}

/* A line far longer than a segment, with work near the cuts. */
Test(repair, long_lines_are_cut_the_same_way_whatever_the_chunks) {
  size_t n = 100000;
  char *in = malloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    static const char unit[] = "ab\xc3\x83\xc2\xa9&amp;c \xcc\x81x";
    in[i] = unit[i % (sizeof unit - 1)];
  }
  n -= n % 15; /* whole units only */
  in[n] = '\0';
  size_t wl;
  char *whole = stage_run("repair", NULL, in, n, 0, &wl);
  cr_assert(valid_utf8(whole, wl));
  const size_t sizes[] = {1, 3, 7, 4096, 16383, 16384, 16385, 40000};
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    size_t len;
    char *o = stage_run("repair", NULL, in, n, sizes[k], &len);
    cr_assert_eq(len, wl, "chunk %zu", sizes[k]);
    cr_assert(memcmp(o, whole, wl) == 0, "chunk %zu differs", sizes[k]);
    free(o);
  }
  free(whole);
  free(in);
}

Test(repair, random_bytes_stay_valid_and_chunk_independent) {
  char in[3000];
  srand(11);
  for (int round = 0; round < 10; round++) {
    for (size_t i = 0; i < sizeof in; i++) {
      static const char *const bits[] = {"\xc3", "\x83", "\xc2", "&",    "#",
                                         ";",    "a",    " ",    "\xa9", "\n"};
      in[i] = bits[rand() % 10][0];
      if (rand() % 5 == 0)
        in[i] = (char)(rand() % 256);
    }
    const char *const opts[] = {"stages=repair", NULL};
    char *o = assert_chunking_invariant(opts, in, sizeof in);
    free(o);
  }
}

/* A stage may be fed bytes that are not UTF-8: a lone C1 byte at the end
 * is one byte, never read past (found by the fuzzer: a byte beyond the
 * input was copied out). */
Test(repair, a_lone_c1_byte_at_the_end_is_one_byte) {
  CHECK("a\n\x81", "a\n\x81");
  CHECK("\x90 \x81", "\x90 \x81");
}

/* ---- characters ----------------------------------------------------- */

Test(repair, invisible_characters) {
  CHECK("zero\xe2\x80\x8bwidth soft\xc2\xadhyphen in\xef\xbb\xbfner bom",
        "zerowidth softhyphen inner bom");
  CHECK("word\xe2\x81\xa0joiner", "wordjoiner");
  /* ZWJ kept inside an emoji sequence, removed between letters */
  CHECK("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb a\xe2\x80\x8d"
        "b",
        "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb ab");
  /* ZWNJ kept in Persian, removed in English */
  CHECK("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf "
        "x\xe2\x80\x8cy",
        "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf xy");
}

/* A joiner after a virama shapes the letter before it, also at a word's
 * end: Malayalam's chillu (U+0D28 U+0D4D U+200D), a Devanagari half form
 * before a space; after a letter with no virama at a word's end it goes. */
Test(repair, a_joiner_after_a_virama_stays) {
  CHECK("\xe0\xb4\x85\xe0\xb4\xb5\xe0\xb4\xa8\xe0\xb5\x8d\xe2\x80\x8d "
        "\xe0\xb4\xb5\xe0\xb4\xa8\xe0\xb5\x8d\xe2\x80\x8d.",
        "\xe0\xb4\x85\xe0\xb4\xb5\xe0\xb4\xa8\xe0\xb5\x8d\xe2\x80\x8d "
        "\xe0\xb4\xb5\xe0\xb4\xa8\xe0\xb5\x8d\xe2\x80\x8d.");
  CHECK("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8c x",
        "\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8c x");
  CHECK("\xe0\xb4\xa8\xe2\x80\x8d x", "\xe0\xb4\xa8 x");
}

Test(repair, bidi_controls_only_where_needed) {
  CHECK("\xe2\x80\x8eLeft\xe2\x80\xaa text\xe2\x80\xac", "Left text");
  CHECK("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe2\x80\x8e"
        "ABC",
        "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe2\x80\x8e"
        "ABC");
}

Test(repair, controls_and_terminal_escapes) {
  /* alone, repair sees what decode would have removed */
  CHECK("\x1b[1;31mred\x1b[0m plain\x01 \x7f"
        "end\r\n",
        "red plain end\r\n");
  /* C1 controls: cp1252 where it defines the byte, else kept (sloppy
   * cp1252: no reading, nothing to repair) */
  CHECK("\xc2\x93quoted\xc2\x94 \xc2\x85 \xc2\x81x",
        "\xe2\x80\x9cquoted"
        "\xe2\x80\x9d \xe2\x80\xa6 \xc2\x81x");
}

Test(repair, spaces_and_separators) {
  CHECK("a\xc2\xa0"
        "b\xe2\x80\x89"
        "c\xe3\x80\x80"
        "d\xe2\x80\xaf"
        "e",
        "a b c d e");
  CHECK_OPT("keep-nbsp",
            "a\xc2\xa0"
            "b\xe2\x80\x89"
            "c",
            "a\xc2\xa0"
            "b c");
  CHECK("one\xe2\x80\xa8two\xe2\x80\xa9three", "one\ntwo\n\nthree");
}

Test(repair, ligatures_split) {
  CHECK("\xef\xac\x81nd \xef\xac\x82ow o\xef\xac\x80 o\xef\xac\x83"
        "ce "
        "ba\xef\xac\x84"
        "e",
        "find flow off office baffle");
}

Test(repair, options_fullwidth_and_quotes) {
  CHECK("\xef\xbc\xa1\xef\xbc\x91", "\xef\xbc\xa1\xef\xbc\x91");
  CHECK_OPT("fullwidth", "\xef\xbc\xa1\xef\xbc\x91\xef\xbc\x81", "A1!");
  CHECK_OPT("ascii-quotes",
            "\xe2\x80\x9cit\xe2\x80\x99s\xe2\x80\x9d \xe2\x80\x98x\xe2\x80\x99",
            "\"it's\" 'x'");
}

/* ---- entities -------------------------------------------------------- */

Test(repair, named_entities) {
  CHECK("&amp; &lt;&gt; &copy; &eacute;t&eacute; &NotEqualTilde; &hellip;",
        "& <> \xc2\xa9 \xc3\xa9t\xc3\xa9 \xe2\x89\x82\xcc\xb8 \xe2\x80\xa6");
  CHECK("&nosuch; AT&T R&D &", "&nosuch; AT&T R&D &");
}

Test(repair, legacy_names_without_semicolon) {
  CHECK("&copy 2024, &amp more", "\xc2\xa9 2024, & more");
  /* the attribute rule: not before '=' or an alphanumeric */
  CHECK("?a=1&copy=2 &copyright &notin &not;", "?a=1&copy=2 &copyright "
                                               "&notin \xc2\xac");
}

Test(repair, numeric_entities_follow_html5) {
  CHECK("&#8217; &#x2019; &#X41; &#65", "\xe2\x80\x99 \xe2\x80\x99 A A");
  CHECK("&#x92;&#150;&#x80;", "\xe2\x80\x99\xe2\x80\x93\xe2\x82\xac");
  CHECK("&#0; &#xD800; &#x110000; &#99999999999;",
        "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
  CHECK("&#; &#x; &#a;", "&#; &#x; &#a;");
}

Test(repair, markup_keeps_its_own_references) {
  CHECK("<b>bold</b> &lt;i&gt; &amp; &eacute;\nx &lt;b&gt;\n",
        "<b>bold</b> &lt;i&gt; &amp; \xc3\xa9\nx <b>\n");
}

Test(repair, entities_are_decoded_once) {
  CHECK("&amp;lt; &amp;amp;", "&lt; &amp;");
}

/* ---- normalization ---------------------------------------------------- */

Test(repair, nfc_on_spans) {
  CHECK("e\xcc\x81t\xc3\xa9 A\xcc\x8a \xe2\x84\xab", "\xc3\xa9t\xc3\xa9 "
                                                     "\xc3\x85 \xc3\x85");
  /* reordering of marks, Hangul jamo */
  CHECK("a\xcc\x81\xcc\xa3", "\xe1\xba\xa1\xcc\x81");
  CHECK("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "\xed\x95\x9c");
}

Test(repair, nfkc_on_request) {
  CHECK("x\xc2\xb2 \xe2\x84\x8c", "x\xc2\xb2 \xe2\x84\x8c");
  CHECK_OPT("nfkc", "x\xc2\xb2 \xe2\x84\x8c \xef\xbc\xa1", "x2 H A");
}

/* One line of NormalizationTest.txt: fields separated by ';', code points
 * by spaces. Reads field f into UTF-8 at o; returns its length. */
static size_t field(const char *line, int f, char *o) {
  const char *p = line;
  for (int i = 0; i < f; i++)
    p = strchr(p, ';') + 1;
  size_t n = 0;
  while (*p && *p != ';') {
    char *end;
    unsigned long cp = strtoul(p, &end, 16);
    if (end == p)
      break;
    if (cp < 0x80)
      o[n++] = (char)cp;
    else if (cp < 0x800) {
      o[n++] = (char)(0xC0 | (cp >> 6));
      o[n++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      o[n++] = (char)(0xE0 | (cp >> 12));
      o[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
      o[n++] = (char)(0x80 | (cp & 0x3F));
    } else {
      o[n++] = (char)(0xF0 | (cp >> 18));
      o[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
      o[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
      o[n++] = (char)(0x80 | (cp & 0x3F));
    }
    p = end;
    while (*p == ' ')
      p++;
  }
  o[n] = '\0';
  return n;
}

static FILE *open_normalization_test(int *is_pipe) {
  *is_pipe = 0;
  FILE *f = fopen("/usr/share/unicode/NormalizationTest.txt", "r");
  if (f)
    return f;
  if (access("/usr/share/unicode/NormalizationTest.txt.bz2", R_OK) == 0) {
    *is_pipe = 1;
    return popen("bzip2 -dc /usr/share/unicode/NormalizationTest.txt.bz2", "r");
  }
  return NULL;
}

/* Characters the whole stage changes on purpose besides normalization. */
static int touched_by_other_rules(const char *s) {
  static const char *const marks[] = {
      "\xc2\xa0",     "\xc2\xad",     "\xe2\x80", "\xe2\x81",
      "\xef\xbb\xbf", "\xe3\x80\x80", "\xef\xac", "\xe1\x9a\x80"};
  for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
    if (strstr(s, marks[i]))
      return 1;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)
      return 1;
  return 0;
}

Test(repair, normalization_test_file_in_small_chunks) {
  int is_pipe;
  FILE *f = open_normalization_test(&is_pipe);
  if (!f) {
    cr_skip_test("NormalizationTest.txt not found (Debian package "
                 "unicode-data)");
    return;
  }
  char line[2048], src[1024], nfc[1024], nfkc[1024];
  const char *const kc[] = {"nfkc", NULL};
  size_t checked = 0, lineno = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    if (line[0] == '#' || line[0] == '@' || line[0] == '\n')
      continue;
    field(line, 0, src);
    field(line, 1, nfc);
    field(line, 3, nfkc);
    if (touched_by_other_rules(src) || touched_by_other_rules(nfkc))
      continue;
    size_t chunk = 1 + lineno % 5;
    char *o = stage_run("repair", NULL, src, strlen(src), chunk, NULL);
    cr_assert_str_eq(o, nfc, "NFC, line %zu", lineno);
    free(o);
    o = stage_run("repair", kc, src, strlen(src), chunk, NULL);
    cr_assert_str_eq(o, nfkc, "NFKC, line %zu", lineno);
    free(o);
    checked++;
  }
  if (is_pipe)
    pclose(f);
  else
    fclose(f);
  cr_assert_gt(checked, 15000, "only %zu lines checked", checked);
}

/* ---- mojibake --------------------------------------------------------- */

Test(repair, mojibake_cp1252_and_latin1) {
  CHECK("caf\xc3\x83\xc2\xa9 na\xc3\x83\xc2\xafve", "caf\xc3\xa9 "
                                                    "na\xc3\xafve");
  CHECK("can\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t", "can\xe2\x80\x99t");
  /* Latin-1: the C1 controls are part of the damage */
  CHECK("it\xc3\xa2\xc2\x80\xc2\x99s \xc3\xa2\xc2\x80\xc2\x9cok\xc3\xa2\xc2"
        "\x80\xc2\x9d",
        "it\xe2\x80\x99s \xe2\x80\x9cok\xe2\x80\x9d");
}

Test(repair, mojibake_other_charsets) {
  /* cp1251 */
  CHECK("\xd0\xa0\xd2\x91\xd0\xa0\xd1\x95\xd0\xa1\xd0\x82\xd0\xa0\xd1\x95"
        "\xd0\xa0\xd1\x96\xd0\xa0\xc2\xb5",
        "\xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb3\xd0\xb5");
  /* MacRoman */
  CHECK("wei\xe2\x88\x9a\xc3\xbc", "wei\xc3\x9f");
  /* cp1257, where each repair alone is weak but the whole line reads as
   * UTF-8 (a space stands for a lost NBSP: "Å " was "Š") */
  CHECK("\xc3\x85 iaip \xc3\x84\xc3\x86"
        "domu, kaip \xc3\x84\xc3\x86sivaizduoji. Vis\xc3\x85\xc2\xb3 pirma",
        "\xc5\xa0iaip \xc4\xaf"
        "domu, kaip \xc4\xafsivaizduoji. Vis\xc5\xb3 pirma");
  /* one pair that reads in cp1257 and nothing else: left alone */
  CHECK("\xc3\x85 \xc3\x86sop \xc3\x85\xc2\xb3",
        "\xc3\x85 \xc3\x86sop \xc3\x85\xc2\xb3");
  /* cp437 */
  CHECK("\xe2\x94\x80\xc3\xae"
        "e\xe2\x94\xbc\xc3\xadtina",
        "\xc4\x8c"
        "e\xc5\xa1tina");
}

Test(repair, mojibake_one_word_among_clean_text) {
  /* clean non-ASCII elsewhere on the line does not block a clear repair */
  CHECK("It\xe2\x80\x99s Cond\xc3\x83\xc2\xa9 Nast \xe2\x80\x94 ok",
        "It\xe2\x80\x99s Cond\xc3\xa9 Nast \xe2\x80\x94 ok");
  /* a one-letter Russian word read as cp1252 among clean Russian */
  CHECK("\xe2\x80\x94 \xd0\xbf\xd0\xb5\xd1\x80\xd1\x86\xd0\xb0 "
        "\xc3\x90\xc2\xb8 \xd1\x81\xd0\xbe\xd0\xbb\xd1\x8c",
        "\xe2\x80\x94 \xd0\xbf\xd0\xb5\xd1\x80\xd1\x86\xd0\xb0 "
        "\xd0\xb8 \xd1\x81\xd0\xbe\xd0\xbb\xd1\x8c");
  /* a Korean particle glued to a Latin acronym, with a C1 control */
  CHECK("SNS\xc3\xac\xe2\x80\x94\xc2\x90 ok", "SNS\xec\x97\x90 ok");
  /* a zero-width space read as cp1252, then removed */
  CHECK("a \xc3\xa2\xe2\x82\xac\xe2\x80\xb9"
        "b",
        "a b");
}

Test(repair, mojibake_stacked) {
  /* cp1252 three times */
  CHECK("doesn\xc3\x83\xc6\x92\xc3\x82\xc2\xa2\xc3\x83\xc2\xa2\xc3\xa2"
        "\xe2\x82\xac\xc5\xa1\xc3\x82\xc2\xac\xc3\x83\xc2\xa2\xc3\xa2\xe2"
        "\x82\xac\xc5\xbe\xc3\x82\xc2\xa2t",
        "doesn\xe2\x80\x99t");
  /* cp1252 then cp1257 ("—"); a space after "Š" elsewhere on the line,
   * an implausible lost NBSP in cp1257, does not block the reading */
  CHECK("two films\xc5\xa0 in the series, the fourth film."
        "\xc3\x84\xc2\x81\xc3\xa2\xe2\x80\x9a\xc2\xac\xc3\xa2\xe2\x82\xac"
        "\xc2\x9d",
        "two films\xc5\xa0 in the series, the fourth film.\xe2\x80\x94");
  /* not valid at any depth: left alone */
  CHECK("doesn\xc3\x83\xc6\x92\xc3\x82\xc2\xa2\xc3\xa2\xe2\x80\x9a\xc2\xac"
        "t",
        "doesn\xc3\x83\xc6\x92\xc3\x82\xc2\xa2\xc3\xa2\xe2\x80\x9a\xc2\xac"
        "t");
}

Test(repair, mojibake_cesu8_and_lossy) {
  /* a surrogate pair read as cp1252: U+1F60D */
  CHECK("hi \xc3\xad\xc2\xa0\xc2\xbd\xc3\xad\xc2\xb8\xc2\x8d",
        "hi \xf0\x9f\x98\x8d");
  /* a lost byte: "â€" + U+FFFD */
  CHECK("\xc3\xa2\xe2\x82\xac\xc5\x93x\xc3\xa2\xe2\x82\xac\xef\xbf\xbd",
        "\xe2\x80\x9cx\xef\xbf\xbd");
  /* runs of U+FFFD in the input become one */
  CHECK("a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
        "b",
        "a\xef\xbf\xbd"
        "b");
}

Test(repair, mojibake_a_grave_from_a_space) {
  CHECK("voil\xc3\x83 le travail", "voil\xc3\xa0 le travail");
  CHECK("aten\xc3\x83\xc2\xa7\xc3\x83\xc2\xa3o \xc3\x83 s crian\xc3\x83"
        "\xc2\xa7"
        "as",
        "aten\xc3\xa7\xc3\xa3o \xc3\xa0s crian\xc3\xa7"
        "as");
  CHECK("C O N C L U S \xc3\x83 O", "C O N C L U S \xc3\x83 O");
}

/* Capitals and symbols standing alone between spaces read, a space as a
 * lost NBSP, into a letter (then maybe read again in another charset):
 * too little evidence, even with real mojibake elsewhere on the line. */
Test(repair, mojibake_isolated_capitals_stay) {
  const char *const keep[] = {
      "\xc3\x82 \xc3\x8e \xe2\x80\x94", /* not "З" */
      "\xce\x95 \xce\x95 the",          /* not "ŠŠthe" */
      "\xc3\x99 \xc3\x82 fran\xc3\xa7"
      "ais d\xc3\xa9j\xc3\xa0",
      "\xc3\x85 \xc3\x82 \xc3\x97 \xc3\x9e",
      "\xce\x97 \xce\x9e \xd0\xa0 \xd0\xa0 \xe2\x80\x95 \xe2\x80\xa6",
      "\xc3\x8e \xc3\x82 report the \xc3\x82",
      "\xe6\x9d\xb1\xe4\xba\xac \xc3\x85 \xc3\x82 \xd0\x99"};
  for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
    check_opts(NULL, keep[i], strlen(keep[i]), keep[i]);
  /* "Ã " for "à" is evidence; it does not back "Î ²" read as "Π²", then
   * as "в" in cp1253 */
  CHECK("\xc3\x83 \xcf\x84\xce\xbf \xc2\xb8 \xc3\x8e \xc2\xb2 \xc2\xa8 "
        "\xce\xba\xce\xb1\xce\xb9",
        "\xc3\xa0 \xcf\x84\xce\xbf \xc2\xb8 \xc3\x8e \xc2\xb2 \xc2\xa8 "
        "\xce\xba\xce\xb1\xce\xb9");
  /* a word opened by the letter a space completes is still read */
  CHECK("\xc3\x85 koda \xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9",
        "\xc5\xa0koda \xc3\xa9t\xc3\xa9");
}

Test(repair, mojibake_negatives_stay) {
  const char *const keep[] = {
      "4288\xc3\x97\xe2\x80\xa6",
      "HUHLL \xc3\x95\xe2\x80\xa6",
      "Join ZZAJ\xc3\x89\xe2\x80\x99s list",
      "L\xe2\x80\x99\xc3\xa9pisode 8",
      "2012\xe2\x80\x94\xe2\x88\x9e",
      "SENS\xd0\x95 - Oleg",
      "(-1/2)! = \xe2\x88\x9a\xcf\x80",
      "\xe2\x94\x9c\xe2\x94\xa4"
      "a\xe2\x94\xbc\xe2\x94\x90"
      "a",
      "Bremer/Mccoy \xe2\x80\x93 Dr\xc3\x83\xc2\xa5"
      "ber",
      "There are a lot of \xc3\x83\xe2\x80\x99s here",
      "I'm a fan of Bront\xc3\xab\xe2\x80\xa6\xe2\x80\x9d",
      "\xd0\x92\xd0\x86\xd0\x9a\xd0\x86 is Ukrainian",
      "NICIODAT\xc4\x82\xe2\x84\xa2",
      "a radius of 10 \xc3\x85\xe2\x80\x94",
      "Offering 5\xc3\x97\xc2\xa3"
      "35 pin ups",
      "NESTL\xc3\x89\xc2\xae requiere"};
  for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
    check_opts(NULL, keep[i], strlen(keep[i]), keep[i]);
}

/* ---- explain --------------------------------------------------------- */

struct seen {
  char rules[16][48];
  size_t n;
};

static void on_event(void *ud, const struct kempt_event *ev) {
  struct seen *s = ud;
  if (strcmp(ev->stage, "repair") == 0 && s->n < 16)
    snprintf(s->rules[s->n++], sizeof s->rules[0], "%s@%llu", ev->rule,
             (unsigned long long)ev->offset);
}

static enum kempt_status sink_null(void *ud, const char *p, size_t n) {
  (void)ud;
  (void)p;
  (void)n;
  return KEMPT_OK;
}

Test(repair, explain_names_each_rule_and_offset) {
  struct seen s = {{{0}}, 0};
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_eq(kempt_config_set(cfg, "stages", "repair", 0), KEMPT_OK);
  kempt_config_output(cfg, sink_null, NULL);
  kempt_config_events(cfg, on_event, &s);
  kempt *k = kempt_new(cfg, NULL);
  const char in[] = "ok \xc3\x83\xc2\xa9 &amp; x\xe2\x80\x8by \xc2\xa0z\n";
  cr_assert_eq(kempt_feed(k, in, sizeof in - 1), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  kempt_free(k);
  kempt_config_free(cfg);
  cr_assert_eq(s.n, 4, "%zu events", s.n);
  cr_assert_str_eq(s.rules[0], "entity@8");
  cr_assert_str_eq(s.rules[1], "mojibake utf8-as-cp1252@3");
  cr_assert_eq(strncmp(s.rules[2], "zero-width@", 11), 0, "%s", s.rules[2]);
  cr_assert_eq(strncmp(s.rules[3], "space@", 6), 0, "%s", s.rules[3]);
}

/* Lines that pass the quick checks go out with the clean lines around
 * them; a reference, a control or mojibake after their first character
 * beyond ASCII still gets its repair. */
Test(repair, quick_lines_and_late_work) {
  CHECK("plain line\n\xe2\x80\x9cquoted\xe2\x80\x9d line\nnext\n",
        "plain line\n\xe2\x80\x9cquoted\xe2\x80\x9d line\nnext\n");
  CHECK("caf\xc3\xa9 and more text here &amp; there\nok\n",
        "caf\xc3\xa9 and more text here & there\nok\n");
  CHECK("\xc3\xa9t\xc3\xa9 a long run of ASCII words then caf\xc3\x83\xc2\xa9\n",
        "\xc3\xa9t\xc3\xa9 a long run of ASCII words then caf\xc3\xa9\n");
  CHECK("\xc3\xa9 then a zero\xe2\x80\x8bwidth space\n",
        "\xc3\xa9 then a zerowidth space\n");
}

/* Work at every place among the last sixteen bytes of a line (read as the
 * sixteen that end it) and of a segment; a bidi control stays only in a
 * line with a right-to-left letter, found after a long run of ASCII. */
Test(repair, work_near_the_end_of_a_line) {
  for (size_t pad = 0; pad <= 40; pad++) {
    for (size_t tail = 0; tail <= 20; tail++) {
      char in[256], want[256];
      int k = snprintf(in, sizeof in, "\xc3\xa9%.*s&amp;%.*s\n", (int)pad,
                       "0123456789012345678901234567890123456789", (int)tail,
                       "abcdefghijklmnopqrstuvwxyz");
      snprintf(want, sizeof want, "\xc3\xa9%.*s&%.*s\n", (int)pad,
               "0123456789012345678901234567890123456789", (int)tail,
               "abcdefghijklmnopqrstuvwxyz");
      check_opts(NULL, in, (size_t)k, want);
      k = snprintf(in, sizeof in, "\xe2\x80\x9c%.*s caf\xc3\x83\xc2\xa9%.*s",
                   (int)pad, "0123456789012345678901234567890123456789",
                   (int)tail, "abcdefghijklmnopqrstuvwxyz");
      snprintf(want, sizeof want, "\xe2\x80\x9c%.*s caf\xc3\xa9%.*s", (int)pad,
               "0123456789012345678901234567890123456789", (int)tail,
               "abcdefghijklmnopqrstuvwxyz");
      check_opts(NULL, in, (size_t)k, want);
      k = snprintf(in, sizeof in, "\xc3\xa9 %.*s\x01%.*s\n", (int)pad,
                   "0123456789012345678901234567890123456789", (int)tail,
                   "abcdefghijklmnopqrstuvwxyz");
      snprintf(want, sizeof want, "\xc3\xa9 %.*s%.*s\n", (int)pad,
               "0123456789012345678901234567890123456789", (int)tail,
               "abcdefghijklmnopqrstuvwxyz");
      check_opts(NULL, in, (size_t)k, want);
    }
    char in[256], want[256];
    int k = snprintf(in, sizeof in, "\xe2\x80\x8f%.*s\xd7\xa9\xd7\x9c\n",
                     (int)pad, "0123456789012345678901234567890123456789");
    check_opts(NULL, in, (size_t)k, in); /* Hebrew: the RLM stays */
    k = snprintf(in, sizeof in, "\xe2\x80\x8f%.*s\xc3\xa9\n", (int)pad,
                 "0123456789012345678901234567890123456789");
    snprintf(want, sizeof want, "%.*s\xc3\xa9\n", (int)pad,
             "0123456789012345678901234567890123456789");
    check_opts(NULL, in, (size_t)k, want);
  }
}

/* A character to work on right after a run of Han (whose characters need
 * no look): a zero-width space, fullwidth forms, a no-break space. */
Test(repair, work_right_after_han) {
  CHECK("\xe6\xbc\xa2\xe5\xad\x97\xe2\x80\x8b\xe5\xad\x97\n",
        "\xe6\xbc\xa2\xe5\xad\x97\xe5\xad\x97\n");
  CHECK_OPT("fullwidth", "\xe6\xbc\xa2\xe5\xad\x97\xef\xbc\xa1\xef\xbc\xa2\n",
            "\xe6\xbc\xa2\xe5\xad\x97"
            "AB\n");
  CHECK("\xea\xb0\x80\xea\xb0\x80\xe2\x80\x8b\xea\xb0\x80\xc2\xa0x\n",
        "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80 x\n");
}
