/* test_gluespeed10_wordlist.c - kempt__wordlist_find, which compares the
 * 16 words of a line of the list at once where it can, finds what the
 * plain loop over a bucket's entries finds: for every line and both of
 * its buckets, with the fingerprint of each entry there and of none.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/wordlist.h"

#include <criterion/criterion.h>
#include <stdint.h>

/* The plain loop: the first entry of h's bucket whose 26 bits are h's. */
static uint32_t reference(uint64_t h) {
  const uint32_t *line = kempt__wl_lines[h >> (64 - KEMPT__WL_LINE_BITS)];
  uint32_t head = line[0];
  const uint32_t *e =
      head & (1u << 10) ? kempt__wl_more + (head >> 11) : line + 1;
  uint32_t first = head & 31u, all = (head >> 5) & 31u;
  bool second = (h >> (63 - KEMPT__WL_LINE_BITS)) & 1u;
  uint32_t fp = (uint32_t)h & 0xFFFFFFC0u;
  for (uint32_t i = second ? first : 0, end = second ? all : first; i < end;
       i++)
    if ((e[i] & 0xFFFFFFC0u) == fp)
      return e[i];
  return 0;
}

Test(gluespeed10_wordlist, find_as_the_plain_loop) {
  uint64_t found = 0;
  for (uint64_t line = 0; line < (1u << KEMPT__WL_LINE_BITS); line++) {
    const uint32_t *l = kempt__wl_lines[line];
    uint32_t head = l[0];
    const uint32_t *e = head & (1u << 10) ? kempt__wl_more + (head >> 11) : l + 1;
    uint32_t all = (head >> 5) & 31u;
    for (uint64_t second = 0; second < 2; second++) {
      uint64_t top = line << (64 - KEMPT__WL_LINE_BITS) |
                     second << (63 - KEMPT__WL_LINE_BITS);
      /* each entry's fingerprint in this bucket (found when it is the
       * bucket's), the header's, an empty slot's (0), and a few others */
      for (uint32_t k = 0; k < all + 4; k++) {
        uint32_t fp = k < all        ? e[k] & 0xFFFFFFC0u
                      : k == all     ? head & 0xFFFFFFC0u
                      : k == all + 1 ? 0
                                     : (uint32_t)(line * 2654435761u + k) << 6;
        for (uint32_t low = 0; low < 64; low += 21) {
          uint64_t h = top | fp | low;
          uint32_t want = reference(h);
          found += want != 0;
          cr_assert_eq(kempt__wordlist_find(h), want, "line %llu",
                       (unsigned long long)line);
        }
      }
    }
  }
  cr_assert_gt(found, 100000);
}
