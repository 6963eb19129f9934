/* shard.h - --record-shard=I/N for the record framings (internal): keep
 * records I, I+N, I+2N, ... (counting from 0 in each stream), so that N
 * workers reading the same stream split it without coordination.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_SHARD_H
#define KEMPT_SHARD_H

#include "internal.h"

struct kempt_shard {
  uint64_t i, n; /* n == 0: keep every record */
  uint64_t next; /* number of the next record */
};

/* Read the option from cfg: KEMPT_ERR_USAGE when it is not I/N with
 * 0 <= I < N. */
static inline enum kempt_status kempt__shard_init(struct kempt_shard *s,
                                                  const kempt_config *cfg) {
  const char *v = kempt__opt_str(cfg, "record-shard", NULL);
  uint64_t x[2] = {0, 0};
  size_t k = 0, digits = 0;
  s->i = s->n = s->next = 0;
  if (!v)
    return KEMPT_OK;
  for (; *v && k < 2; v++) {
    if (*v == '/' && k == 0 && digits) {
      k = 1;
      digits = 0;
    } else if (*v >= '0' && *v <= '9' && digits < 18) {
      x[k] = x[k] * 10 + (uint64_t)(*v - '0');
      digits++;
    } else {
      return KEMPT_ERR_USAGE;
    }
  }
  if (k != 1 || !digits || x[1] == 0 || x[0] >= x[1])
    return KEMPT_ERR_USAGE;
  s->i = x[0];
  s->n = x[1];
  return KEMPT_OK;
}

/* Whether the next record is kept (and count it). */
static inline bool kempt__shard_take(struct kempt_shard *s) {
  bool take = !s->n || s->next % s->n == s->i;
  s->next++;
  return take;
}

#endif
