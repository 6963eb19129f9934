/* run.c - kempt(1)'s input and output: files in, buffered output out.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

int cli_out_flush(struct cli_out *o) {
  if (!o->failed && o->len)
    o->failed = write_all(o->fd, o->buf, o->len);
  o->len = 0;
  return o->failed;
}

enum kempt_status cli_out_write(void *ud, const char *p, size_t n) {
  struct cli_out *o = ud;
  /* a large piece (the writer hands on 32 to 64 KiB at a time) goes straight
   * out after what is held, not through a copy */
  size_t direct = o->paced ? CLI_OUT_SIZE / 2 + 1 : CLI_OUT_SIZE / 8;
  if ((o->len + n > CLI_OUT_SIZE || n >= direct) && cli_out_flush(o))
    return KEMPT_ERR_WRITE;
  if (n >= direct) {
    o->failed = write_all(o->fd, p, n);
    return o->failed ? KEMPT_ERR_WRITE : KEMPT_OK;
  }
  memcpy(o->buf + o->len, p, n);
  o->len += n;
  return KEMPT_OK;
}

/* --explain: one line per change, with newlines and tabs made visible.
 * The line is built in a buffer and written with one fwrite: stderr is
 * unbuffered, and a dozen writes per change made --explain on a page with
 * many changes (entities, lone surrogates) take seconds per megabyte. */
#define EXPLAIN_BYTES 200
/* Room for both sides at their longest (every byte a \xNN escape) and a
 * header whose stage and rule are the library's short static names. */
#define EXPLAIN_LINE (2 * (4 * EXPLAIN_BYTES + 5) + 512)
struct explain_line {
  char s[EXPLAIN_LINE];
  size_t n;
};

static void line_put(struct explain_line *l, const char *p, size_t n) {
  if (n > sizeof l->s - l->n)
    n = sizeof l->s - l->n;
  memcpy(l->s + l->n, p, n);
  l->n += n;
}

static void put_visible(struct explain_line *l, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char esc[8];
    if (p[i] == '\n')
      line_put(l, "\\n", 2);
    else if (p[i] == '\t')
      line_put(l, "\\t", 2);
    else if ((unsigned char)p[i] < 0x20)
      line_put(l, esc, (size_t)snprintf(esc, sizeof esc, "\\x%02x",
                                        (unsigned char)p[i]));
    else
      line_put(l, p + i, 1);
  }
}

/* At most EXPLAIN_BYTES of p's n bytes, cut where a UTF-8 character starts
 * (the message stays valid UTF-8). */
static size_t explain_cut(const char *p, size_t n) {
  if (n <= EXPLAIN_BYTES)
    return n;
  size_t k = EXPLAIN_BYTES;
  while (k > EXPLAIN_BYTES - 3 && ((unsigned char)p[k] & 0xC0) == 0x80)
    k--;
  return k;
}

/* One side of an event, quoted: cut at EXPLAIN_BYTES, with "..." then. */
static void put_quoted(struct explain_line *l, const char *p, size_t n) {
  size_t k = explain_cut(p, n);
  line_put(l, "\"", 1);
  put_visible(l, p, k);
  if (k < n)
    line_put(l, "...\"", 4);
  else
    line_put(l, "\"", 1);
}

void cli_on_event(void *ud, const struct kempt_event *ev) {
  (void)ud;
  struct explain_line l;
  int h = snprintf(l.s, sizeof l.s, "kempt: explain: %s doc %llu @%llu %s: ",
                   ev->stage, (unsigned long long)ev->document,
                   (unsigned long long)ev->offset, ev->rule);
  l.n = h < 0 ? 0 : (size_t)h < sizeof l.s ? (size_t)h : sizeof l.s - 1;
  put_quoted(&l, ev->before, ev->before_len);
  line_put(&l, " -> ", 4);
  put_quoted(&l, ev->after, ev->after_len);
  line_put(&l, "\n", 1);
  fwrite(l.s, 1, l.n, stderr);
}

static const char *current_name = "-";

static void on_warning(void *ud, const char *msg) {
  (void)ud;
  fprintf(stderr, "kempt: %s: warning: %s\n", current_name, msg);
}

