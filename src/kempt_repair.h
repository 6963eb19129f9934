/* kempt_repair.h - the repair stage: damaged characters in, clean UTF-8 out.
 *
 * A character stage: valid UTF-8 in (the output of decode), UTF-8 out.
 * It reverses mojibake (UTF-8 that was read as Windows-1252, Latin-1,
 * cp1251, cp1250, cp1253, cp1254, cp1257, ISO-8859-2, MacRoman or cp437,
 * up to three times over, and CESU-8 surrogate pairs), judging each run of
 * suspect characters on its own evidence; decodes HTML character
 * references; removes invisible characters (zero-width space, joiners
 * where they are noise, soft hyphens, inner BOMs, bidi controls in text
 * without right-to-left letters, C0 controls and ANSI terminal escapes)
 * and reads leftover C1 controls as Windows-1252, except the five cp1252
 * leaves undefined (U+0081, 008D, 008F, 0090, 009D), which are kept as
 * text that may be intentional, as "sloppy" cp1252 does; maps Unicode
 * spaces to U+0020, U+2028 to a line break and U+2029 to a paragraph
 * break; splits Latin ligatures; collapses runs of U+FFFD; and normalizes
 * to NFC (NFKC with the nfkc option).
 *
 * Options (kempt_config_set): "nfkc", "keep-nbsp", "fullwidth" (fold
 * fullwidth ASCII forms), "ascii-quotes" (straighten curly quotes).
 *
 * HTML references: the full HTML5 table; names without ";" only for the
 * legacy set HTML allows and not before "=" or a letter or digit; numeric
 * ones as HTML5 reads them (0x80..0x9F as Windows-1252; 0, surrogates and
 * values past U+10FFFF give U+FFFD). In a line holding a markup-like tag
 * ("<b>", "</p>", "<!--") the references of the markup characters
 * (&lt; &gt; &amp; &quot; &apos;) are kept, since decoding them there
 * would make text and markup ambiguous.
 *
 * Text is worked on a line at a time (a line longer than 16 KiB is cut at
 * a space), so memory stays bounded and the output does not depend on how
 * the input is cut into chunks. The input is expected to be valid UTF-8
 * (the decode stage's output); other bytes are passed on, not repaired.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_REPAIR_H
#define KEMPT_REPAIR_H

#include "kempt_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A repair stage handle; same as kempt_stage_new("repair", ...). */
KEMPT_API kempt_stage *kempt_repair_new(const kempt_config *cfg,
                                        const struct kempt_sink *sink,
                                        enum kempt_status *err);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_REPAIR_H */
