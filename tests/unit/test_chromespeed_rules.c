/* test_chromespeed_rules.c - the word hashes that tools/gen_chrome_rules.py
 * puts into src/lib/chrome_rules.h are the ones the chrome tokenizer
 * makes of each pattern (the table is built from them without
 * tokenizing), and the table it builds is the one the library would.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"
#define CHROME_RULES_SOURCE /* chrome_rules_src and chrome_rules_toks too */
#include "lib/chrome_rules.h"

#include <criterion/criterion.h>
#include <string.h>

Test(chromespeed_rules, hashes_as_the_tokenizer_makes_them) {
  size_t rules = sizeof chrome_rules_src / sizeof chrome_rules_src[0];
  size_t hashed = 0;
  for (size_t i = 0; i < rules; i++) {
    const struct chrome_rule_src *s = &chrome_rules_src[i];
    if (!s->ntok)
      continue;
    hashed++;
    char buf[256 + CHROME_LEX_PAD] = {0};
    size_t n = strlen(s->pattern);
    while (n && s->pattern[n - 1] == ' ')
      n--;
    const char *name = kempt__chrome_rule_name(s->name);
    cr_assert_lt(n, 256, "%s", name);
    for (size_t k = 0; k < n; k++)
      buf[k] = s->pattern[k] == '#' ? '0' : s->pattern[k];
    buf[n] = '\n';
    struct chrome_tok t[CHROME_MAXTOK];
    size_t total, nt = kempt__chrome_tokens(buf, n, t, CHROME_MAXTOK, &total,
                                            NULL);
    cr_assert_eq(nt, s->ntok, "%s: %zu words, not %u", name, nt,
                 (unsigned)s->ntok);
    cr_assert_eq(total, nt, "%s", name);
    for (size_t k = 0; k < nt; k++)
      cr_assert_eq(t[k].h, chrome_rules_toks[s->tok + k], "%s: word %zu",
                   name, k);
  }
  cr_assert_gt(hashed, rules / 2); /* most come hashed */
}

/* A rule added from a rules file (tokenized then) is found as the same
 * compiled-in rule is. */
Test(chromespeed_rules, file_rules_match_compiled_ones) {
  const struct chrome_rules *b = kempt__chrome_rules_builtin();
  cr_assert_not_null(b);
  struct chrome_rules r;
  cr_assert_eq(kempt__chrome_rules_copy(&r, b, kempt__default_allocator(),
                                        NULL),
               KEMPT_OK);
  static const char text[] = "line zzqx f\xc3\xbcr Stra\xc3\x9f" "e #\n";
  cr_assert_eq(kempt__chrome_rules_parse(&r, text, sizeof text - 1),
               KEMPT_OK);
  char line[64 + CHROME_LEX_PAD] = {0};
  static const char l[] = "ZZQX F\xc3\x9cR stra\xc3\x9f" "e 12";
  memcpy(line, l, sizeof l - 1);
  line[sizeof l - 1] = '\n';
  struct chrome_tok t[CHROME_MAXTOK];
  size_t total, nt = kempt__chrome_tokens(line, sizeof l - 1, t,
                                          CHROME_MAXTOK, &total, NULL);
  cr_assert_eq(nt, 4);
  const struct chrome_rule *got = kempt__chrome_rules_find(
      &r, kempt__chrome_seq(t, nt), CK_LINE, 1u);
  cr_assert_not_null(got);
  cr_assert_str_eq(kempt__chrome_rule_name(got->name), "line (rules file)");
  kempt__chrome_rules_free(&r);
}

/* The filter on function words (chrome_stop_filter) has the bit of every
 * word of the function-word table as the tokenizer hashes it: a word
 * whose bit is clear is none, in any case. */
#include "lib/stopwords_table.h"

