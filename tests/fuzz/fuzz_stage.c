/* fuzz_stage.c - fuzz each stage on its own (kempt_stage_new by name).
 *
 * Control bytes (see fuzz.h): byte 0 cuts the feeds, and its bit 7 sets
 * the smallest block cap (max-block=64); byte 1 bit 0 chooses
 * raw input (the bytes go straight to the stage: it must not crash) or
 * decoded input (decode runs first, as in the pipeline: the output must be
 * valid UTF-8); the other bits choose the stage unless it is fixed; byte 2
 * sets some of the stage's own options (fz_apply_options). Block
 * stages run as split -> stage -> write. Every stage that the registry
 * lists (kempt_stage_get) is covered, with no list here to keep up.
 *
 * Checks: every call returns KEMPT_OK; the output is the same whatever
 * the feed sizes and whether an explain listener is set; a second document
 * through the same handles gives the same output as the first.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STAGES 32
#define MAX_LINKS 4

static const char *fixed; /* stage fixed by name, or NULL */
static size_t nstages;
static const char *names[MAX_STAGES];
static int takes_blocks[MAX_STAGES];

/* Whether stage name takes blocks, from a probe handle. */
static int probe_blocks(const char *name) {
  kempt_config *cfg = kempt_config_new(NULL);
  struct kempt_sink sink = {fz_buf_write, NULL, NULL, NULL};
  enum kempt_status st;
  FZ_CHECK(cfg != NULL, "kempt_config_new");
  kempt_stage *h = kempt_stage_new(name, cfg, &sink, &st);
  FZ_CHECK(h != NULL, "kempt_stage_new(%s): %s", name, kempt_strerror(st));
  int b = kempt_stage_takes_blocks(h);
  kempt_stage_free(h);
  kempt_config_free(cfg);
  return b;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  const struct kempt_stage_info *si;
  fixed = fz_fixed_target(*argc > 0 ? (*argv)[0] : NULL, "fuzz_stage_");
  for (size_t i = 0; (si = kempt_stage_get(i)) != NULL; i++) {
    FZ_CHECK(nstages < MAX_STAGES, "too many stages");
    names[nstages] = si->name;
    takes_blocks[nstages++] = probe_blocks(si->name);
  }
  if (getenv("KEMPT_FUZZ_LIST")) { /* for make fuzz: the targets */
    for (size_t i = 0; i < nstages; i++)
      printf("%s\n", names[i]);
    exit(0);
  }
  if (fixed) {
    size_t i = 0;
    while (i < nstages && strcmp(names[i], fixed) != 0)
      i++;
    FZ_CHECK(i < nstages, "no stage named %s", fixed);
  }
  return 0;
}

size_t kempt_fuzz_variants(unsigned char *sel, size_t max) {
  size_t n = 0, count = fixed ? 1 : nstages;
  for (size_t s = 0; s < count; s++)
    for (unsigned raw = 0; raw < 2 && n < max; raw++)
      sel[n++] = (unsigned char)(s << 1 | raw);
  return n;
}

/* A chain of stage handles: each one's sink feeds the next. */
struct chain {
  kempt_stage *h[MAX_LINKS];
  int blocks[MAX_LINKS]; /* whether h[i] takes blocks */
  size_t n;
  struct fz_buf out;
};

struct link {
  struct chain *c;
  size_t next;
};

static enum kempt_status link_bytes(void *ud, const char *p, size_t n) {
  struct link *l = ud;
  FZ_CHECK(!l->c->blocks[l->next], "bytes sent to a block stage");
  return kempt_stage_feed(l->c->h[l->next], p, n);
}

static enum kempt_status link_block(void *ud, const struct kempt_block *b) {
  struct link *l = ud;
  FZ_CHECK(l->c->blocks[l->next], "a block sent to a character stage");
  FZ_CHECK(b->len == 0 || b->text != NULL, "block text NULL");
  return kempt_stage_feed_block(l->c->h[l->next], b);
}

static enum kempt_status link_end(void *ud) {
  struct link *l = ud;
  return kempt_stage_finish(l->c->h[l->next]);
}

/* Open the chain of names[0..n) (built from the last to the first);
 * returns 0 when a stage refuses the options (KEMPT_ERR_USAGE). */
