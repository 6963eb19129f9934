/* test_restspeed8_caps.c - repair's quick path for lines whose only sign
 * of mojibake is a capital that may lead a sequence before a space
 * (all-caps Russian or Greek): they come out as they went in, and real
 * mojibake next to them is still repaired.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *run(const char *in) {
  const char *const opts[] = {"stages=repair", NULL};
  return assert_chunking_invariant(opts, in, strlen(in));
}

static const char *const kept[] = {
    "ПРЕЗИДЕНТ РОССИИ ПОДПИСАЛ УКАЗ О СЕКТОР ПРОГРАММ ВЕСЬ МИР\n",
    "ГЛАВНЫЙ ВРАГ ГОСУДАРСТВЕННЫЙ СЕКТОР ВОЛГ РЕК\n",
    "ΤΟ ΝΕΟ ΜΕΤΡΟ ΤΗΣ ΚΥΒΕΡΝΗΣΗΣ ΓΙΑ ΤΗΝ ΠΑΙΔΕΙΑ ΑΠΟ ΤΟΝ ΔΗΜΟ ΞΕΝΟΦΩΝ\n",
    "ΣΤΟΝ ΑΠΟΛΟΓΙΣΜΟ ΤΟΥ ΔΗΜΟ ΚΑΙ ΤΗΣ ΠΕΡΙΦΕΡΕΙΑΣ ΩΡΑΙΟΣ ΚΟΣΜΟΣ\n",
    "Π Ε\n",
    "Р Р Р\n",
    "NYHETER PÅ SVENSKA FRÅN HELA VÄRLDEN NÅ PÅ NÄTET\n",
    "À LA UNE: LE PRÉSIDENT CONNAÎT SA DÉFAITE\n",
    "IL GOVERNO PIÙ FORTE DELLA STORIA E PIÙ GRANDE\n",
    "Å koda\n",
};

Test(restspeed8, caps_headings_are_kept) {
  for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
    char *out = run(kept[i]);
    cr_assert_str_eq(out, kept[i]);
    free(out);
  }
}

/* The same headings around a line of real cp1251 mojibake, many times. */
Test(restspeed8, mojibake_next_to_caps_is_repaired) {
  static char in[1 << 16], want[1 << 16];
  size_t a = 0, b = 0;
  for (int i = 0; i < 60; i++) {
    const char *k = kept[(size_t)i % (sizeof kept / sizeof kept[0])];
    a += (size_t)snprintf(in + a, sizeof in - a,
                          "%s\xd0\xa0\xd1\x9f\xd0\xa1\xd0\x82\xd0\xa0\xd1\x91"
                          "\xd0\xa0\xd0\x86\xd0\xa0\xc2\xb5\xd0\xa1\xe2\x80\x9a "
                          "\xd0\xa0\xd1\x98\xd0\xa0\xd1\x91\xd0\xa1\xd0\x82\n",
                          k);
    b += (size_t)snprintf(want + b, sizeof want - b,
                          "%s\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 "
                          "\xd0\xbc\xd0\xb8\xd1\x80\n",
                          k);
  }
  char *out = run(in);
  cr_assert_str_eq(out, want);
  free(out);
}

/* Real mojibake on the line backs a space read as a lost NBSP: such a
 * line is not taken for a heading. */
Test(restspeed8, real_pair_backs_the_space) {
  char *out = run("caf\xc3\x83\xc2\xa9 P\xc3\x85 V\xc3\x84RLD\n");
  cr_assert_str_eq(out, "caf\xc3\xa9 P\xc5\xa0V\xc3\x84RLD\n");
  free(out);
}
