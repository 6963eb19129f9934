/* chrome_edge.c - the chrome stage's checks at the edges of sentences and
 * of the article (called by chrome_class.c):
 *
 * - a phrase of several words ("site by", "sign up now") is read within
 *   one sentence: a '.', '!', '?', ':' (or an ellipsis) followed by a
 *   space and a capital ends one ("... at the site. By morning ..." holds
 *   no "site by").
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"

bool kempt__chrome_sent_gap(const char *p, const struct chrome_tok *a,
                            const struct chrome_tok *b) {
  if (!b->upper)
    return false;
  bool stop = false;
  for (uint32_t i = a->end; i < b->start; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == '.' || c == '!' || c == '?' || c == ':')
      stop = true;
    else if (c == 0xE2 && i + 2 < b->start && (unsigned char)p[i + 1] == 0x80 &&
             (unsigned char)p[i + 2] == 0xA6) /* U+2026 */
      stop = true;
    else if (stop && (c == ' ' || c == '\t' ||
                      (c == 0xC2 && (unsigned char)p[i + 1] == 0xA0)))
      return true;
  }
  return false;
}
