/* kempt_dedup.h - the dedup stage: no copies, and sentences that removed
 * blocks cut in two joined again.
 *
 * A block stage, the last of the pipeline. It removes (flags
 * KEMPT_BLOCK_REMOVED, with rule "dedup adjacent" or "dedup run", and
 * still passes on) the copies that scrapers make: a paragraph equal to the
 * kept paragraph just before it, and a run of two or more paragraphs equal
 * to an earlier run - the mobile and desktop copies of a page - when the
 * run holds a paragraph of substance (prose of 100 characters or more
 * that ends a sentence, or a list block of three lines or more).
 * Paragraphs are compared by a hash of their text with white space
 * collapsed and case folded. A lone paragraph that repeats one further
 * back stays (articles repeat a question, a refrain on purpose), and so do
 * repeated runs of short lines (recipe steps, a meal plan). The first
 * occurrence is always the one kept.
 *
 * Before that, a kept paragraph that ends without sentence punctuation
 * and the next kept one, if it starts in lower case and only removed
 * blocks stood between them, are joined into one paragraph (flag
 * KEMPT_BLOCK_JOINED); the removed blocks follow it.
 *
 * Memory is bounded: the stage remembers the hashes of up to 32768
 * paragraphs of a document (then it starts a new window) and holds at most
 * 2 MiB of blocks while it is unsure whether a run is a copy.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_DEDUP_H
#define KEMPT_DEDUP_H

#include "kempt_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A dedup stage handle; same as kempt_stage_new("dedup", ...). */
KEMPT_API kempt_stage *kempt_dedup_new(const kempt_config *cfg,
                                       const struct kempt_sink *sink,
                                       enum kempt_status *err);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_DEDUP_H */
