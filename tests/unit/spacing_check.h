/* spacing_check.h - the spacing tests' checks: the stage alone over a
 * text, whole and in chunks (spacing), a text that must pass unchanged
 * (same) and one that must become another (becomes). Included by the
 * spacing test programs after criterion.h and chunks.h.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_TEST_SPACING_CHECK_H
#define KEMPT_TEST_SPACING_CHECK_H

/* The spacing stage alone over in, fed whole and in chunks of 1..3. */
static char *spacing(const char *in) {
  size_t wl;
  char *whole = stage_run("spacing", NULL, in, strlen(in), 0, &wl);
  for (size_t chunk = 1; chunk <= 3; chunk++) {
    char *o = stage_run("spacing", NULL, in, strlen(in), chunk, NULL);
    cr_assert_str_eq(o, whole, "chunks of %zu", chunk);
    free(o);
  }
  cr_assert(valid_utf8(whole, wl));
  return whole;
}

static void same(const char *in) {
  char *out = spacing(in);
  cr_expect_str_eq(out, in, "changed:\n  in:  %s\n  out: %s", in, out);
  free(out);
}

static void becomes(const char *in, const char *want) {
  char *out = spacing(in);
  cr_expect_str_eq(out, want, "\n  in:   %s\n  out:  %s\n  want: %s", in, out,
                   want);
  free(out);
}

#endif
