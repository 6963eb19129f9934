/* cli.h - the parts of kempt(1).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_CLI_H
#define KEMPT_CLI_H

#include "kempt.h"

#include <stddef.h>
#include <stdio.h>

/* What the command line asked for. */
struct cli_run {
  kempt_config *cfg;
  const char *output; /* -o FILE, or NULL for stdout */
  int explain;
  char **files;
  size_t nfiles;
};

/* Clean the files (or stdin) as run says; returns the exit status. */
int cli_run(struct cli_run *run);

/* Read FILE and set library file option 'name' to its content; prints the
 * reason and returns -1 when the file cannot be read. */
int cli_set_file_option(struct cli_run *run, const char *name,
                        const char *path);

/* Index of the library option 'name' in kempt_option_get's numbering. */
int cli_library_index(const char *name);

/* The list of framings for --help. */
void cli_print_formats(FILE *f);

#endif
