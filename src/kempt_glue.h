/* kempt_glue.h - the glue stage: split words glued together.
 *
 * Where a scraper dropped an inline element, two words can end up as one
 * token: "Antony Blinkenstressed the", "at the summitThe talks". The glue
 * stage splits such a token in two, once, when the evidence is strong:
 * both parts are English words (an embedded SCOWL word list, plus the
 * lists given with the "words" option) or stand alone elsewhere in the same
 * document, with a function word, a case change, a name seen on its own or
 * the spaced pair seen elsewhere. Known words, short tokens, tokens with
 * digits, other scripts or inner punctuation, addresses, handles, all-caps
 * and camel-case words, code lines and text that is not English are left
 * alone. A block stage and a document stage: it holds a document's blocks
 * (up to 4 MB, then it works in windows) and emits them at finish.
 *
 * Option "words" (a file option, repeatable): words, one per line, that are
 * known (never split, and valid parts of a split).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_GLUE_H
#define KEMPT_GLUE_H

#include "kempt_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A glue stage handle; same as kempt_stage_new("glue", ...). */
KEMPT_API kempt_stage *kempt_glue_new(const kempt_config *cfg,
                                      const struct kempt_sink *sink,
                                      enum kempt_status *err);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_GLUE_H */
