/* test_determinism.c - the same bytes out for the same input and options,
 * whatever the locale the library user has set (LC_ALL=C or a UTF-8
 * locale: ctype functions and the like must not leak into the output)
 * and whatever the feed sizes, over every corpus page and fuzz seed, in
 * the text and NUL framings.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* UTF-8 locales to try; those the system lacks are skipped. */
static const char *const locales[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8",
                                      "tr_TR.UTF-8", "de_DE.UTF-8"};

/* Run fn over every corpus page and fuzz seed. */
static void each_page(void (*fn)(const char *name, const char *s, size_t n)) {
  static const char *const dirs[] = {"corpus", "tests/fuzz/seeds"};
  int pages = 0;
  for (size_t d = 0; d < 2; d++) {
    DIR *dir = opendir(srcpath(dirs[d]));
    cr_assert_not_null(dir, "%s not found (top_srcdir?)", dirs[d]);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
      size_t n = strlen(e->d_name);
      if (e->d_name[0] == '.' ||
          (d == 0 && (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)))
        continue;
      char rel[600];
      snprintf(rel, sizeof rel, "%s/%s", dirs[d], e->d_name);
      size_t len;
      char *s = slurp_file(srcpath(rel), &len);
      cr_assert_not_null(s, "%s", rel);
      fn(rel, s, len);
      free(s);
      pages++;
    }
    closedir(dir);
  }
  cr_assert_gt(pages, 5);
}

static const char *const *framing_opts(size_t i) {
  static const char *const text[] = {"format=text", NULL};
  static const char *const nul[] = {"format=nul", NULL};
  return i == 0 ? text : nul;
}

static void same_everywhere(const char *name, const char *s, size_t n) {
  for (size_t f = 0; f < 2; f++) {
    const char *const *opts = framing_opts(f);
    cr_assert_not_null(setlocale(LC_ALL, "C"));
    size_t wl;
    char *want = kempt_run(opts, s, n, WHOLE, 0, 0, &wl);
    for (size_t l = 0; l < sizeof locales / sizeof *locales; l++) {
      if (!setlocale(LC_ALL, locales[l]))
        continue;
      static const size_t sizes[] = {1, 3, 4096};
      for (size_t k = 0; k < 3; k++) {
        size_t ol;
        char *o = kempt_run(opts, s, n, FIXED, sizes[k], 0, &ol);
        cr_assert(ol == wl && memcmp(o, want, wl) == 0,
                  "%s, %s, locale %s, chunks of %zu: output differs", name,
                  opts[0], locales[l], sizes[k]);
        free(o);
      }
      size_t ol;
      char *o = kempt_run(opts, s, n, RANDOM, 300, 7, &ol);
      cr_assert(ol == wl && memcmp(o, want, wl) == 0,
                "%s, %s, locale %s, random chunks: output differs", name,
                opts[0], locales[l]);
      free(o);
    }
    free(want);
  }
  setlocale(LC_ALL, "C");
}

Test(determinism, same_output_in_any_locale_and_chunking) {
  each_page(same_everywhere);
}

/* Two handles fed the same input at once give the same bytes. */
Test(determinism, independent_handles) {
  static const char in[] = "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d.\n\n"
                           "Second paragraph.\r\n";
  size_t l1, l2;
  char *a = kempt_run(NULL, in, sizeof in - 1, FIXED, 5, 0, &l1);
  char *b = kempt_run(NULL, in, sizeof in - 1, RANDOM, 9, 3, &l2);
  cr_assert(l1 == l2 && memcmp(a, b, l1) == 0);
  free(a);
  free(b);
}
