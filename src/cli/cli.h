/* cli.h - the parts of kempt(1).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_CLI_H
#define KEMPT_CLI_H

#include "kempt.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What the command line asked for. */
struct cli_run {
  kempt_config *cfg;
  const char *output; /* -o FILE (or folder with -r), or NULL for stdout */
  int explain;
  int recursive;      /* -r: FILE arguments may be folders */
  unsigned jobs;      /* -j N (0: one per processor) */
  int skip_existing;  /* --skip-existing */
  int gzip;           /* the library option --gzip was given */
  const char *stats;  /* --stats=FILE */
  unsigned shard_i, shard_n; /* --shard=I/N; shard_n 0 = all */
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

/* ---- shared by the single-stream run (run.c) and batch mode (batch.c) */

#define CLI_IN_SIZE (256 * 1024)
#define CLI_OUT_SIZE (256 * 1024)

/* Buffered output to a file descriptor. */
struct cli_out {
  int fd;
  size_t len;
  int failed; /* errno of the first failed write, or 0 */
  bool paced; /* --explain: every piece through the buffer (the text
                 comes out between the explanations as it always did) */
  char buf[CLI_OUT_SIZE];
};
enum kempt_status cli_out_write(void *ud, const char *p, size_t n);
int cli_out_flush(struct cli_out *o); /* errno of a failure, or 0 */

/* --explain on stderr, one line per change (safe from several threads). */
void cli_on_event(void *ud, const struct kempt_event *ev);

/* The input files: FILE arguments, folders walked with -r (sorted by
 * name, symbolic links followed), --shard applied. */
struct cli_job {
  char *in;  /* path to read */
  char *rel; /* output path relative to the output folder */
  uint64_t size;
};
struct cli_jobs {
  struct cli_job *v;
  size_t n, cap;
};
/* Collect the jobs of run (skip_dev/skip_ino: a folder not to enter, the
 * output folder, or skip_ino 0). Unreadable entries are reported on
 * stderr; returns 1 if there were any (the rest is still collected), -1
 * when out of memory. */
int cli_collect(const struct cli_run *run, struct cli_jobs *jobs,
                uint64_t skip_dev, uint64_t skip_ino);
void cli_jobs_free(struct cli_jobs *jobs);

/* Batch mode: -r IN... -o OUTDIR. Returns the exit status. */
int cli_batch(struct cli_run *run);

/* Counters of one or more handles, written as JSON by --stats. */
struct cli_stats {
  uint64_t files, files_failed, files_skipped;
  struct kempt_counters c;
  double seconds;
  size_t nrules;
  struct cli_rule {
    const char *stage, *rule;
    uint64_t count;
  } rules[1024];
  size_t ntimes; /* time per stage, in pipeline order */
  struct cli_time {
    const char *stage;
    uint64_t ns;
  } times[64];
};
void cli_stats_add(struct cli_stats *st, const kempt *k);
/* Write the JSON to path; prints the reason and returns 1 on failure. */
int cli_stats_write(const struct cli_stats *st, const char *path);
double cli_now(void);

#endif
