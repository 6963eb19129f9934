/* test_spacing.c - the spacing stage.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_spacing.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

Test(spacing, placeholder) { cr_assert(1); }
