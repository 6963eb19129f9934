/* kempt_stage.h - using one kempt stage on its own.
 *
 * Every stage is a push transformer with the same life cycle: new, feed
 * (bytes or blocks, by kind), finish (end of one document), reset, free.
 * Character stages (decode, repair) take UTF-8 byte chunks of any size and
 * emit byte chunks. Block stages (unwrap, spacing, glue, chrome, dedup)
 * take blocks - one paragraph candidate each - and emit blocks. A stage's
 * output goes to a kempt_sink given at creation.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_STAGE_H
#define KEMPT_STAGE_H

#include "kempt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Block flags. */
enum kempt_block_flag {
  KEMPT_BLOCK_LINES = 1u << 0,   /* line structure is content: keep it */
  KEMPT_BLOCK_REMOVED = 1u << 1, /* dropped (chrome, copy); see rule */
  KEMPT_BLOCK_CUT = 1u << 2,     /* ended at a size cap, not a blank line */
  KEMPT_BLOCK_JOINED = 1u << 3,  /* hard-wrapped lines were joined */
  KEMPT_BLOCK_REFS = 1u << 4,    /* a text browser's list of link targets */
  KEMPT_BLOCK_TITLE = 1u << 5,   /* taken as the document's title */
  KEMPT_BLOCK_SPLIT = 1u << 6    /* a line of a block that unwrap cut into
                                    paragraphs (text dumped one paragraph
                                    per line): the block before it was the
                                    line above it, with no blank line */
};

/* One paragraph candidate: lines separated by '\n', no final newline. The
 * text is valid only during the call that hands it over. */
struct kempt_block {
  const char *text;
  size_t len;
  uint32_t flags;  /* enum kempt_block_flag bits */
  uint32_t nlines; /* number of lines in text (>= 1) */
  uint64_t offset; /* byte offset of its first line in the decoded text */
  uint64_t index;  /* 0-based number of the block in its document */
  const char *rule; /* static: why it was removed, when REMOVED is set */
};

/* Where a stage's output goes. A character stage calls bytes(), a block
 * stage block(); end() is called once at the end of each document, after
 * the stage has flushed. Members a stage does not use may be NULL. */
struct kempt_sink {
  enum kempt_status (*bytes)(void *ud, const char *data, size_t len);
  enum kempt_status (*block)(void *ud, const struct kempt_block *b);
  enum kempt_status (*end)(void *ud);
  void *ud;
};

typedef struct kempt_stage kempt_stage;

/* A new handle of stage 'name' ("decode", "repair", ... and the two
 * internal stages "split" - lines to blocks - and "write" - blocks to
 * paragraph text) with the options of cfg. Returns NULL and sets *err on
 * failure (unknown name: KEMPT_ERR_USAGE). The sink is copied. */
KEMPT_API kempt_stage *kempt_stage_new(const char *name,
                                       const kempt_config *cfg,
                                       const struct kempt_sink *sink,
                                       enum kempt_status *err);

/* 1 if the stage takes blocks (use kempt_stage_feed_block), 0 if bytes. */
KEMPT_API int kempt_stage_takes_blocks(const kempt_stage *st);

/* Feed bytes to a character stage, or the split stage. */
KEMPT_API enum kempt_status kempt_stage_feed(kempt_stage *st, const char *data,
                                             size_t len);

/* Feed one block to a block stage (or the write stage). */
KEMPT_API enum kempt_status kempt_stage_feed_block(kempt_stage *st,
                                                   const struct kempt_block *b);

/* End of document: flush held state into the sink, then call sink end(). */
KEMPT_API enum kempt_status kempt_stage_finish(kempt_stage *st);

/* Drop held state and any sticky error. */
KEMPT_API void kempt_stage_reset(kempt_stage *st);

/* Free the handle; NULL is a no-op. */
KEMPT_API void kempt_stage_free(kempt_stage *st);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_STAGE_H */
