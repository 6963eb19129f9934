/* fuzz_repair.c - libFuzzer harness for the repair stage.
 *
 * The first input byte chooses the options (nfkc, keep-nbsp, fullwidth,
 * ascii-quotes) and the second the chunk size; the rest is fed through
 * decode and repair, whole and in chunks. Checks: no error, valid UTF-8
 * out, and the same output whatever the chunks. Build (from the top of
 * a configured tree):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I. -Isrc -Isrc/lib \
 *     -DKEMPT_BUILDING_LIB tests/fuzz/fuzz_repair.c src/lib/[a-z]*.c \
 *     -lutf8proc -lunistring -lz -o fuzz_repair
 *   ./fuzz_repair -max_len=4096 -max_total_time=60
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "kempt_stage.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct out {
  char *p;
  size_t len, cap;
};

static enum kempt_status collect(void *ud, const char *p, size_t n) {
  struct out *o = ud;
  if (o->len + n > o->cap) {
    size_t cap = (o->len + n) * 2 + 64;
    char *q = realloc(o->p, cap);
    if (!q)
      return KEMPT_ERR_NOMEM;
    o->p = q;
    o->cap = cap;
  }
  memcpy(o->p + o->len, p, n);
  o->len += n;
  return KEMPT_OK;
}

static enum kempt_status to_stage(void *ud, const char *p, size_t n) {
  return kempt_stage_feed(ud, p, n);
}

static int valid_utf8(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    size_t len = c < 0x80                ? 1
                 : c >= 0xC2 && c < 0xE0 ? 2
                 : c >= 0xE0 && c < 0xF0 ? 3
                 : c >= 0xF0 && c < 0xF5 ? 4
                                         : 0;
    if (!len || i + len > n)
      return 0;
    for (size_t k = 1; k < len; k++)
      if ((s[i + k] & 0xC0) != 0x80)
        return 0;
    i += len;
  }
  return 1;
}

static struct out run(const kempt_config *cfg, const char *p, size_t n,
                      size_t chunk) {
  struct out o = {NULL, 0, 0};
  struct kempt_sink to_out = {collect, NULL, NULL, &o};
  kempt_stage *rep = kempt_stage_new("repair", cfg, &to_out, NULL);
  struct kempt_sink next = {to_stage, NULL, NULL, rep};
  kempt_stage *dec = kempt_stage_new("decode", cfg, &next, NULL);
  if (!rep || !dec)
    abort();
  for (size_t i = 0; i < n; i += chunk)
    if (kempt_stage_feed(dec, p + i, n - i < chunk ? n - i : chunk))
      abort();
  if (kempt_stage_finish(dec) || kempt_stage_finish(rep))
    abort();
  kempt_stage_free(dec);
  kempt_stage_free(rep);
  return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const flags[] = {"nfkc", "keep-nbsp", "fullwidth",
                                      "ascii-quotes"};
  if (size < 2)
    return 0;
  kempt_config *cfg = kempt_config_new(NULL);
  for (int i = 0; i < 4; i++)
    if (data[0] & (1u << i))
      kempt_config_set(cfg, flags[i], NULL, 0);
  size_t chunk = 1 + data[1] % 17;
  const char *p = (const char *)data + 2;
  struct out whole = run(cfg, p, size - 2, size),
             cut = run(cfg, p, size - 2, chunk);
  if (!valid_utf8((const unsigned char *)whole.p, whole.len) ||
      whole.len != cut.len ||
      (whole.len && memcmp(whole.p, cut.p, whole.len) != 0))
    abort();
  free(whole.p);
  free(cut.p);
  kempt_config_free(cfg);
  return 0;
}
