/* test_restspeed11_lines.c - the line ends the splitter hands the stage
 * after it (struct kempt_lines) give what looking for each '\n' gives.
 *
 * unwrap in a pipeline reads the lines of a block the splitter cut in
 * place from the ends it published; unwrap run alone (kempt_stage_new)
 * has none and looks for them. Both must write the same text, whatever
 * the chunking: hard-wrapped paragraphs, indented and trailing-space
 * lines, no-break spaces, blank lines of white space, a block of more
 * lines than are published (and than unwrap reads), and blocks begun in
 * one piece of input and ended in another.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY_UNWRAP[] = {"stages=unwrap", NULL};
static const char *const SMALL_BLOCKS[] = {"stages=unwrap", "max-block=64",
                                           NULL};

/* The pipeline's output of in (checked for chunking) equals unwrap's
 * alone, fed in pieces of several sizes; opts: the pipeline's (unwrap
 * alone gets those but the first, "stages=unwrap"). */
static void same_as_alone_with(const char *const *opts, const char *in) {
  size_t n = strlen(in);
  char *piped = assert_chunking_invariant(opts, in, n);
  static const size_t sizes[] = {1, 7, 64, 4096, 1 << 20};
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    size_t len;
    char *alone = stage_run("unwrap", opts + 1, in, n, sizes[i], &len);
    /* (the framing adds the final newline) */
    cr_assert_eq(strlen(piped), len + 1, "chunk %zu", sizes[i]);
    cr_assert(memcmp(piped, alone, len) == 0 && piped[len] == '\n', "chunk %zu",
              sizes[i]);
    free(alone);
  }
  free(piped);
}

static void same_as_alone(const char *in) {
  same_as_alone_with(ONLY_UNWRAP, in);
  /* blocks cut at a cap of 64 bytes, and lines cut inside */
  same_as_alone_with(SMALL_BLOCKS, in);
}

Test(restspeed11_lines, wrapped_paragraphs) {
  same_as_alone(
      "The committee met on Tuesday to discuss the new budget for the\n"
      "coming year, which several members described as too small for\n"
      "the work the city has in mind, and the mayor agreed with them.\n"
      "\n"
      "It was the first meeting since the elec-\n"
      "tion, and the election was on everyone's mind; the meeting\n"
      "lasted well into the night before a vote was taken at last.\n");
}

Test(restspeed11_lines, joined_paragraphs) {
  /* hard-wrapped prose, flush and indented: unwrap joins its lines */
  same_as_alone(
      "the council said on monday that the plan would go ahead\n"
      "despite the objections of residents who had written to\n"
      "complain about the noise and the traffic that the new road\n"
      "would bring to their streets, and it added that work would\n"
      "begin in the spring once the last of the permits had been\n"
      "granted by the regional office which had been slow to act on\n"
      "them. the council said on monday that the plan would go ahead\n"
      "despite the objections of residents who had written to\n"
      "complain about the noise and the traffic that the new road\n"
      "would bring to their streets, and it added that work would\n"
      "begin in the spring once the last of the permits had been\n"
      "granted by the regional office which had been slow to act on\n"
      "them. the council said on monday that the plan would go ahead\n"
      "despite the objections of residents who had written to\n"
      "complain about the noise and the traffic that the new road\n"
      "would bring to their streets, and it added that work would\n"
      "begin in the spring once the last of the permits had been\n"
      "granted by the regional office which had been slow to act on\n"
      "them.\n"
      "\n"
      "  the council said on monday that the plan would\n"
      "  go ahead despite the objections of residents who\n"
      "  had written to complain about the noise and the\n"
      "  traffic that the new road would bring to their\n"
      "  streets, and it added that work would begin in\n"
      "  the spring once the last of the permits had been\n"
      "  granted by the regional office which had been\n"
      "  slow to act on them. the council said on monday\n"
      "  that the plan would go ahead despite the\n"
      "  objections of residents who had written to\n"
      "  complain about the noise and the traffic that\n"
      "  the new road would bring to their streets, and\n"
      "  it added that work would begin in the spring\n"
      "  once the last of the permits had been granted by\n"
      "  the regional office which had been slow to act\n"
      "  on them. the council said on monday that the\n"
      "  plan would go ahead despite the objections of\n"
      "  residents who had written to complain about the\n"
      "  noise and the traffic that the new road would\n"
      "  bring to their streets, and it added that work\n"
      "  would begin in the spring once the last of the\n"
      "  permits had been granted by the regional office\n"
      "  which had been slow to act on them.\n");
}

Test(restspeed11_lines, indented_and_padded_lines) {
  same_as_alone("   * Home\n   * News   \n\t* Sport\t\n"
                "\xc2\xa0\xc2\xa0"
                "Weather\xc2\xa0\n  Contact\n"
                " \t \n"
                "    a table   row   one\n    a table   row   two\n"
                "\xc2\xa0 \n"
                "   [12]Share  \n   [13]Print\n");
}

Test(restspeed11_lines, more_lines_than_published) {
  /* 5000 lines in one block: past the 4096 ends the splitter keeps and
   * the 4096 lines unwrap reads */
  size_t cap = 5000 * 16 + 64;
  char *in = malloc(cap);
  cr_assert_not_null(in);
  size_t k = 0;
  for (int i = 0; i < 5000; i++)
    k +=
        (size_t)snprintf(in + k, cap - k, "%s line %d\n", i % 3 ? "  " : "", i);
  in[k] = '\0';
  same_as_alone(in);
  /* and 4096, 4097 lines: the edges */
  for (int lines = 4095; lines <= 4097; lines++) {
    k = 0;
    for (int i = 0; i < lines; i++)
      k += (size_t)snprintf(in + k, cap - k, "word %d\n", i);
    k += (size_t)snprintf(in + k, cap - k, "\nafter\n");
    in[k] = '\0';
    same_as_alone(in);
  }
  free(in);
}

Test(restspeed11_lines, many_small_blocks) {
  char in[8192];
  size_t k = 0;
  for (int i = 0; i < 120; i++)
    k += (size_t)snprintf(in + k, sizeof in - k,
                          "%s first %d\nsecond of %d\n%s\n", i % 2 ? " " : "",
                          i, i, i % 5 ? "" : "third");
  in[k] = '\0';
  same_as_alone(in);
}
