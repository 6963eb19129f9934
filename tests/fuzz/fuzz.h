/* fuzz.h - what the kempt fuzz targets share.
 *
 * Every target defines LLVMFuzzerTestOneInput. The first FZ_CONTROL input
 * bytes are control bytes: byte 0 chooses how the rest is cut into feeds
 * (see fz_chunker), byte 1 chooses the target's variant (stage, framing,
 * options), byte 2 the stage's and framing's own options
 * (fz_apply_options); the rest is the text. Under libFuzzer the target may be
 * fixed by the environment (KEMPT_FUZZ_TARGET=NAME) or by the program's name
 * ending in _NAME (a copy named fuzz_stage_repair fuzzes repair only).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_FUZZ_H
#define KEMPT_FUZZ_H

#include "kempt.h"
#include "kempt_stage.h"

#include <stddef.h>
#include <stdint.h>

#define FZ_CONTROL 3

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The selector bytes (byte 1) that together cover every variant of the
 * target, for the seed runs of make check: fills sel, returns the count. */
size_t kempt_fuzz_variants(unsigned char *sel, size_t max);

/* Check a property; on failure print the message and abort (a finding). */
#define FZ_CHECK(cond, ...)                                                    \
  do {                                                                         \
    if (!(cond))                                                               \
      fz_fail(__FILE__, __LINE__, __VA_ARGS__);                                \
  } while (0)
void fz_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((noreturn, format(printf, 3, 4)))
#endif
    ;

/* A growable output buffer (harness memory: malloc, abort when out). */
struct fz_buf {
  char *p;
  size_t len, size;
};
void fz_buf_add(struct fz_buf *b, const char *p, size_t n);
void fz_buf_free(struct fz_buf *b);
/* A kempt_write_fn appending to the fz_buf ud. */
enum kempt_status fz_buf_write(void *ud, const char *p, size_t n);
/* Two outputs must be the same bytes. */
void fz_same(const struct fz_buf *a, const struct fz_buf *b, const char *what);

/* Feed sizes chosen by one control byte: its low two bits pick a mode
 * (0: byte by byte, 1: fixed size 2..64, 2: random 0..64, 3: random
 * 0..8192), the rest seed the generator. FZ_WHOLE: all in one feed. */
#define FZ_WHOLE 256
struct fz_chunker {
  uint32_t state;
  unsigned mode;
  size_t fixed;
};
void fz_chunker_init(struct fz_chunker *c, int control);
/* The next feed size, at most left (0 is possible in the random modes). */
size_t fz_chunker_next(struct fz_chunker *c, size_t left);

/* Whether s[0..n) is valid UTF-8 (NUL bytes allowed). */
int fz_valid_utf8(const char *s, size_t n);

/* Check an explain event and a warning: every byte they point at must be
 * readable (the sanitizers catch a stale pointer), the strings sane. */
void fz_check_event(void *ud, const struct kempt_event *ev);
void fz_check_warning(void *ud, const char *msg);

/* Set some of the options that owner (a stage or framing name) lists in
 * kempt_option_get, as bits of mask choose: flags on, a string one of its
 * choices, an integer (a size cap) 64 or 4096; free strings and files are
 * left alone. Returns the number of options set. A stage may still refuse
 * a combination at creation (KEMPT_ERR_USAGE): the targets skip those. */
int fz_apply_options(kempt_config *cfg, const char *owner, unsigned mask);

/* The target fixed by KEMPT_FUZZ_TARGET or by a program name ending in
 * "<prefix>NAME" (e.g. prefix "fuzz_stage_"); NULL when none. */
const char *fz_fixed_target(const char *argv0, const char *prefix);

#endif