/* Read the whole file at path into a malloc'd buffer. */
static char *slurp(const char *path, size_t *len) {
  int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
  if (fd < 0)
    return NULL;
  size_t n = 0, size = 0;
  char *p = NULL;
  for (;;) {
    if (n == size) {
      size = size ? 2 * size : 65536;
      char *q = realloc(p, size);
      if (!q)
        break;
      p = q;
    }
    ssize_t r = read(fd, p + n, size - n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0) {
      if (r == 0) {
        *len = n;
        if (fd)
          close(fd);
        return p;
      }
      break;
    }
    n += (size_t)r;
  }
  int e = errno;
  free(p);
  if (fd)
    close(fd);
  errno = e;
  return NULL;
}

int cli_set_file_option(struct cli_run *run, const char *name,
                        const char *path) {
  size_t len = 0;
  char *data = slurp(path, &len);
  if (!data) {
    fprintf(stderr, "kempt: %s: %s\n", path, strerror(errno));
    return -1;
  }
  enum kempt_status st = kempt_config_set(run->cfg, name, data, len);
  free(data);
  if (st != KEMPT_OK) {
    fprintf(stderr, "kempt: %s: %s\n", path, kempt_strerror(st));
    return -1;
  }
  return 0;
}

int cli_library_index(const char *name) {
  const struct kempt_option *o;
  for (size_t i = 0; (o = kempt_option_get(i)) != NULL; i++)
    if (strcmp(o->name, name) == 0)
      return (int)i;
  return -1;
}

void cli_print_formats(FILE *f) {
  fprintf(f, "%26s%s\n", "",
          "FMT: text (default) | nul | jsonl | wet; see kempt(1)");
}

/* Feed one input stream; returns 0, or 1 if it could not be read. On a
 * library error *fatal is set to the status. */
static int feed_fd(kempt *k, int fd, const char *name, char *buf,
                   enum kempt_status *fatal) {
  current_name = name;
  for (;;) {
    ssize_t r = read(fd, buf, CLI_IN_SIZE);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      fprintf(stderr, "kempt: %s: %s\n", name, strerror(errno));
      *fatal = kempt_finish(k); /* what was read is still cleaned */
      return 1;
    }
    if (r == 0)
      break;
    *fatal = kempt_feed(k, buf, (size_t)r);
    if (*fatal != KEMPT_OK)
      return 0;
  }
  *fatal = kempt_finish(k);
  return 0;
}