static int chain_open(struct chain *c, struct link *links,
                      const char *const *chain_names, size_t n,
                      const kempt_config *cfg, int options) {
  memset(c, 0, sizeof *c);
  c->n = n;
  for (size_t i = n; i-- > 0;) {
    struct kempt_sink sink = {fz_buf_write, NULL, NULL, &c->out};
    if (i + 1 < n) {
      links[i].c = c;
      links[i].next = i + 1;
      sink = (struct kempt_sink){link_bytes, link_block, link_end, &links[i]};
    }
    enum kempt_status st;
    c->h[i] = kempt_stage_new(chain_names[i], cfg, &sink, &st);
    if (!c->h[i] && options && st == KEMPT_ERR_USAGE)
      return 0;
    FZ_CHECK(c->h[i] != NULL, "kempt_stage_new(%s): %s", chain_names[i],
             kempt_strerror(st));
    c->blocks[i] = kempt_stage_takes_blocks(c->h[i]);
  }
  FZ_CHECK(!c->blocks[0], "the chain must start with bytes");
  return 1;
}

static void chain_close(struct chain *c) {
  for (size_t i = 0; i < c->n; i++)
    kempt_stage_free(c->h[i]);
  fz_buf_free(&c->out);
}

/* Feed text in the pieces control chooses (FZ_WHOLE: in one piece), then
 * finish the document. */
static void feed_doc(struct chain *c, const char *text, size_t len,
                     int control) {
  struct fz_chunker ch;
  fz_chunker_init(&ch, control);
  size_t i = 0;
  do {
    size_t k = fz_chunker_next(&ch, len - i);
    enum kempt_status st = kempt_stage_feed(c->h[0], text + i, k);
    FZ_CHECK(st == KEMPT_OK, "feed: %s", kempt_strerror(st));
    i += k;
  } while (i < len);
  enum kempt_status st = kempt_stage_finish(c->h[0]);
  FZ_CHECK(st == KEMPT_OK, "finish: %s", kempt_strerror(st));
}

/* The names of the chain that runs stage s, raw or after decode. */
static size_t plan(size_t s, int raw, const char **out) {
  size_t n = 0;
  if (!raw && strcmp(names[s], "decode") != 0)
    out[n++] = "decode";
  if (takes_blocks[s])
    out[n++] = "split";
  out[n++] = names[s];
  if (takes_blocks[s])
    out[n++] = "write";
  return n;
}

/* Run the chain over text: the first document in pieces, with or without
 * listeners; returns the output, and checks a second document. Returns 0
 * when the stage refuses the options. */
static int run(const char *stage, const char **chain_names, size_t n,
               const char *text, size_t len, int small, unsigned optmask,
               int control, int listen, struct fz_buf *out) {
  kempt_config *cfg = kempt_config_new(NULL);
  FZ_CHECK(cfg != NULL, "kempt_config_new");
  if (small)
    FZ_CHECK(kempt_config_set(cfg, "max-block", "64", 0) == KEMPT_OK,
             "max-block");
  int options = fz_apply_options(cfg, stage, optmask);
  if (listen) {
    kempt_config_events(cfg, fz_check_event, NULL);
    kempt_config_warnings(cfg, fz_check_warning, NULL);
  }
  struct chain c;
  struct link links[MAX_LINKS];
  if (!chain_open(&c, links, chain_names, n, cfg, options)) {
    for (size_t i = 0; i < n; i++)
      kempt_stage_free(c.h[i]);
    kempt_config_free(cfg);
    return 0;
  }
  feed_doc(&c, text, len, control);
  size_t first = c.out.len;
  feed_doc(&c, text, len, 0x47); /* the same document again */
  FZ_CHECK(c.out.len == 2 * first &&
               (first == 0 || memcmp(c.out.p, c.out.p + first, first) == 0),
           "%s: a second document came out differently", chain_names[n - 1]);
  fz_buf_add(out, c.out.p, first);
  chain_close(&c);
  kempt_config_free(cfg);
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < FZ_CONTROL || nstages == 0)
    return 0;
  unsigned char control = data[0], sel = data[1], optmask = data[2];
  const char *text = (const char *)data + FZ_CONTROL;
  size_t len = size - FZ_CONTROL, s = (size_t)(sel >> 1) % nstages;
  int raw = sel & 1;
  if (fixed)
    for (s = 0; strcmp(names[s], fixed) != 0; s++)
      ;
  const char *chain_names[MAX_LINKS];
  size_t n = plan(s, raw, chain_names);
  struct fz_buf whole = {0}, pieces = {0};
  int small = control >> 7;
  if (!run(names[s], chain_names, n, text, len, small, optmask, FZ_WHOLE, 1,
           &whole))
    return 0; /* the stage refuses these options */
  run(names[s], chain_names, n, text, len, small, optmask, control, 0, &pieces);
  fz_same(&whole, &pieces, names[s]);
  if (!raw)
    FZ_CHECK(fz_valid_utf8(whole.p, whole.len), "%s: output is not UTF-8",
             names[s]);
  fz_buf_free(&whole);
  fz_buf_free(&pieces);
  return 0;
}
