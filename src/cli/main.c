/* main.c - kempt(1): options, files, exit codes. No text logic here: the
 * library does all of that, and describes its own options, so this program
 * offers every library option without knowing it in advance.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "config.h"

#include "cli.h"
#include "kempt.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Options of the program itself, not of the library. */
enum {
  OPT_HELP = 'h',
  OPT_VERSION = 'V',
  OPT_OUTPUT = 'o',
  OPT_NUL = 'z',
  OPT_RECURSIVE = 'r',
  OPT_JOBS = 'j',
  OPT_LIST_STAGES = 1000,
  OPT_EXPLAIN,
  OPT_SKIP_EXISTING,
  OPT_STATS,
  OPT_SHARD,
  OPT_LIBRARY = 2000 /* + index of a library option */
};

struct cli_option {
  const char *name;
  int has_arg, val;
  const char *arg, *help;
};

static const struct cli_option cli_options[] = {
    {"output", 1, OPT_OUTPUT, "PATH",
     "write to file PATH instead of stdout; with -r, to folder PATH"},
    {"recursive", 0, OPT_RECURSIVE, NULL,
     "FILE arguments may be folders (files taken in name order, links "
     "followed); with -o DIR, clean each file into DIR, mirroring the tree"},
    {"jobs", 1, OPT_JOBS, "N",
     "with -r -o: N worker threads (default 1; 0: one per processor); the "
     "output does not depend on N"},
    {"skip-existing", 0, OPT_SKIP_EXISTING, NULL,
     "with -r -o: leave outputs that exist alone (resume a run)"},
    {"shard", 1, OPT_SHARD, "I/N",
     "take only input files I, I+N, I+2N, ... (I from 0) of the sorted list"},
    {"stats", 1, OPT_STATS, "FILE",
     "write JSON counters to FILE at the end (files, documents, bytes, "
     "changes per stage and rule, seconds, seconds per stage)"},
    {NULL, 0, OPT_NUL, NULL, "same as --format=nul"},
    {"explain", 0, OPT_EXPLAIN, NULL,
     "report each change on stderr: stage, offset, rule, before -> after"},
    {"list-stages", 0, OPT_LIST_STAGES, NULL,
     "print the stages and what each does, then exit"},
    {"help", 0, OPT_HELP, NULL, "print this help, then exit"},
    {"version", 0, OPT_VERSION, NULL, "print the version, then exit"},
};
#define N_CLI (sizeof cli_options / sizeof cli_options[0])

static void print_option(FILE *f, int shortc, const char *name,
                         const char *arg, const char *help) {
  char left[64];
  int n = shortc ? snprintf(left, sizeof left, "  -%c%s", shortc,
                            name ? ", " : "")
                 : snprintf(left, sizeof left, "      ");
  if (name)
    snprintf(left + n, sizeof left - (size_t)n, "--%s%s%s", name,
             arg ? "=" : "", arg ? arg : "");
  if (strlen(left) > 24)
    fprintf(f, "%s\n%26s%s\n", left, "", help);
  else
    fprintf(f, "%-26s%s\n", left, help);
}

static void print_help(void) {
  printf("Usage: kempt [OPTION]... [FILE]...\n"
         "Turn scraped web-page text into clean paragraphs.\n"
         "With no FILE, or when FILE is -, read standard input.\n\n");
  const char *owner = "";
  const struct kempt_option *o;
  for (size_t i = 0; (o = kempt_option_get(i)) != NULL; i++) {
    if (strcmp(owner, o->owner) != 0) {
      owner = o->owner;
      if (strcmp(owner, "core") == 0)
        printf("Pipeline:\n");
      else
        printf("\n%s options:\n", owner);
    }
    print_option(stdout, o->short_name, o->name, o->arg, o->help);
    if (strcmp(o->name, "format") == 0)
      cli_print_formats(stdout);
  }
  printf("\nProgram:\n");
  for (size_t i = 0; i < N_CLI; i++)
    print_option(stdout, cli_options[i].val < 128 ? cli_options[i].val : 0,
                 cli_options[i].name, cli_options[i].arg,
                 cli_options[i].help);
  printf("\nExit status: 0 all well (warnings included), 1 an input could "
         "not be read\nor the output not written, 2 usage error.\n");
}

