/* gzip.h - the gzip layers around a framing (internal).
 *
 * In front: the first bytes of each input stream are looked at; gzip
 * data (magic 1f 8b) is inflated (any number of members) before the
 * framing sees it, other data goes through as it is. Behind: with the
 * core option --gzip, the output is deflated, one member per record when
 * the framing says where records end (WET), else one member per stream.
 * Output bytes are deflated in fixed-size blocks, so that the compressed
 * bytes do not depend on how the input was chunked.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_GZIP_H
#define KEMPT_GZIP_H

#include "internal.h"

struct kempt_gz;

/* Where plain input goes, and where (compressed) output goes. */
struct kempt_gz_ends {
  enum kempt_status (*feed)(void *ud, const char *p, size_t n);
  void *feed_ud;
  kempt_write_fn write;
  void *write_ud;
  struct kempt_report *report;
};

struct kempt_gz *kempt__gz_new(const struct kempt_allocator *a,
                               const kempt_config *cfg,
                               const struct kempt_gz_ends *ends);
void kempt__gz_free(struct kempt_gz *g);

/* Input of the current stream. */
enum kempt_status kempt__gz_feed(struct kempt_gz *g, const char *p, size_t n);
/* End of the input stream: everything held is fed on (call this before
 * the framing's finish). */
enum kempt_status kempt__gz_finish_input(struct kempt_gz *g);
/* Output: a write callback (ud is the kempt_gz). */
enum kempt_status kempt__gz_write(void *g, const char *p, size_t n);
/* A record ended (ud is the kempt_gz): with --gzip, close the member. */
enum kempt_status kempt__gz_record_end(void *g);
/* End of the output of a stream: close the member if one is open. */
enum kempt_status kempt__gz_finish_output(struct kempt_gz *g);
/* Forget the current stream. */
void kempt__gz_reset(struct kempt_gz *g);

#endif