Test(chromespeed_rules, stop_filter_has_every_function_word) {
  size_t n = sizeof stopwords / sizeof stopwords[0], one = 0;
  for (size_t i = 0; i < n; i++) {
    char buf[64] = {0};
    size_t len = stopwords[i].len;
    for (size_t k = 0; k < len; k++)
      buf[k] = (char)((k < 8 ? stopwords[i].lo >> (8 * k)
                             : stopwords[i].hi >> (8 * (k - 8))) & 0xFF);
    buf[len] = '\n';
    struct chrome_tok t[8];
    size_t total, nt = kempt__chrome_tokens(buf, len, t, 8, &total, NULL);
    if (nt != 1 || total != 1 || !t[0].alpha || t[0].end - t[0].start != len)
      continue; /* (no token is this word) */
    one++;
    unsigned b = (unsigned)(t[0].h >> 40) % CHROME_STOP_FILTER_BITS;
    cr_assert((chrome_stop_filter[b / 64] >> (b % 64)) & 1u, "%s", buf);
    cr_assert_neq(kempt__chrome_stop_langs(buf, len, NULL), 0, "%s", buf);
  }
  cr_assert_gt(one, n * 9 / 10);
}

/* Runs of one symbol of 2, 3 and 4 bytes, 1 to 40 copies, then the end of
 * the line, a word, or a symbol that shares its first bytes: every code
 * point counted (bytes - continuation bytes), the words around found. */
Test(chromespeed_rules, runs_of_one_symbol_any_length) {
  static const char *const sym[] = {"\xc2\xb7", "\xe2\x94\x81",
                                    "\xf0\x9f\x98\x80"};
  static const char *const near[] = {"\xc2\xb6", "\xe2\x94\x82",
                                     "\xf0\x9f\x98\x81"};
  static const char *const tail[] = {"", " end", "x", "#"};
  for (size_t s = 0; s < 3; s++)
    for (size_t copies = 1; copies <= 40; copies++)
      for (size_t e = 0; e < 5; e++) {
        char buf[256] = {0};
        size_t n = 0, cps = 0;
        memcpy(buf, "go ", 3);
        n = 3;
        cps = 3;
        for (size_t c = 0; c < copies; c++) {
          size_t k = strlen(sym[s]);
          memcpy(buf + n, sym[s], k);
          n += k;
          cps++;
        }
        const char *t = e < 4 ? tail[e] : near[s];
        memcpy(buf + n, t, strlen(t));
        n += strlen(t);
        cps += e < 4 ? strlen(t) : 1;
        buf[n] = '\n';
        struct chrome_tok tok[16];
        struct chrome_lex lx = {NULL, 0, 0, false, false, false, NULL};
        size_t pos = 0, nt = kempt__chrome_lex(buf, n, &pos, tok, 16, &lx);
        size_t want = 1 + (e == 1 || e == 2);
        cr_assert_eq(nt, want, "sym %zu copies %zu tail %zu", s, copies, e);
        cr_assert_eq(n - lx.conts, cps, "sym %zu copies %zu tail %zu", s,
                     copies, e);
      }
}

/* The rule table that tools/gen_chrome_rules.py writes (chrome_rules_table,
 * the one a process uses, not built at start) is the table
 * kempt__chrome_rules_init() builds at run time from the same rules,
 * field by field: the two cannot drift apart, and a rule found reports the
 * same name (the first language of a pattern that several have). */
static struct chrome_rules built;

static void build(void) {
  cr_assert_eq(kempt__chrome_rules_init(
                   &built, kempt__default_allocator(), NULL, chrome_rules_src,
                   sizeof chrome_rules_src / sizeof chrome_rules_src[0],
                   chrome_rules_toks),
               KEMPT_OK);
}

static void unbuild(void) { kempt__chrome_rules_free(&built); }