static void list_stages(void) {
  const struct kempt_stage_info *si;
  for (size_t i = 0; (si = kempt_stage_get(i)) != NULL; i++)
    printf("%-8s %s%s\n", si->name, si->summary,
           si->optional ? "" : " (always runs)");
}

__attribute__((format(printf, 1, 2))) _Noreturn static void
usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "kempt: ");
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'kempt --help' for more information.\n");
  exit(2);
}

/* getopt_long's tables, built from the library's options and ours. */
struct opt_tables {
  struct option longs[128];
  char shorts[128];
};

static void build_tables(struct opt_tables *t) {
  size_t nl = 0, ns = 0;
  const struct kempt_option *o;
  for (size_t i = 0; (o = kempt_option_get(i)) != NULL && nl < 100; i++) {
    int has_arg = o->type == KEMPT_OPT_FLAG ? no_argument : required_argument;
    t->longs[nl++] = (struct option){o->name, has_arg, NULL,
                                     OPT_LIBRARY + (int)i};
    if (o->short_name) {
      t->shorts[ns++] = (char)o->short_name;
      if (has_arg)
        t->shorts[ns++] = ':';
    }
  }
  for (size_t i = 0; i < N_CLI; i++) {
    const struct cli_option *c = &cli_options[i];
    if (c->name)
      t->longs[nl++] = (struct option){c->name, c->has_arg, NULL, c->val};
    if (c->val < 128) {
      t->shorts[ns++] = (char)c->val;
      if (c->has_arg)
        t->shorts[ns++] = ':';
    }
  }
  t->longs[nl] = (struct option){NULL, 0, NULL, 0};
  t->shorts[ns] = '\0';
}

/* The library option with this short letter, as an OPT_LIBRARY value. */
static int library_short(int c) {
  const struct kempt_option *o;
  for (size_t i = 0; (o = kempt_option_get(i)) != NULL; i++)
    if (o->short_name == c)
      return OPT_LIBRARY + (int)i;
  return c;
}

static void parse_shard(struct cli_run *run, const char *s,
                        const char *what) {
  unsigned long i, n;
  char *end;
  errno = 0;
  i = strtoul(s, &end, 10);
  if (errno || end == s || *end != '/' || *s == '-')
    usage_error("invalid %s '%s' (I/N, 0 <= I < N)", what, s);
  const char *q = end + 1;
  n = strtoul(q, &end, 10);
  if (errno || end == q || *end || *q == '-' || n == 0 || i >= n ||
      n > 1000000)
    usage_error("invalid %s '%s' (I/N, 0 <= I < N)", what, s);
  run->shard_i = (unsigned)i;
  run->shard_n = (unsigned)n;
}

static void set_library_option(struct cli_run *run, int idx, const char *arg) {
  const struct kempt_option *o = kempt_option_get((size_t)idx);
  if (o->type == KEMPT_OPT_FILE) {
    if (cli_set_file_option(run, o->name, arg) != 0)
      exit(2);
    return;
  }
  if (strcmp(o->name, "record-shard") == 0) {
    struct cli_run check;
    parse_shard(&check, arg, "--record-shard"); /* I/N, or usage error */
  }
  enum kempt_status st = kempt_config_set(run->cfg, o->name, arg, 0);
  if (st == KEMPT_OK && strcmp(o->name, "gzip") == 0)
    run->gzip = 1;
  if (st == KEMPT_ERR_NOMEM) {
    fprintf(stderr, "kempt: out of memory\n");
    exit(1);
  }
  if (st != KEMPT_OK) {
    if (strcmp(o->name, "stages") == 0 || strcmp(o->name, "skip") == 0)
      usage_error("invalid stage list '%s' (see --list-stages; --stages "
                  "and --skip cannot be combined)",
                  arg);
    fprintf(stderr, "kempt: invalid value '%s' for --%s\n", arg ? arg : "",
            o->name);
    usage_error("%s", o->choices ? o->choices : "see --help");
  }
}