static int open_input(const char *path, int *fd) {
  if (strcmp(path, "-") == 0) {
    *fd = 0;
    return 0;
  }
  *fd = open(path, O_RDONLY);
  struct stat sb;
  if (*fd >= 0 && fstat(*fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    close(*fd);
    errno = EISDIR;
    *fd = -1;
  }
  if (*fd < 0) {
    fprintf(stderr, "kempt: %s: %s\n", path, strerror(errno));
    return 1;
  }
  return 0;
}

/* Where -o FILE output goes. A regular file (or a new one) is written to a
 * temporary file beside it and renamed at the end, so that it appears only
 * when complete; a symbolic link is followed first, so that the link stays
 * and its target is replaced. Anything else (/dev/null, a terminal, a
 * FIFO) is opened and written in place: renaming over it would replace
 * the device itself. */
struct cli_dest {
  char *tmp;  /* temporary file, or NULL when writing in place */
  char *path; /* the file the temporary file becomes */
};

static int open_in_place(const char *path, struct cli_out *o) {
  o->fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (o->fd < 0) {
    fprintf(stderr, "kempt: %s: %s\n", path, strerror(errno));
    return -1;
  }
  return 0;
}

static int open_output(struct cli_run *run, struct cli_out *o,
                       struct cli_dest *d) {
  d->tmp = d->path = NULL;
  if (!run->output || strcmp(run->output, "-") == 0) {
    o->fd = 1;
    return 0;
  }
  struct stat sb;
  if (stat(run->output, &sb) == 0 && !S_ISREG(sb.st_mode))
    return open_in_place(run->output, o);
  d->path = realpath(run->output, NULL); /* NULL: it does not exist yet */
  if (!d->path)
    d->path = strdup(run->output);
  size_t n = d->path ? strlen(d->path) : 0;
  d->tmp = d->path ? malloc(n + 8) : NULL;
  if (!d->tmp) {
    free(d->path);
    d->path = NULL;
    return -1;
  }
  memcpy(d->tmp, d->path, n);
  memcpy(d->tmp + n, ".XXXXXX", 8);
  o->fd = mkstemp(d->tmp);
  if (o->fd < 0) {
    fprintf(stderr, "kempt: %s: %s\n", run->output, strerror(errno));
    free(d->tmp);
    free(d->path);
    d->tmp = d->path = NULL;
    return -1;
  }
  mode_t mask = umask(0); /* mkstemp makes 0600; use the usual mode */
  umask(mask);
  fchmod(o->fd, 0666 & ~mask);
  return 0;
}

static int close_output(struct cli_run *run, struct cli_out *o,
                        struct cli_dest *d, int ok) {
  int e = cli_out_flush(o);
  if (!e && o->fd != 1 && close(o->fd) != 0)
    e = errno;
  if (e && e != EPIPE)
    fprintf(stderr, "kempt: %s: %s\n", run->output ? run->output : "stdout",
            strerror(e));
  if (d->tmp) {
    if (!e && ok && rename(d->tmp, d->path) != 0) {
      e = errno;
      fprintf(stderr, "kempt: %s: %s\n", run->output, strerror(e));
    }
    if (e || !ok)
      unlink(d->tmp);
    free(d->tmp);
    free(d->path);
  }
  return e ? 1 : 0;
}

static int run_files(struct cli_run *run, kempt *k, char *buf) {
  static char *stdin_only[] = {"-"};
  char **files = run->nfiles ? run->files : stdin_only;
  size_t n = run->nfiles ? run->nfiles : 1;
  int status = 0;
  for (size_t i = 0; i < n; i++) {
    int fd;
    if (open_input(files[i], &fd)) {
      status = 1;
      continue;
    }
    enum kempt_status st = KEMPT_OK;
    status |= feed_fd(k, fd, files[i], buf, &st);
    if (fd)
      close(fd);
    if (st == KEMPT_ERR_WRITE)
      return status | 1;
    if (st != KEMPT_OK) {
      fprintf(stderr, "kempt: %s: %s\n", files[i], kempt_strerror(st));
      kempt_reset(k);
      status = 1;
    }
  }
  return status;
}

/* -r or --shard without an output folder: the file list, expanded. */
static int expand_files(struct cli_run *run, struct cli_jobs *jobs,
                        char ***list) {
  *list = NULL;
  if (!run->recursive && !run->shard_n)
    return 0;
  static char *stdin_only[] = {"-"};
  if (!run->nfiles) {
    run->files = stdin_only;
    run->nfiles = 1;
  }
  int status = cli_collect(run, jobs, 0, 0);
  *list = malloc((jobs->n + 1) * sizeof **list);
  if (status < 0 || !*list) {
    fprintf(stderr, "kempt: out of memory\n");
    return -1;
  }
  for (size_t i = 0; i < jobs->n; i++)
    (*list)[i] = jobs->v[i].in;
  run->files = *list;
  run->nfiles = jobs->n;
  return status;
}

static int finish_stats(const struct cli_run *run, const kempt *k,
                        double t0) {
  static struct cli_stats st;
  if (!run->stats)
    return 0;
  st.files = run->nfiles;
  st.seconds = cli_now() - t0;
  cli_stats_add(&st, k);
  return cli_stats_write(&st, run->stats);
}

static int run_stream(struct cli_run *run, double t0) {
  static struct cli_out o;
  struct cli_dest dest;
  if (open_output(run, &o, &dest) != 0)
    return 1;
  o.paced = run->explain;
  kempt_config_output(run->cfg, cli_out_write, &o);
  kempt_config_warnings(run->cfg, on_warning, NULL);
  if (run->explain)
    kempt_config_events(run->cfg, cli_on_event, NULL);
  enum kempt_status st;
  kempt *k = kempt_new(run->cfg, &st);
  char *buf = malloc(CLI_IN_SIZE);
  if (!k || !buf) {
    fprintf(stderr, "kempt: %s\n", kempt_strerror(k ? KEMPT_ERR_NOMEM : st));
    kempt_free(k);
    free(buf);
    close_output(run, &o, &dest, 0);
    return 1;
  }
  bool any = run->nfiles || (!run->recursive && !run->shard_n);
  int status = any ? run_files(run, k, buf) : 0;
  free(buf);
  status |= close_output(run, &o, &dest, 1);
  status |= finish_stats(run, k, t0);
  kempt_free(k);
  return status;
}

int cli_run(struct cli_run *run) {
  double t0 = cli_now();
  if (run->recursive && run->output && strcmp(run->output, "-") != 0)
    return cli_batch(run);
  struct cli_jobs jobs = {NULL, 0, 0};
  char **list;
  int status = expand_files(run, &jobs, &list);
  if (status >= 0)
    status |= run_stream(run, t0);
  free(list);
  cli_jobs_free(&jobs);
  return status < 0 ? 1 : status;
}
