/* gzip.c - gzip input detected by its magic bytes, gzip output on request.
 * See gzip.h.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "gzip.h"

#include <zlib.h>

#define GZ_BUF (64 * 1024)

enum mode { M_START, M_ONE, M_PLAIN, M_GZIP, M_TAIL };

struct kempt_gz {
  const struct kempt_allocator *alloc;
  struct kempt_gz_ends e;
  enum mode mode;
  unsigned char first; /* the first byte, while it is the only one */
  bool in_ready;       /* inflateInit2 done */
  bool in_member;      /* inside a member */
  z_stream in;
  char *ibuf;
  bool gzip_out;   /* --gzip */
  bool out_ready;  /* deflateInit2 done */
  bool out_open;   /* a member is open */
  bool any_member; /* a member was written for this stream */
  z_stream out;
  char *plain; /* output waiting to be deflated */
  size_t plain_len;
  char *obuf;
};

static voidpf z_alloc(voidpf ud, uInt items, uInt size) {
  const struct kempt_allocator *a = ud;
  return kempt__malloc(a, (size_t)items * size);
}

static void z_free(voidpf ud, voidpf p) {
  kempt__free((const struct kempt_allocator *)ud, p);
}

static void z_setup(z_stream *z, const struct kempt_allocator *a) {
  memset(z, 0, sizeof *z);
  z->zalloc = z_alloc;
  z->zfree = z_free;
  z->opaque = (voidpf)(uintptr_t)a;
}

struct kempt_gz *kempt__gz_new(const struct kempt_allocator *a,
                               const kempt_config *cfg,
                               const struct kempt_gz_ends *ends) {
  struct kempt_gz *g = kempt__calloc(a, sizeof *g);
  if (!g)
    return NULL;
  g->alloc = a;
  g->e = *ends;
  g->gzip_out = kempt__opt_flag(cfg, "gzip");
  if (g->gzip_out) {
    g->plain = kempt__malloc(a, GZ_BUF);
    g->obuf = kempt__malloc(a, GZ_BUF);
    if (!g->plain || !g->obuf) {
      kempt__gz_free(g);
      return NULL;
    }
  }
  return g;
}

void kempt__gz_free(struct kempt_gz *g) {
  if (!g)
    return;
  if (g->in_ready)
    inflateEnd(&g->in);
  if (g->out_ready)
    deflateEnd(&g->out);
  kempt__free(g->alloc, g->ibuf);
  kempt__free(g->alloc, g->plain);
  kempt__free(g->alloc, g->obuf);
  kempt__free(g->alloc, g);
}

/* ---- input ---- */

static enum kempt_status pass(struct kempt_gz *g, const char *p, size_t n) {
  return n ? g->e.feed(g->e.feed_ud, p, n) : KEMPT_OK;
}

static enum kempt_status start_inflate(struct kempt_gz *g) {
  g->mode = M_GZIP;
  g->in_member = false;
  if (g->in_ready)
    return KEMPT_OK;
  if (!g->ibuf)
    g->ibuf = kempt__malloc(g->alloc, GZ_BUF);
  if (!g->ibuf)
    return KEMPT_ERR_NOMEM;
  z_setup(&g->in, g->alloc);
  if (inflateInit2(&g->in, 15 + 16) != Z_OK)
    return KEMPT_ERR_NOMEM;
  g->in_ready = true;
  return KEMPT_OK;
}

/* zlib said the data is damaged: the rest of the stream is ignored. */
static void damaged(struct kempt_gz *g) {
  kempt__warn(g->e.report, "gzip data damaged or followed by other bytes: "
                           "the rest of the input ignored");
  g->mode = M_TAIL;
}

/* One call of inflate; false when the loop must stop. */
static bool inflate_step(struct kempt_gz *g, enum kempt_status *s) {
  if (!g->in_member && g->in.avail_in) {
    inflateReset(&g->in); /* the next member */
    g->in_member = true;
  }
  g->in.next_out = (Bytef *)g->ibuf;
  g->in.avail_out = GZ_BUF;
  int r = inflate(&g->in, Z_NO_FLUSH);
  *s = pass(g, g->ibuf, GZ_BUF - g->in.avail_out);
  if (r == Z_STREAM_END)
    g->in_member = false;
  else if (r == Z_MEM_ERROR)
    *s = KEMPT_ERR_NOMEM;
  else if (r != Z_OK && r != Z_BUF_ERROR)
    damaged(g);
  return *s == KEMPT_OK && g->mode == M_GZIP &&
         (g->in.avail_in || g->in.avail_out == 0);
}

static enum kempt_status inflate_some(struct kempt_gz *g, const char *p,
                                      size_t n) {
  enum kempt_status s = KEMPT_OK;
  while (n && s == KEMPT_OK && g->mode == M_GZIP) {
    uInt k = n > 1u << 30 ? 1u << 30 : (uInt)n;
    g->in.next_in = (Bytef *)(uintptr_t)p;
    g->in.avail_in = k;
    while (inflate_step(g, &s))
      ;
    p += k - g->in.avail_in;
    n -= k - g->in.avail_in;
    if (g->in.avail_in && s == KEMPT_OK && g->mode == M_GZIP)
      break; /* no progress possible */
  }
  g->in.avail_in = 0;
  return s;
}

