/* fuzz_pipeline.c - fuzz the whole pipeline (kempt_new) in each framing.
 *
 * Control bytes (see fuzz.h): byte 0 cuts the feeds, and its bit 7 sets
 * the smallest block cap (max-block=64); byte 1 chooses the
 * variant: bits 0-1 the framing (text, nul, jsonl, wet: those that
 * kempt_config_set accepts), unless fixed; bit 2 keep-chrome=mark; bit 3
 * two input streams instead of one; bits 4-7 the stages: 0 all (the
 * default), 1..7 one optional stage alone (--stages), 8..15 all but one
 * (--skip). Byte 2 sets some of the stages' and the framing's own
 * options (fz_apply_options). Stages come from kempt_stage_get: none is
 * listed here.
 *
 * Checks: every call returns KEMPT_OK; the output is the same whatever the
 * feed sizes and whether listeners are set; in the text and NUL framings
 * the output is valid UTF-8 and there are as many documents out as in.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STAGES 32

static const char *const candidates[] = {"text", "nul", "jsonl", "wet"};
static const char *framings[4];
static size_t nframings;
static const char *optional[MAX_STAGES];
static size_t noptional;
static const char *fixed;

static int framing_exists(const char *name) {
  kempt_config *cfg = kempt_config_new(NULL);
  FZ_CHECK(cfg != NULL, "kempt_config_new");
  int ok = kempt_config_set(cfg, "format", name, 0) == KEMPT_OK;
  kempt_config_free(cfg);
  return ok;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  const struct kempt_stage_info *si;
  for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++)
    if (framing_exists(candidates[i]))
      framings[nframings++] = candidates[i];
  for (size_t i = 0; (si = kempt_stage_get(i)) != NULL; i++)
    if (si->optional && noptional < MAX_STAGES)
      optional[noptional++] = si->name;
  if (getenv("KEMPT_FUZZ_LIST")) { /* for make fuzz: the targets */
    for (size_t i = 0; i < nframings; i++)
      printf("%s\n", framings[i]);
    exit(0);
  }
  fixed = fz_fixed_target(*argc > 0 ? (*argv)[0] : NULL, "fuzz_pipeline_");
  if (fixed)
    FZ_CHECK(framing_exists(fixed), "no framing named %s", fixed);
  return 0;
}

size_t kempt_fuzz_variants(unsigned char *sel, size_t max) {
  size_t n = 0, nf = fixed ? 1 : nframings, nopt = noptional;
  if (nopt > 7)
    nopt = 7;
  for (size_t f = 0; f < nf; f++) {
    unsigned char base = (unsigned char)f;
    unsigned char extra[3] = {0, 4, 8}; /* default, mark, two streams */
    for (size_t i = 0; i < 3 && n < max; i++)
      sel[n++] = (unsigned char)(base | extra[i]);
    for (size_t i = 0; i < nopt && n + 1 < max; i++) {
      sel[n++] = (unsigned char)(base | (i + 1) << 4);
      sel[n++] = (unsigned char)(base | (i + 8) << 4);
    }
  }
  return n;
}

static void set(kempt_config *cfg, const char *name, const char *value) {
  enum kempt_status st = kempt_config_set(cfg, name, value, 0);
  FZ_CHECK(st == KEMPT_OK, "option %s=%s: %s", name, value, kempt_strerror(st));
}

/* The configuration that selector byte sel asks for. */
static kempt_config *configure(unsigned char sel, int small, unsigned optmask,
                               const char *format, int listen,
                               struct fz_buf *out) {
  kempt_config *cfg = kempt_config_new(NULL);
  FZ_CHECK(cfg != NULL, "kempt_config_new");
  set(cfg, "format", format);
  if (small)
    set(cfg, "max-block", "64");
  if (optmask) {
    const struct kempt_stage_info *si;
    for (size_t i = 0; (si = kempt_stage_get(i)) != NULL; i++)
      fz_apply_options(cfg, si->name, optmask);
    fz_apply_options(cfg, format, optmask);
  }
  if (sel & 4)
    set(cfg, "keep-chrome", "mark");
  size_t v = (size_t)(sel >> 4);
  if (v >= 1 && v <= 7 && v - 1 < noptional)
    set(cfg, "stages", optional[v - 1]);
  else if (v >= 8 && v - 8 < noptional)
    set(cfg, "skip", optional[v - 8]);
  kempt_config_output(cfg, fz_buf_write, out);
  if (listen) {
    kempt_config_events(cfg, fz_check_event, NULL);
    kempt_config_warnings(cfg, fz_check_warning, NULL);
  }
  return cfg;
}

/* Feed one stream in the pieces control chooses, then finish it. */
static void feed_stream(kempt *k, const char *text, size_t len, int control) {
  struct fz_chunker ch;
  fz_chunker_init(&ch, control);
  size_t i = 0;
  do {
    size_t n = fz_chunker_next(&ch, len - i);
    enum kempt_status st = kempt_feed(k, text + i, n);
    FZ_CHECK(st == KEMPT_OK, "feed: %s", kempt_strerror(st));
    i += n;
  } while (i < len);
  enum kempt_status st = kempt_finish(k);
  FZ_CHECK(st == KEMPT_OK, "finish: %s", kempt_strerror(st));
}

/* One run; returns 0 when kempt_new refuses the options. */
static int run(unsigned char sel, int small, unsigned optmask,
               const char *format, const char *text, size_t len, int control,
               int listen, struct fz_buf *out) {
  kempt_config *cfg = configure(sel, small, optmask, format, listen, out);
  enum kempt_status st;
  kempt *k = kempt_new(cfg, &st);
  kempt_config_free(cfg);
  if (!k && optmask && st == KEMPT_ERR_USAGE)
    return 0;
  FZ_CHECK(k != NULL, "kempt_new: %s", kempt_strerror(st));
  size_t half = (sel & 8) ? len / 2 : len;
  feed_stream(k, text, half, control);
  if (sel & 8)
    feed_stream(k, text + half, len - half, control);
  struct kempt_counters c;
  kempt_get_counters(k, &c);
  FZ_CHECK(c.bytes_in == len, "bytes_in %llu, fed %zu",
           (unsigned long long)c.bytes_in, len);
  FZ_CHECK(c.bytes_out == out->len, "bytes_out %llu, written %zu",
           (unsigned long long)c.bytes_out, out->len);
  if (strcmp(format, "text") == 0 || strcmp(format, "nul") == 0)
    FZ_CHECK(c.documents_in == c.documents_out,
             "%s: %llu documents in, %llu out", format,
             (unsigned long long)c.documents_in,
             (unsigned long long)c.documents_out);
  kempt_free(k);
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < FZ_CONTROL || nframings == 0)
    return 0;
  unsigned char control = data[0], sel = data[1], optmask = data[2];
  const char *format = fixed ? fixed : framings[(sel & 3u) % nframings];
  const char *text = (const char *)data + FZ_CONTROL;
  size_t len = size - FZ_CONTROL;
  struct fz_buf whole = {0}, pieces = {0};
  int small = control >> 7;
  if (!run(sel, small, optmask, format, text, len, FZ_WHOLE, 1, &whole))
    return 0; /* options refused */
  run(sel, small, optmask, format, text, len, control, 0, &pieces);
  fz_same(&whole, &pieces, format);
  if (strcmp(format, "text") == 0 || strcmp(format, "nul") == 0)
    FZ_CHECK(fz_valid_utf8(whole.p, whole.len), "%s: output is not UTF-8",
             format);
  fz_buf_free(&whole);
  fz_buf_free(&pieces);
  return 0;
}
