/* kempt_spacing.h - the spacing stage: white space and punctuation spacing.
 *
 * A block stage. Inside each block (paragraph), runs of spaces and tabs
 * become one space and lines are trimmed (a block flagged
 * KEMPT_BLOCK_LINES keeps its indentation and inner runs); a space before
 * , . ; : ! ? and inside brackets is removed, except where the paragraph's
 * language puts one (French keeps it before : ; ! ?, and so does a
 * paragraph whose language is not known); a missing space after a sentence
 * end is added ("March.Prices") when the evidence is strong (never inside
 * URLs, addresses, numbers, initials, file names or code); a mis-directed
 * curly quote is turned the right way when the language and the other
 * quotes of the paragraph make it clear ("further“," to "further”,",
 * "can‘t" to "can’t"; German „…“ stays). Line breaks are kept. Each
 * change is reported with its rule name: collapse-space, trim-space,
 * space-before-punct, space-inside-brackets, missing-space-after-sentence,
 * quote-direction, apostrophe-direction.
 *
 * The language is guessed per paragraph from its function words (the
 * document's first paragraphs decide for a short one); the option
 * "spacing-lang" (en, fr, de, es, it, pt, nl, ru, pl, sv or auto) names it
 * instead.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_SPACING_H
#define KEMPT_SPACING_H

#include "kempt_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A spacing stage handle; same as kempt_stage_new("spacing", ...). It
 * takes blocks (kempt_stage_feed_block) and gives blocks to sink->block. */
KEMPT_API kempt_stage *kempt_spacing_new(const kempt_config *cfg,
                                         const struct kempt_sink *sink,
                                         enum kempt_status *err);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_SPACING_H */
