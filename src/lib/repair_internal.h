/* repair_internal.h - what the files of the repair stage share.
 *
 * repair.c is the stage (segments, fast path, invisible characters,
 * normalization), entities.c decodes HTML character references and
 * mojibake.c reverses UTF-8 that was read in a single-byte charset.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_REPAIR_INTERNAL_H
#define KEMPT_REPAIR_INTERNAL_H

#include "internal.h"

/* Longest entity reference looked at: "&" + name + ";" (the longest HTML5
 * name is 32 characters with its ";"), or a numeric one. */
#define KEMPT__ENTITY_WINDOW 40

/* Decode the character reference at p[0] == '&' of the n bytes p..p+n.
 * 'markup' says the text around holds markup-like tags: the references of
 * the five markup characters (& < > " ') are then left alone. On success
 * writes the UTF-8 value to out (room for 8 bytes), its length to *olen,
 * and returns the bytes of the reference; returns 0 when p holds no
 * reference to decode. */
size_t kempt__entity(const char *p, size_t n, bool markup, char *out,
                     size_t *olen);

/* Encoders of the single-byte charsets (built once per stage instance). */
struct kempt_mojibake;
struct kempt_mojibake *kempt__mojibake_new(const struct kempt_allocator *a,
                                           size_t max_chars);
void kempt__mojibake_free(const struct kempt_allocator *a,
                          struct kempt_mojibake *m);

/* What code point cp can be in mojibake, as bit masks of charsets: bit
 * cs set when cp is the image of a lead byte (0xC2..0xF4) in charset
 * number cs, KEMPT__MJ_CONT(bit) when it is the image of a continuation
 * byte (0x80..0xBF; U+FFFD, a lost byte, in all), and KEMPT__MJ_OPEN when
 * a space or '?' after it may stand for a lost continuation byte. */
#define KEMPT__MJ_LEADS 0x7FFFu
#define KEMPT__MJ_OPEN 0x8000u
#define KEMPT__MJ_CONT(mask) ((uint32_t)(mask) << 16)
uint32_t kempt__mojibake_class(const struct kempt_mojibake *m, uint32_t cp);
/* The charsets (bits as above) in which cp is the image of the lead byte
 * of a 3- or 4-byte sequence (0xE0..0xF4). */
uint32_t kempt__mojibake_long(const struct kempt_mojibake *m, uint32_t cp);
/* The bit of cp1252 in these masks (the first charset). */
#define KEMPT__MJ_CP1252 1u

/* Reverse mojibake in one segment (a line) p[0..n) of valid UTF-8 (at most
 * max_chars characters), writing the result to out; every repair is
 * reported through env at offset base + its position. csmask: the
 * charsets worth trying first (bits as in kempt__mojibake_class). Returns
 * KEMPT_OK or a buffer error. When nothing changes, out holds a copy of
 * p. */
enum kempt_status kempt__mojibake_fix(struct kempt_mojibake *m,
                                      const struct kempt_env *env,
                                      uint64_t base, const char *p, size_t n,
                                      uint32_t csmask, struct kempt_buf *out);

/* A cheap test before kempt__mojibake_fix: false when p[0..n) holds, in
 * none of the charsets of csmask, a lead followed by what may complete its
 * sequence (nor a run of U+FFFD): then kempt__mojibake_fix would change
 * nothing. */
bool kempt__mojibake_maybe(const struct kempt_mojibake *m, const char *p,
                           size_t n, uint32_t csmask);

size_t kempt__utf8_get(const unsigned char *p, size_t n, uint32_t *cp);

#endif /* KEMPT_REPAIR_INTERNAL_H */
