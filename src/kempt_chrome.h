/* kempt_chrome.h - the chrome stage: drop site chrome, keep the article.
 *
 * A block stage that sees a whole document (up to 8 MB or 20,000 lines at
 * a time; a longer document is judged in windows of that size, and a
 * cut-off marker holds for the windows after it). Each line is judged by
 * phrase rules (compiled in from src/data/chrome/LANG.rules for English,
 * French, German, Spanish, Italian, Portuguese, Dutch, Russian, Polish and
 * Swedish; more with the option rules=FILE) and by a classifier of its
 * features (length, function-word density, terminal punctuation,
 * capitalised words, separators, links, text found twice, position and
 * neighbours). The article is the main stretch of good text; chrome is
 * the rest: menus, ads, share buttons, bylines, dates, captions, "Related"
 * lists and teasers, author bios, comments after a marker such as "Leave
 * a Reply" or "NAME says:", footers. The title (a headline before the
 * article) is kept and flagged KEMPT_BLOCK_TITLE. A block whose lines
 * differ is cut into runs; removed runs go downstream flagged
 * KEMPT_BLOCK_REMOVED with a static rule name (the writer drops them, or
 * marks them with keep-chrome=mark) and are reported to --explain.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_CHROME_H
#define KEMPT_CHROME_H

#include "kempt_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A chrome stage handle; same as kempt_stage_new("chrome", ...). Returns
 * NULL and sets *err on failure. */
KEMPT_API kempt_stage *kempt_chrome_new(const kempt_config *cfg,
                                        const struct kempt_sink *sink,
                                        enum kempt_status *err);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_CHROME_H */
