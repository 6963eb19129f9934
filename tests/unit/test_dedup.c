/* test_dedup.c - the dedup stage. */
#include "blocks.h"
#include <criterion/criterion.h>
Test(dedup, placeholder) { cr_assert(1); }
