/* bench_repair.c - throughput of decode and decode+repair (make bench).
 *
 * Generates English prose (mostly ASCII, curly quotes and a few accents)
 * and mixed-script news-like text (English, German, French, Russian,
 * Greek, Japanese, Korean) in memory, then times the decode stage alone
 * and decode followed by repair, fed in 64 KiB chunks, on one core.
 * bench_repair SIZE_MB [english|mixed FILE]: with a kind and a file, only
 * writes that text to FILE (for the comparisons in bench.sh);
 * bench_repair FILE: times the text of FILE instead.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "kempt_stage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const english[] = {"the",
                                      "of",
                                      "and",
                                      "a",
                                      "to",
                                      "in",
                                      "is",
                                      "that",
                                      "for",
                                      "it",
                                      "as",
                                      "was",
                                      "with",
                                      "be",
                                      "by",
                                      "on",
                                      "not",
                                      "he",
                                      "this",
                                      "are",
                                      "or",
                                      "his",
                                      "from",
                                      "at",
                                      "which",
                                      "but",
                                      "have",
                                      "an",
                                      "had",
                                      "they",
                                      "government",
                                      "minister",
                                      "said",
                                      "people",
                                      "election",
                                      "market",
                                      "company",
                                      "report",
                                      "year",
                                      "week",
                                      "city",
                                      "police",
                                      "court",
                                      "it\xe2\x80\x99s",
                                      "don\xe2\x80\x99t",
                                      "caf\xc3\xa9",
                                      "\xe2\x80\x9cwe",
                                      "know\xe2\x80\x9d",
                                      "2024",
                                      "percent",
                                      "\xe2\x80\x94",
                                      "public"};
static const char *const mixed[] = {
    "Stra\xc3\x9f"
    "e",
    "M\xc3\xbcnchen",
    "\xc3\xbc"
    "ber",
    "Gr\xc3\xb6\xc3\x9f"
    "e",
    "\xc3\xa9t\xc3\xa9",
    "d\xc3\xa9j\xc3\xa0",
    "fran\xc3\xa7"
    "ais",
    "\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb"
    "\xd1\x8c\xd1\x81\xd1\x82\xd0\xb2\xd0\xbe",
    "\xd0\xb2",
    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
    "\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8",
    "\xce\xba\xcf\x85\xce\xb2\xce\xad\xcf\x81\xce\xbd\xce\xb7\xcf\x83\xce\xb7",
    "\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae\xe6\x94\xbf\xe5\xba\x9c",
    "\xe3\x83\x8b\xe3\x83\xa5\xe3\x83\xbc\xe3\x82\xb9",
    "\xec\xa0\x95\xeb\xb6\x80\xeb\x8a\x94",
    "\xec\x84\x9c\xec\x9a\xb8",
    "the",
    "and",
    "market",
    "said",
    "2024",
    "\xe2\x80\x9cnews\xe2\x80\x9d"};

static size_t gen(char *buf, size_t size, const char *const *words,
                  size_t nwords) {
  size_t n = 0, w = 0;
  unsigned seed = 12345;
  while (n + 64 < size) {
    seed = seed * 1103515245u + 12345u;
    const char *word = words[(seed >> 8) % nwords];
    size_t len = strlen(word);
    memcpy(buf + n, word, len);
    n += len;
    w++;
    buf[n++] = w % 97 == 0 ? '\n' : w % 13 == 0 ? '.' : ' ';
    if (buf[n - 1] == '.')
      buf[n++] = ' ';
  }
  buf[n++] = '\n';
  return n;
}

static enum kempt_status to_null(void *ud, const char *p, size_t n) {
  (void)p;
  *(size_t *)ud += n;
  return KEMPT_OK;
}

static enum kempt_status to_stage(void *ud, const char *p, size_t n) {
  return kempt_stage_feed(ud, p, n);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* MB/s of decode (and repair when with_repair) over buf, best of 3. */
static double run(const char *buf, size_t n, int with_repair) {
  double best = 1e30;
  for (int round = 0; round < 3; round++) {
    size_t out = 0;
    kempt_config *cfg = kempt_config_new(NULL);
    struct kempt_sink null = {to_null, NULL, NULL, &out};
    kempt_stage *rep =
        with_repair ? kempt_stage_new("repair", cfg, &null, NULL) : NULL;
    struct kempt_sink next = {to_stage, NULL, NULL, rep};
    kempt_stage *dec =
        kempt_stage_new("decode", cfg, with_repair ? &next : &null, NULL);
    double t0 = now();
    for (size_t i = 0; i < n; i += 65536)
      kempt_stage_feed(dec, buf + i, n - i < 65536 ? n - i : 65536);
    kempt_stage_finish(dec);
    if (rep)
      kempt_stage_finish(rep);
    double t = now() - t0;
    best = t < best ? t : best;
    kempt_stage_free(dec);
    kempt_stage_free(rep);
    kempt_config_free(cfg);
  }
  return (double)n / 1e6 / best;
}

/* bench_repair FILE: the same two figures for a file's text. */
static int bench_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 1;
  size_t cap = 1 << 20, n = 0, r;
  char *buf = malloc(cap);
  while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) {
      char *q = realloc(buf, cap *= 2);
      if (!q)
        break;
      buf = q;
    }
  }
  fclose(f);
  if (!buf)
    return 1;
  printf("%s %zu MB: decode %.0f MB/s, decode+repair %.0f MB/s\n", path,
         n / 1000000, run(buf, n, 0), run(buf, n, 1));
  free(buf);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && (argv[1][0] < '0' || argv[1][0] > '9'))
    return bench_file(argv[1]);
  size_t mb = argc > 1 ? (size_t)atoi(argv[1]) : 100;
  size_t size = mb * 1000000;
  char *buf = malloc(size + 128);
  if (!buf)
    return 1;
  if (argc > 3) {
    int en = strcmp(argv[2], "english") == 0;
    size_t n = en ? gen(buf, size, english, sizeof english / sizeof *english)
                  : gen(buf, size, mixed, sizeof mixed / sizeof *mixed);
    FILE *f = fopen(argv[3], "wb");
    int ok = f && fwrite(buf, 1, n, f) == n;
    if (f)
      ok = fclose(f) == 0 && ok;
    free(buf);
    return ok ? 0 : 1;
  }
  const struct {
    const char *name;
    const char *const *words;
    size_t n;
  } kinds[] = {{"english", english, sizeof english / sizeof *english},
               {"mixed", mixed, sizeof mixed / sizeof *mixed}};
  for (size_t k = 0; k < 2; k++) {
    size_t n = gen(buf, size, kinds[k].words, kinds[k].n);
    double d = run(buf, n, 0), dr = run(buf, n, 1);
    printf("%-8s %zu MB: decode %.0f MB/s, decode+repair %.0f MB/s\n",
           kinds[k].name, n / 1000000, d, dr);
  }
  free(buf);
  return 0;
}