Test(rulegen_table, filters_as_built, .init = build, .fini = unbuild) {
  const struct chrome_rules *g = &chrome_rules_table;
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

Test(rulegen_table, slots_as_built, .init = build, .fini = unbuild) {
  const struct chrome_rules *g = &chrome_rules_table;
  cr_assert_eq(g->mask, built.mask);
  cr_assert_eq(g->count, built.count);
  cr_assert_gt(g->count, 1000); /* the rules are there */
  cr_assert_null(g->own);       /* and read-only */
  for (size_t j = 0; j <= g->mask; j++) {
    const struct chrome_rule *a = &g->slots[j], *b = &built.slots[j];
    cr_assert_eq(a->kind, b->kind, "slot %zu", j);
    if (!a->kind)
      continue;
    const char *bn = kempt__chrome_rule_name(b->name);
    cr_assert_eq(a->key, b->key, "slot %zu: %s", j, bn);
    cr_assert_eq(a->lang, b->lang, "slot %zu: %s", j, bn);
    cr_assert_eq(a->ntok, b->ntok, "slot %zu: %s", j, bn);
    cr_assert_eq(a->used, b->used, "slot %zu: %s", j, bn);
    cr_assert_eq(a->name, b->name, "slot %zu: %s, not %s", j,
                 kempt__chrome_rule_name(a->name),
                 bn); /* the same static name */
  }
}

/* The library's table is this one (its own copy of the header). */
Test(rulegen_table, library_uses_it) {
  const struct chrome_rules *g = &chrome_rules_table,
                            *lib = kempt__chrome_rules_builtin();
  cr_assert_eq(lib->mask, g->mask);
  cr_assert_eq(lib->count, g->count);
  cr_assert_eq(memcmp(lib->first, g->first, sizeof g->first), 0);
  for (size_t j = 0; j <= g->mask; j++) {
    cr_assert_eq(lib->slots[j].key, g->slots[j].key, "slot %zu", j);
    if (g->slots[j].kind) {
      /* the same offset, and the library's name there is the header's */
      cr_assert_eq(lib->slots[j].name, g->slots[j].name, "slot %zu", j);
      cr_assert_str_eq(kempt__chrome_rule_name(lib->slots[j].name),
                       (const char *)&chrome_rule_names + g->slots[j].name);
    }
  }
}

/* The rules with the (c) sign (a token of its own) come hashed by the
 * generator too: "has (c)" is in the table. */
Test(rulegen_table, copyright_sign_rule_found, .init = build,
     .fini = unbuild) {
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

/* A rule's name is found from its offset (no pointer in the table): each
 * offset is the start of one whole name, "KIND PATTERN (LANG)", whose kind
 * is the rule's. */
Test(rulegen_table, names_by_offset) {
  const struct chrome_rules *g = kempt__chrome_rules_builtin();
  static const char *const kinds[CK_COUNT] = {
      [CK_LINE] = "line ",     [CK_PREFIX] = "prefix ",
      [CK_PREFIXSEP] = "prefix ", [CK_HAS] = "has ",
      [CK_LIST] = "list ",     [CK_CUT] = "cut ",
      [CK_BYLINE] = "byline ", [CK_DATE] = "date ",
      [CK_SAYS] = "says ",     [CK_SOFT] = "soft ",
      [CK_BIO] = "bio ",       [CK_COPULA] = "copula ",
      [CK_ABOUT] = "about ",   [CK_CAPTION] = "caption ",
      [CK_REPLY] = "reply ",   [CK_BUTTON] = "button ",
      [CK_UNTIL] = "until "};
  size_t named = 0;
  for (size_t j = 0; j <= g->mask; j++) {
    const struct chrome_rule *r = &g->slots[j];
    if (!r->kind)
      continue;
    const char *name = kempt__chrome_rule_name(r->name);
    cr_assert(r->name == 0 || name[-1] == '\0', "slot %zu: %s", j, name);
    cr_assert_eq(strncmp(name, kinds[r->kind], strlen(kinds[r->kind])), 0,
                 "slot %zu: %s", j, name);
    cr_assert_eq(name[strlen(name) - 1], ')', "slot %zu: %s", j, name);
    named++;
  }
  cr_assert_eq(named, g->count);
}