/* The first two bytes b0 b1 decide; returns the status of starting. */
static enum kempt_status decide(struct kempt_gz *g, unsigned char b0,
                                unsigned char b1) {
  if (b0 == 0x1f && b1 == 0x8b)
    return start_inflate(g);
  g->mode = M_PLAIN;
  return KEMPT_OK;
}

static enum kempt_status feed_mode(struct kempt_gz *g, const char *p,
                                   size_t n) {
  if (g->mode == M_PLAIN)
    return pass(g, p, n);
  if (g->mode == M_GZIP)
    return inflate_some(g, p, n);
  return KEMPT_OK; /* M_TAIL: ignored */
}

enum kempt_status kempt__gz_feed(struct kempt_gz *g, const char *p, size_t n) {
  enum kempt_status s = KEMPT_OK;
  if (!n)
    return s;
  if (g->mode == M_START && n == 1) {
    g->first = (unsigned char)p[0];
    g->mode = M_ONE;
    return s;
  }
  if (g->mode == M_START)
    return decide(g, (unsigned char)p[0], (unsigned char)p[1]) == KEMPT_OK
               ? feed_mode(g, p, n)
               : KEMPT_ERR_NOMEM;
  if (g->mode == M_ONE) {
    char c = (char)g->first;
    s = decide(g, g->first, (unsigned char)p[0]);
    if (s == KEMPT_OK)
      s = feed_mode(g, &c, 1);
  }
  return s == KEMPT_OK ? feed_mode(g, p, n) : s;
}

enum kempt_status kempt__gz_finish_input(struct kempt_gz *g) {
  enum kempt_status s = KEMPT_OK;
  if (g->mode == M_ONE) {
    char c = (char)g->first;
    s = pass(g, &c, 1);
  }
  if (g->mode == M_GZIP && g->in_member)
    kempt__warn(g->e.report, "gzip data truncated");
  g->mode = M_START;
  g->in_member = false;
  return s;
}

/* ---- output ---- */

/* Deflate p[0..n) with 'flush'; write what comes out. */
static enum kempt_status deflate_run(struct kempt_gz *g, const char *p,
                                     size_t n, int flush) {
  enum kempt_status s = KEMPT_OK;
  g->out.next_in = (Bytef *)(uintptr_t)p;
  g->out.avail_in = (uInt)n;
  int r;
  do {
    g->out.next_out = (Bytef *)g->obuf;
    g->out.avail_out = GZ_BUF;
    r = deflate(&g->out, flush);
    if (r == Z_STREAM_ERROR)
      return KEMPT_ERR_STATE;
    size_t k = GZ_BUF - g->out.avail_out;
    s = k ? g->e.write(g->e.write_ud, g->obuf, k) : KEMPT_OK;
  } while (s == KEMPT_OK &&
           (g->out.avail_out == 0 || (flush == Z_FINISH && r != Z_STREAM_END)));
  return s;
}

static enum kempt_status open_member(struct kempt_gz *g) {
  if (g->out_open)
    return KEMPT_OK;
  if (!g->out_ready) {
    z_setup(&g->out, g->alloc);
    if (deflateInit2(&g->out, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
      return KEMPT_ERR_NOMEM;
    g->out_ready = true;
  } else {
    deflateReset(&g->out);
  }
  g->out_open = true;
  return KEMPT_OK;
}

static enum kempt_status end_member(struct kempt_gz *g) {
  enum kempt_status s = open_member(g);
  if (s == KEMPT_OK)
    s = deflate_run(g, g->plain, g->plain_len, Z_FINISH);
  g->plain_len = 0;
  g->out_open = false;
  g->any_member = true;
  return s;
}

enum kempt_status kempt__gz_write(void *ud, const char *p, size_t n) {
  struct kempt_gz *g = ud;
  enum kempt_status s = KEMPT_OK;
  if (!g->gzip_out)
    return g->e.write(g->e.write_ud, p, n);
  while (n && s == KEMPT_OK) {
    size_t k = GZ_BUF - g->plain_len < n ? GZ_BUF - g->plain_len : n;
    memcpy(g->plain + g->plain_len, p, k);
    g->plain_len += k;
    p += k;
    n -= k;
    if (g->plain_len == GZ_BUF) {
      s = open_member(g);
      if (s == KEMPT_OK)
        s = deflate_run(g, g->plain, GZ_BUF, Z_NO_FLUSH);
      g->plain_len = 0;
    }
  }
  return s;
}

enum kempt_status kempt__gz_record_end(void *ud) {
  struct kempt_gz *g = ud;
  if (!g->gzip_out || (!g->plain_len && !g->out_open))
    return KEMPT_OK;
  return end_member(g);
}

enum kempt_status kempt__gz_finish_output(struct kempt_gz *g) {
  enum kempt_status s = KEMPT_OK;
  if (g->gzip_out && (g->plain_len || g->out_open || !g->any_member))
    s = end_member(g);
  g->any_member = false;
  return s;
}

void kempt__gz_reset(struct kempt_gz *g) {
  g->mode = M_START;
  g->in_member = false;
  g->plain_len = 0;
  g->out_open = false;
  g->any_member = false;
}
