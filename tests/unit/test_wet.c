/* test_wet.c - SHA-1, base32 and the WET framing.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "lib/sha1.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Both ways of compressing: plain C, and the SHA extensions where the CPU
 * has them (else plain C again). */
static bool way(int i) { return i == 1 && kempt__sha1_cpu(); }

static void b32_of(const char *s, size_t n, char out[33], int i) {
  struct kempt_sha1 h;
  unsigned char d[20];
  kempt__sha1_init(&h, way(i));
  for (size_t k = 0; k < n; k++) /* byte by byte: the buffering is tested */
    kempt__sha1_add(&h, s + k, 1);
  kempt__sha1_end(&h, d);
  kempt__base32_20(d, out);
}

static void hex_of(const void *p, size_t n, size_t piece, char out[41],
                   int i) {
  struct kempt_sha1 h;
  unsigned char d[20];
  kempt__sha1_init(&h, way(i));
  for (size_t k = 0; k < n; k += piece)
    kempt__sha1_add(&h, (const char *)p + k, n - k < piece ? n - k : piece);
  kempt__sha1_end(&h, d);
  for (unsigned k = 0; k < 20; k++)
    snprintf(out + 2 * k, 3, "%02x", d[k]);
}

Test(sha1, known_digests) {
  for (int i = 0; i < 2; i++) {
    char b[33];
    unsigned char d[20];
    struct kempt_sha1 h;
    kempt__sha1_init(&h, way(i));
    kempt__sha1_add(&h, "abc", 3);
    kempt__sha1_end(&h, d);
    cr_assert_eq(d[0], 0xa9);
    cr_assert_eq(d[19], 0x9d);
    b32_of("", 0, b, i); /* da39a3ee... */
    cr_assert_str_eq(b, "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    const char *two =
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    kempt__sha1_init(&h, way(i));
    kempt__sha1_add(&h, two, strlen(two));
    kempt__sha1_end(&h, d);
    cr_assert_eq(d[0], 0x84);
    cr_assert_eq(d[1], 0x98);
    cr_assert_eq(d[19], 0xf1);
  }
}

/* FIPS 180 vectors over many blocks, fed whole, in odd pieces and in
 * pieces of whole blocks. */
Test(sha1, long_vectors) {
  const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                     "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
  size_t mega = 1000000;
  char *a = malloc(mega);
  cr_assert(a);
  memset(a, 'a', mega);
  size_t pieces[] = {1000000, 1, 7, 63, 64, 65, 128, 4096};
  for (int i = 0; i < 2; i++) {
    char hex[41];
    hex_of(four, strlen(four), strlen(four), hex, i);
    cr_assert_str_eq(hex, "a49b2446a02c645bf419f995b67091253a04a259");
    for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
      hex_of(a, mega, pieces[k], hex, i);
      cr_assert_str_eq(hex, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    }
  }
  free(a);
}

/* The two ways agree on every length from 0 to 300 of varied bytes. */
Test(sha1, ways_agree) {
  unsigned char buf[300];
  uint32_t x = 12345;
  for (size_t k = 0; k < sizeof buf; k++) {
    x = x * 1103515245u + 12345u;
    buf[k] = (unsigned char)(x >> 23);
  }
  for (size_t n = 0; n <= sizeof buf; n++) {
    char h0[41], h1[41];
    hex_of(buf, n, 1 + n % 70, h0, 0);
    hex_of(buf, n, 300, h1, 1);
    cr_assert_str_eq(h0, h1, "length %zu", n);
  }
}

static const char *const W[] = {"format=wet", "stages=decode", NULL};

static char *record(const char *type, const char *nl, const char *block) {
  char *r = malloc(strlen(block) + 512);
  sprintf(r,
          "WARC/1.0%sWARC-Type: %s%sWARC-Record-ID: <urn:x>%s"
          "WARC-Block-Digest: sha1:AAAA%sContent-Length: %zu%s%s%s%s%s",
          nl, type, nl, nl, nl, strlen(block), nl, nl, block, nl, nl);
  return r;
}

Test(wet, conversion_cleaned_headers_rewritten) {
  char *in = record("conversion", "\r\n", "  Title  \r\n\r\n\r\nBody\n");
  char *out = assert_chunking_invariant(W, in, strlen(in));
  char b[33], want[512];
  b32_of("Title\n\nBody\n", 12, b, 1);
  snprintf(want, sizeof want,
           "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:x>\r\n"
           "WARC-Block-Digest: sha1:%s\r\nContent-Length: 12\r\n\r\n"
           "Title\n\nBody\n\r\n\r\n",
           b);
  cr_assert_str_eq(out, want);
  free(out);
  free(in);
}

Test(wet, lf_only_headers_accepted_and_written_with_crlf) {
  char *in = record("conversion", "\n", "Body\n");
  char *ref = record("conversion", "\r\n", "Body\n");
  char *out = assert_chunking_invariant(W, in, strlen(in));
  char *out2 = assert_chunking_invariant(W, ref, strlen(ref));
  cr_assert_str_eq(out, out2);
  free(out);
  free(out2);
  free(in);
  free(ref);
}

Test(wet, other_records_pass_through_and_digest_removal) {
  char *info = record("warcinfo", "\r\n", "a: b\r\n  \r\n");
  char *conv = record("conversion", "\r\n", " x \n");
  char in[2048];
  snprintf(in, sizeof in, "%s%s", info, conv);
  static const char *const R[] = {"format=wet", "stages=decode",
                                  "block-digest=remove", NULL};
  char *out = assert_chunking_invariant(R, in, strlen(in));
  cr_assert(strncmp(out, info, strlen(info)) == 0, "warcinfo untouched");
  cr_assert_str_eq(out + strlen(info),
                   "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: "
                   "<urn:x>\r\nContent-Length: 2\r\n\r\nx\n\r\n\r\n");
  free(out);
  free(info);
  free(conv);
}

Test(wet, empty_document_and_counts) {
  char *a = record("conversion", "\r\n", " \n\n");
  char *b = record("conversion", "\r\n", "");
  char in[2048];
  snprintf(in, sizeof in, "%s%s%s", a, b, a);
  char *out = assert_chunking_invariant(W, in, strlen(in));
  size_t n = 0;
  for (const char *p = out; (p = strstr(p, "Content-Length: 0\r\n\r\n\r\n"));
       p++)
    n++;
  cr_assert_eq(n, 3);
  free(out);
  free(a);
  free(b);
}

static int warnings;
static void count_warn(void *ud, const char *msg) {
  (void)ud;
  (void)msg;
  warnings++;
}
static enum kempt_status keep(void *ud, const char *p, size_t n) {
  char *o = ud;
  strncat(o, p, n);
  return KEMPT_OK;
}

static char *run_wet(const char *in, size_t n, struct kempt_counters *c) {
  static char out[8192];
  out[0] = '\0';
  warnings = 0;
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_set(cfg, "format", "wet", 0);
  kempt_config_set(cfg, "stages", "decode", 0);
  kempt_config_output(cfg, keep, out);
  kempt_config_warnings(cfg, count_warn, NULL);
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  cr_assert_eq(kempt_feed(k, in, n), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  kempt_get_counters(k, c);
  kempt_free(k);
  return out;
}

Test(wet, lying_content_length) {
  struct kempt_counters c;
  /* too long: the block runs to the end of the input */
  const char *big = "WARC/1.0\r\nWARC-Type: conversion\r\n"
                    "Content-Length: 999999999\r\n\r\nshort\n";
  char *out = run_wet(big, strlen(big), &c);
  cr_assert_not_null(strstr(out, "Content-Length: 6\r\n\r\nshort\n\r\n\r\n"));
  cr_assert_eq(warnings, 1);
  cr_assert_eq(c.documents_out, 1);
  /* too short: the rest is dropped up to the next record */
  const char *small = "WARC/1.0\r\nWARC-Type: conversion\r\n"
                      "Content-Length: 3\r\n\r\nabcdef\n\r\n\r\n"
                      "WARC/1.0\r\nWARC-Type: conversion\r\n"
                      "Content-Length: 2\r\n\r\nz\n\r\n\r\n";
  out = run_wet(small, strlen(small), &c);
  cr_assert_eq(warnings, 1);
  cr_assert_eq(c.documents_in, 2);
  cr_assert_eq(c.documents_out, 2);
  cr_assert_not_null(strstr(out, "Content-Length: 4\r\n\r\nabc\n\r\n\r\n"));
  cr_assert_not_null(strstr(out, "Content-Length: 2\r\n\r\nz\n\r\n\r\n"));
  /* none at all, and a truncated header */
  const char *none = "WARC/1.0\r\nWARC-Type: conversion\r\n\r\nx\r\nWARC/1.0";
  out = run_wet(none, strlen(none), &c);
  cr_assert_eq(c.documents_in, 0);
  cr_assert_str_eq(out, "");
  cr_assert_geq(warnings, 2);
}

/* A record whose header lines pass the 1 MiB cap is dropped whole, up to
 * the next record: the lines after the cap were once taken as the headers
 * of a record without its WARC/ line and written out. */
struct bounded {
  char s[4096];
  size_t n, total;
};
static enum kempt_status keep_bounded(void *ud, const char *p, size_t n) {
  struct bounded *o = ud;
  size_t k = n < sizeof o->s - 1 - o->n ? n : sizeof o->s - 1 - o->n;
  memcpy(o->s + o->n, p, k);
  o->n += k;
  o->s[o->n] = '\0';
  o->total += n;
  return KEMPT_OK;
}

Test(wet, overlong_headers_drop_the_whole_record) {
  const char *next = "WARC/1.0\r\nWARC-Type: conversion\r\n"
                     "Content-Length: 2\r\n\r\nz\n\r\n\r\n";
  size_t cap = (3u << 20), n = 0;
  char *in = malloc(cap);
  n += (size_t)sprintf(in, "WARC/1.0\r\nWARC-Type: conversion\r\n");
  for (int i = 0; n < (3u << 19); i++)
    n += (size_t)sprintf(in + n, "X-Field-%07d: value\r\n", i);
  n += (size_t)sprintf(in + n, "Content-Length: 6\r\n\r\nhello\n\r\n\r\n%s",
                       next);
  static struct bounded out;
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_set(cfg, "format", "wet", 0);
  kempt_config_set(cfg, "stages", "decode", 0);
  kempt_config_output(cfg, keep_bounded, &out);
  kempt_config_warnings(cfg, count_warn, NULL);
  warnings = 0;
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  cr_assert_eq(kempt_feed(k, in, n), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  kempt_free(k);
  cr_assert_eq(out.total, strlen(next), "%zu bytes out", out.total);
  cr_assert_str_eq(out.s, next);
  cr_assert_geq(warnings, 1);
  free(in);
}

Test(wet, many_records_chunking_invariant) {
  size_t cap = 64 * 1024, n = 0;
  char *in = malloc(cap);
  for (int i = 0; i < 60; i++) {
    char block[128];
    snprintf(block, sizeof block, " Page %d \r\n\r\n\r\nsecond\xc2\xa0line\n",
             i);
    char *r =
        record(i % 7 ? "conversion" : "metadata", i % 2 ? "\n" : "\r\n", block);
    memcpy(in + n, r, strlen(r));
    n += strlen(r);
    free(r);
  }
  char *out = assert_chunking_invariant(W, in, n);
  size_t recs = 0;
  for (const char *p = out; (p = strstr(p, "WARC/1.0\r\n")); p++)
    recs++;
  cr_assert_eq(recs, 60);
  free(out);
  free(in);
}

/* ---- gzip in front of and behind the framing ---- */

#include <zlib.h>

/* A gzip member of s, appended to out at *n. */
static void gz_member(const char *s, char *out, size_t *n, size_t cap) {
  z_stream z;
  memset(&z, 0, sizeof z);
  cr_assert_eq(deflateInit2(&z, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY),
               Z_OK);
  z.next_in = (Bytef *)(uintptr_t)s;
  z.avail_in = (uInt)strlen(s);
  z.next_out = (Bytef *)out + *n;
  z.avail_out = (uInt)(cap - *n);
  cr_assert_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
  *n = cap - z.avail_out;
  deflateEnd(&z);
}

/* Members of a gzip stream, each inflated, joined; their count in *m. */
static char *gunzip_all(const char *p, size_t n, int *m) {
  char *out = calloc(1, 1 << 20);
  size_t len = 0;
  *m = 0;
  while (n) {
    z_stream z;
    memset(&z, 0, sizeof z);
    cr_assert_eq(inflateInit2(&z, 31), Z_OK);
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out + len;
    z.avail_out = (uInt)((1 << 20) - 1 - len);
    cr_assert_eq(inflate(&z, Z_FINISH), Z_STREAM_END);
    len = (size_t)((char *)z.next_out - out);
    p += n - z.avail_in;
    n = z.avail_in;
    inflateEnd(&z);
    (*m)++;
  }
  return out;
}

Test(gzip, input_detected_multi_member_any_chunking) {
  char *a = record("conversion", "\r\n", " one \n");
  char *b = record("warcinfo", "\r\n", "x: y\r\n");
  char plain[2048], gz[4096];
  size_t n = 0;
  snprintf(plain, sizeof plain, "%s%s", a, b);
  gz_member(a, gz, &n, sizeof gz);
  gz_member(b, gz, &n, sizeof gz);
  char *want = assert_chunking_invariant(W, plain, strlen(plain));
  char *got = assert_chunking_invariant(W, gz, n);
  cr_assert_str_eq(got, want);
  free(want);
  free(got);
  free(a);
  free(b);
  n = 0;
  gz_member("plain text\n", gz, &n, sizeof gz);
  static const char *const T[] = {"stages=decode", NULL};
  got = assert_chunking_invariant(T, gz, n);
  cr_assert_str_eq(got, "plain text\n");
  free(got);
  got = assert_chunking_invariant(T, "\x1f", 1); /* one byte: not gzip */
  cr_assert(valid_utf8(got, strlen(got)));
  free(got);
}

Test(gzip, output_one_member_per_wet_record) {
  static const char *const G[] = {"format=wet", "stages=decode", "gzip", NULL};
  char *a = record("conversion", "\r\n", " one \n");
  char *b = record("warcinfo", "\r\n", "x: y\r\n");
  char in[2048];
  snprintf(in, sizeof in, "%s%s%s", a, b, a);
  size_t n, pn;
  char *plain = kempt_run(W, in, strlen(in), WHOLE, 0, 0, &pn);
  for (size_t c = 1; c < 9; c += 3) {
    char *gz = kempt_run(G, in, strlen(in), FIXED, c, 0, &n);
    int members;
    char *back = gunzip_all(gz, n, &members);
    cr_assert_eq(members, 3);
    cr_assert_str_eq(back, plain);
    free(back);
    free(gz);
  }
  static const char *const GT[] = {"stages=decode", "gzip", NULL};
  char *gz = kempt_run(GT, "", 0, WHOLE, 0, 0, &n); /* empty: one member */
  int members;
  char *back = gunzip_all(gz, n, &members);
  cr_assert_eq(members, 1);
  cr_assert_str_eq(back, "");
  free(back);
  free(gz);
  free(plain);
  free(a);
  free(b);
}

/* Damaged input: no error, no crash, the same output whatever the
 * chunking. */
Test(wet, random_damage_is_survived) {
  char *a = record("conversion", "\r\n", " One \r\n\r\ntwo\n");
  char *b = record("warcinfo", "\n", "k: v\r\n");
  size_t la = strlen(a), lb = strlen(b);
  char *in = malloc(4 * (la + lb));
  srand(11);
  for (int round = 0; round < 80; round++) {
    size_t n = 0;
    for (int k = 0; k < 4; k++) {
      memcpy(in + n, a, la);
      memcpy(in + n + la, b, lb);
      n += la + lb;
    }
    for (int m = 0; m < 1 + round % 5; m++)
      in[(size_t)rand() % n] = "0123456789\r\n: WA\x1f"[rand() % 17];
    free(assert_chunking_invariant(W, in, n));
  }
  free(in);
  free(a);
  free(b);
}

/* Allocation failure: fail the n-th allocation for n = 0, 1, 2, ... until
 * the run succeeds; every failure comes back as KEMPT_ERR_NOMEM (and the
 * sanitizer build finds any leak). */
static long budget;
static void *fail_malloc(size_t n, void *ud) {
  (void)ud;
  return budget-- > 0 ? malloc(n) : NULL;
}
static void *fail_realloc(void *p, size_t n, void *ud) {
  (void)ud;
  return budget-- > 0 ? realloc(p, n) : NULL;
}
static void std_free(void *p, void *ud) {
  (void)ud;
  free(p);
}
static enum kempt_status drop(void *ud, const char *p, size_t n) {
  (void)ud;
  (void)p;
  (void)n;
  return KEMPT_OK;
}

static void alloc_failures(const char *format, const char *in, size_t n) {
  static const struct kempt_allocator fa = {fail_malloc, fail_realloc, std_free,
                                            NULL};
  for (long k = 0;; k++) {
    cr_assert_lt(k, 10000);
    budget = k;
    kempt_config *cfg = kempt_config_new(&fa);
    if (!cfg)
      continue;
    enum kempt_status st = kempt_config_set(cfg, "format", format, 0);
    if (st == KEMPT_OK)
      st = kempt_config_set(cfg, "gzip", NULL, 0);
    kempt_config_output(cfg, drop, NULL);
    kempt *kp = st == KEMPT_OK ? kempt_new(cfg, &st) : NULL;
    kempt_config_free(cfg);
    if (kp) {
      st = kempt_feed(kp, in, n);
      if (st == KEMPT_OK)
        st = kempt_finish(kp);
      kempt_free(kp);
    }
    if (st == KEMPT_OK)
      break;
    cr_assert_eq(st, KEMPT_ERR_NOMEM, "%s, allocation %ld", format, k);
  }
}

Test(limits, every_allocation_failure_is_a_status) {
  char *a = record("conversion", "\r\n", " One \r\n\r\ntwo\n");
  char gz[2048];
  size_t n = 0;
  gz_member(a, gz, &n, sizeof gz);
  alloc_failures("wet", a, strlen(a));
  alloc_failures("wet", gz, n);
  const char *j = "{\"text\":\" a \\u00e9 \"}\nbad\n";
  alloc_failures("jsonl", j, strlen(j));
  free(a);
}

/* --record-shard=I/N over WET and NUL records: the shards together are
 * the whole. */
Test(wet, record_shards_make_the_whole) {
  char in[8192] = "";
  for (int i = 0; i < 9; i++) {
    char block[64];
    snprintf(block, sizeof block, " Page %d \n", i);
    char *r = record(i == 0 ? "warcinfo" : "conversion", "\r\n", block);
    strcat(in, r);
    free(r);
  }
  char *whole = assert_chunking_invariant(W, in, strlen(in));
  char joined[8192] = "";
  for (int s = 0; s < 3; s++) {
    char opt[32];
    snprintf(opt, sizeof opt, "record-shard=%d/3", s);
    const char *const o[] = {"format=wet", "stages=decode", opt, NULL};
    char *part = assert_chunking_invariant(o, in, strlen(in));
    cr_assert_not_null(strstr(part, s == 0   ? "Page 0"
                                    : s == 1 ? "Page 1"
                                             : "Page 2"));
    strcat(joined, part);
    free(part);
  }
  cr_assert_eq(strlen(joined), strlen(whole));
  free(whole);
  static const char *const N1[] = {"format=nul", "stages=decode",
                                   "record-shard=1/2", NULL};
  size_t len;
  char *out = kempt_run(N1, "a\0b\0c\0d", 7, FIXED, 1, 0, &len);
  cr_assert(len == 6 && memcmp(out, "b\n\0d\n\0", 6) == 0);
  free(out);
}
