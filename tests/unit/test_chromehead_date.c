/* test_chromehead_date.c - date lines by their form (chrome_head.c), in
 * scripts with and without month rules.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <string.h>

#define ANY (~0u) /* no language: every rule */
#define EN (1u | 1u << KEMPT_LANG_EN)

/* kempt__chrome_date_form of the line s as the classifier holds it. */
static bool date_form(const char *s, uint32_t langs, bool head) {
  char buf[256];
  size_t n = strlen(s);
  cr_assert(n + CHROME_LEX_PAD < sizeof buf);
  memset(buf, 0, sizeof buf);
  memcpy(buf, s, n);
  buf[n] = '\n';
  struct chrome_unit u;
  memset(&u, 0, sizeof u);
  u.len = u.tlen = (uint32_t)n;
  for (size_t i = 0; i < n; i++)
    u.chars += ((unsigned char)s[i] & 0xC0) != 0x80;
  struct chrome_tok t[CHROME_MAXTOK];
  size_t total,
      nt = kempt__chrome_tokens(buf, n, t, CHROME_MAXTOK, &total, NULL);
  const struct chrome_rules *r = kempt__chrome_rules_builtin();
  cr_assert_not_null(r);
  return kempt__chrome_date_form(buf, &u, t, nt, r, langs, head);
}

Test(chromehead_date, digits_anywhere) {
  cr_expect(date_form("28.11.2026", EN, false));
  cr_expect(date_form("2026-11-28", EN, false));
  cr_expect(date_form("11/28/26", EN, false));
  cr_expect(date_form("Updated 28.11.2026", EN, false));
  cr_expect(date_form("2026年11月28日", ANY, false));
  cr_expect(date_form("2026年11月28日 10時30分", ANY, false));
  cr_expect(date_form("28 نوفمبر 2026", ANY, false));
}

Test(chromehead_date, not_dates_anywhere) {
  cr_expect(!date_form("Version 1.2.3 released", EN, false));
  cr_expect(!date_form("Release 1.2.3.4", EN, false));
  cr_expect(!date_form("John 3:16", EN, false)); /* a time only in a head */
  cr_expect(!date_form("Arsenal 2:1 Chelsea", EN, true));
  cr_expect(!date_form("2026年", ANY, false));
  cr_expect(!date_form("北京市今年将新建十座公园", ANY, false));
  /* a date and more than a few words: a head's, not a line anywhere */
  cr_expect(!date_form("2026年11月28日 来源：本报记者", ANY, false));
  cr_expect(date_form("2026年11月28日 来源：本报记者", ANY, true));
}

Test(chromehead_date, head_lines) {
  cr_expect(date_form("28 November 2026 Source: staff reporter", EN, true));
  cr_expect(
      date_form("Jane Doe, Staff Writer - Nov 28, 2026 3:45 PM", EN, true));
  cr_expect(date_form("Updated 14:30", EN, true));
  cr_expect(date_form("28 novembre 2026", EN, true)); /* a month in lower
                                                         case */
  cr_expect(date_form("2026/11/27(金) 10:30配信", ANY, true));
}

Test(chromehead_date, headlines_are_no_dates) {
  cr_expect(!date_form("4 Things to Do in October", EN, true));
  cr_expect(!date_form("Top 10 Albums 2026", EN, true));
  cr_expect(!date_form("Formula 1 Season 2026", EN, true));
  cr_expect(!date_form("City to build ten new parks this year", EN, true));
  cr_expect(!date_form("Ten new parks by 2026 as the city grows and its "
                       "people ask for more room",
                       EN, true));
}
