/* test_chrome.c - the chrome stage.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_chrome.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

Test(chrome, placeholder) { cr_assert(1); }
