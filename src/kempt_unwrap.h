/* kempt_unwrap.h - the unwrap stage: whole paragraphs out of hard-wrapped
 * lines.
 *
 * A block stage. Each block is either a paragraph that a text dumper
 * wrapped at a fixed width, which comes out as one line (flag
 * KEMPT_BLOCK_JOINED), or text whose line structure is content - a list,
 * verse, a table, an address, a menu - which keeps its lines (flag
 * KEMPT_BLOCK_LINES) without their common indentation. A block is taken
 * as wrapped when its lines break where the next word would not have
 * fitted, start in lower case and seldom end a sentence; a block of one
 * or two breaks only when they fall at the wrap width that the document's
 * other blocks show. When unsure, lines are kept. A hard-wrapped block
 * holding several paragraphs (a short line ending a sentence ends one)
 * comes out as one block per paragraph. Lines of Han and kana text are
 * joined without a space. Lines that a dumper cut at its line-length
 * limit (w3m: about 1023 columns) are joined again.
 * End-of-line hyphens are removed when the joined word occurs elsewhere in
 * the document, and kept otherwise ("long-term"). Text browsers' link
 * markers ("[12]Share") are removed; their "References" list of numbered
 * URLs is flagged KEMPT_BLOCK_REFS (the chrome stage removes it). Removed
 * blocks pass through unchanged. The stage holds a document's blocks until
 * kempt_stage_finish() (up to 4 MiB; past that, a window of that size).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_UNWRAP_H
#define KEMPT_UNWRAP_H

#include "kempt_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An unwrap stage handle; same as kempt_stage_new("unwrap", ...). */
KEMPT_API kempt_stage *kempt_unwrap_new(const kempt_config *cfg,
                                        const struct kempt_sink *sink,
                                        enum kempt_status *err);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_UNWRAP_H */
