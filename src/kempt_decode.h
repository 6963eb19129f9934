/* kempt_decode.h - the decode stage: any bytes in, valid UTF-8 out.
 *
 * A leading BOM is stripped; CRLF and lone CR become LF, and so do FF and
 * VT; NUL, DEL and the other C0 controls except TAB and LF are removed, an
 * ANSI terminal escape (ESC [ parameters final byte) as a whole. A
 * surrogate pair written as two 3-byte sequences (CESU-8) becomes the
 * character it encodes; a lone surrogate half becomes U+FFFD (or, once the
 * document has had bytes read as Windows-1252, is read that way too). Every
 * other byte that is not part of a valid UTF-8 sequence (overlong forms are
 * invalid) is read as Windows-1252, with the five bytes cp1252 leaves
 * undefined read as Latin-1. A sequence split across two feeds comes out as if fed whole; an
 * incomplete sequence at the end of a document is decoded as cp1252 too.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_DECODE_H
#define KEMPT_DECODE_H

#include "kempt_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A decode stage handle; same as kempt_stage_new("decode", ...). */
KEMPT_API kempt_stage *kempt_decode_new(const kempt_config *cfg,
                                        const struct kempt_sink *sink,
                                        enum kempt_status *err);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_DECODE_H */
