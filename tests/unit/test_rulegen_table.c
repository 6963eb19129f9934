/* test_rulegen_table.c - the chrome rule table that
 * tools/gen_chrome_rules.py writes into src/lib/chrome_rules.h (the one a
 * process uses, not built at start) is the table kempt__chrome_rules_init()
 * builds at run time from the same rules, field by field: the two cannot
 * drift apart, and a rule found reports the same name (the first language
 * of a pattern that several have).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <string.h>

static struct chrome_rules built;

static void build(void) {
  cr_assert_eq(kempt__chrome_rules_init(&built, kempt__default_allocator(),
                                        NULL),
               KEMPT_OK);
}

static void unbuild(void) { kempt__chrome_rules_free(&built); }

TestSuite(rulegen_table, .init = build, .fini = unbuild);

Test(rulegen_table, filters_as_built) {
  const struct chrome_rules *g = kempt__chrome_rules_builtin();
  cr_assert_not_null(g);
  for (size_t i = 0; i < CHROME_FIRST_BITS; i++)
    cr_assert_eq(g->first[i], built.first[i], "first[%zu]", i);
  for (size_t i = 0; i < CHROME_KEY_BITS / 64; i++)
    cr_assert_eq(g->keys[i], built.keys[i], "keys[%zu]", i);
  for (size_t i = 0; i < CHROME_PREFIX_BITS / 64; i++)
    cr_assert_eq(g->prefix_hs[i], built.prefix_hs[i], "prefix_hs[%zu]", i);
  for (size_t i = 0; i < CHROME_HS_BITS / 64; i++)
    cr_assert_eq(g->first_hs[i], built.first_hs[i], "first_hs[%zu]", i);
  for (int k = 0; k < CK_COUNT; k++)
    cr_assert_eq(g->maxtok[k], built.maxtok[k], "maxtok[%d]", k);
}

Test(rulegen_table, slots_as_built) {
  const struct chrome_rules *g = kempt__chrome_rules_builtin();
  cr_assert_eq(g->mask, built.mask);
  cr_assert_eq(g->count, built.count);
  cr_assert_gt(g->count, 1000); /* the rules are there */
  cr_assert_null(g->own);       /* and read-only */
  for (size_t j = 0; j <= g->mask; j++) {
    const struct chrome_rule *a = &g->slots[j], *b = &built.slots[j];
    cr_assert_eq(a->kind, b->kind, "slot %zu", j);
    if (!a->kind)
      continue;
    cr_assert_eq(a->key, b->key, "slot %zu: %s", j, b->name);
    cr_assert_eq(a->lang, b->lang, "slot %zu: %s", j, b->name);
    cr_assert_eq(a->ntok, b->ntok, "slot %zu: %s", j, b->name);
    cr_assert_eq(a->used, b->used, "slot %zu: %s", j, b->name);
    cr_assert_eq(a->name, b->name, "slot %zu: %s, not %s", j, a->name,
                 b->name); /* the same static name */
  }
}

/* The rules with the (c) sign (a token of its own) come hashed by the
 * generator too: "has (c)" is in the table. */
Test(rulegen_table, copyright_sign_rule_found) {
  static const char l[] = "\xc2\xa9";
  char line[16 + CHROME_LEX_PAD] = {0};
  memcpy(line, l, sizeof l - 1);
  line[sizeof l - 1] = '\n';
  struct chrome_tok t[CHROME_MAXTOK];
  size_t total, nt = kempt__chrome_tokens(line, sizeof l - 1, t,
                                          CHROME_MAXTOK, &total, NULL);
  cr_assert_eq(nt, 1);
  uint32_t every = ~0u;
  const struct chrome_rule *r = kempt__chrome_rules_find(
      kempt__chrome_rules_builtin(), kempt__chrome_seq(t, nt), CK_HAS, every);
  cr_assert_not_null(r);
  cr_assert_eq(kempt__chrome_rules_find(&built, kempt__chrome_seq(t, nt),
                                        CK_HAS, every),
               &built.slots[r - kempt__chrome_rules_builtin()->slots]);
}

/* A copy of the compiled-in table takes rules of its own (--rules) and
 * leaves the table as it was. */
Test(rulegen_table, copy_takes_rules) {
  const struct chrome_rules *g = kempt__chrome_rules_builtin();
  size_t before = g->count;
  struct chrome_rules r;
  cr_assert_eq(kempt__chrome_rules_copy(&r, g, kempt__default_allocator(),
                                        NULL),
               KEMPT_OK);
  cr_assert_not_null(r.own);
  static const char text[] = "line qqzx wwvy\n";
  cr_assert_eq(kempt__chrome_rules_parse(&r, text, sizeof text - 1),
               KEMPT_OK);
  cr_assert_eq(r.count, before + 1);
  cr_assert_eq(g->count, before);
  kempt__chrome_rules_free(&r);
  cr_assert_null(r.slots);
}