static bool is_cli_short(int c) {
  for (size_t i = 0; i < N_CLI; i++)
    if (cli_options[i].val == c)
      return true;
  return c == 'h' || c == 'V';
}

static unsigned parse_count(const char *s, const char *what) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (errno || end == s || *end || v > 100000 || *s == '-')
    usage_error("invalid number '%s' for %s", s, what);
  return (unsigned)v;
}


/* -r -o DIR: folders in, a folder out. */
static void check_batch(const struct cli_run *run) {
  bool batch = run->recursive && run->output && strcmp(run->output, "-");
  if ((run->jobs || run->skip_existing) && !batch)
    usage_error("-j and --skip-existing are for batch mode (-r -o DIR)");
  if (!batch)
    return;
  if (!run->nfiles)
    usage_error("-r -o DIR: name the files or folders to clean");
  for (size_t i = 0; i < run->nfiles; i++)
    if (strcmp(run->files[i], "-") == 0)
      usage_error("-r -o DIR: standard input cannot be mirrored");
}

/* The options of batch mode and of the file list; false for others. */
static bool batch_option(struct cli_run *run, int c, const char *arg) {
  long np;
  switch (c) {
  case OPT_RECURSIVE:
    run->recursive = 1;
    return true;
  case OPT_JOBS:
    run->jobs = parse_count(arg, "--jobs");
    np = run->jobs ? (long)run->jobs : sysconf(_SC_NPROCESSORS_ONLN);
    run->jobs = np > 0 ? (unsigned)np : 1;
    return true;
  case OPT_SKIP_EXISTING:
    run->skip_existing = 1;
    return true;
  case OPT_STATS:
    run->stats = arg;
    /* time per stage, in the library: only read clocks when asked */
    if (kempt_config_set(run->cfg, "timing", NULL, 0) != KEMPT_OK)
      usage_error("out of memory");
    return true;
  case OPT_SHARD:
    parse_shard(run, arg, "--shard");
    return true;
  default:
    return false;
  }
}

static void parse_args(struct cli_run *run, int argc, char **argv) {
  struct opt_tables t;
  build_tables(&t);
  int c;
  while ((c = getopt_long(argc, argv, t.shorts, t.longs, NULL)) != -1) {
    if (c != '?' && c < 128 && !is_cli_short(c))
      c = library_short(c);
    switch (c) {
    case OPT_HELP:
      print_help();
      exit(0);
    case OPT_VERSION:
      printf("kempt %s (libkempt %s)\n", PACKAGE_VERSION, kempt_version());
      exit(0);
    case OPT_LIST_STAGES:
      list_stages();
      exit(0);
    case OPT_OUTPUT:
      run->output = optarg;
      break;
    case OPT_NUL:
      set_library_option(run, cli_library_index("format"), "nul");
      break;
    case OPT_EXPLAIN:
      run->explain = 1;
      break;
    case '?':
      fprintf(stderr, "Try 'kempt --help' for more information.\n");
      exit(2);
    default:
      if (!batch_option(run, c, optarg))
        set_library_option(run, c - OPT_LIBRARY, optarg);
    }
  }
  run->files = argv + optind;
  run->nfiles = (size_t)(argc - optind);
  check_batch(run);
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_DFL); /* `kempt | head` ends quietly */
  struct cli_run run;
  memset(&run, 0, sizeof run);
  run.cfg = kempt_config_new(NULL);
  if (!run.cfg) {
    fprintf(stderr, "kempt: out of memory\n");
    return 1;
  }
  parse_args(&run, argc, argv);
  int status = cli_run(&run);
  kempt_config_free(run.cfg);
  return status;
}
