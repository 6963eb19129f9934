/* batch.c - kempt -r IN... -o OUTDIR: clean a tree of files into a mirror
 * tree, with -j worker threads.
 *
 * Each worker has its own kempt handle, reset before each file, so a
 * file's output does not depend on which worker took it or on -j. Each
 * output is written to a temporary file in its folder and renamed when
 * complete; a signal removes the temporary files before kempt dies, so
 * OUTDIR never holds anything but finished outputs.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_WORKERS 256

struct batch;

struct worker {
  struct batch *b;
  kempt *k;
  pthread_t thread;
  const char *current; /* the input being read, for warnings */
  char tmp[PATH_MAX];  /* the temporary output being written */
  volatile sig_atomic_t tmp_live;
  char *inbuf;
  struct cli_out out;
};

struct batch {
  struct cli_run *run;
  struct cli_jobs jobs;
  char **dest; /* output path of each job, NULL: not to be done */
  mode_t mode; /* of new files: 0666 & ~umask */
  uint64_t total_bytes;
  atomic_size_t next;
  atomic_size_t done, failed, skipped;
  atomic_uint_fast64_t bytes_done;
  size_t nworkers;
  struct worker *w;
};

/* For the signal handler: the workers whose temporary files to remove. */
static struct worker *volatile sig_workers;
static volatile size_t sig_nworkers;

static void on_signal(int sig) {
  for (size_t i = 0; i < sig_nworkers; i++)
    if (sig_workers[i].tmp_live)
      unlink(sig_workers[i].tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void on_warning(void *ud, const char *msg) {
  struct worker *w = ud;
  fprintf(stderr, "kempt: %s: warning: %s\n", w->current, msg);
}

/* ---- output names ---- */

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && strcmp(s + n - k, suffix) == 0;
}

/* OUTDIR/rel, with .gz dropped (plain output) or added (--gzip). */
static char *dest_path(const struct cli_run *run, const char *rel) {
  size_t n = strlen(run->output) + strlen(rel) + 8;
  char *p = malloc(n);
  if (!p)
    return NULL;
  snprintf(p, n, "%s/%s", run->output, rel);
  if (!run->gzip && ends_with(p, ".gz"))
    p[strlen(p) - 3] = '\0';
  else if (run->gzip && !ends_with(p, ".gz"))
    strcat(p, ".gz");
  return p;
}

static int by_dest(const void *a, const void *b) {
  const char *x = **(char **const *)a, *y = **(char **const *)b;
  return strcmp(x, y);
}

/* Two inputs with one output name (a and a.gz): the second is refused. */
static int refuse_collisions(struct batch *b) {
  size_t n = b->jobs.n;
  char ***v = malloc((n + 1) * sizeof *v);
  int status = 0;
  if (!v)
    return -1;
  for (size_t i = 0; i < n; i++)
    v[i] = &b->dest[i];
  qsort(v, n, sizeof *v, by_dest);
  for (size_t i = 1; i < n; i++)
    if (strcmp(*v[i], *v[i - 1]) == 0) {
      size_t j = (size_t)(v[i] - b->dest);
      fprintf(stderr, "kempt: %s: output %s is another input's, skipped\n",
              b->jobs.v[j].in, *v[i]);
      status = 1;
      free(*v[i]);
      *v[i] = NULL;
      v[i] = v[i - 1]; /* keep comparing with the first */
    }
  free(v);
  return status;
}

/* ---- one file ---- */

/* Make the folders above path (like mkdir -p of its dirname). */
static int make_parents(const char *path) {
  char buf[PATH_MAX];
  size_t n = strlen(path);
  if (n >= sizeof buf)
    return ENAMETOOLONG;
  memcpy(buf, path, n + 1);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
      return errno;
    *p = '/';
  }
  return 0;
}

/* Make the folders of every output, once each (the jobs come in name
 * order, so one folder's files are neighbours); a job whose folder
 * cannot be made is reported and dropped. */
static int make_folders(struct batch *b) {
  int status = 0;
  const char *last = NULL;
  size_t lastlen = 0;
  for (size_t i = 0; i < b->jobs.n; i++) {
    const char *d = b->dest[i];
    const char *slash = d ? strrchr(d, '/') : NULL;
    size_t len = slash ? (size_t)(slash - d) : 0;
    if (!d || (last && len == lastlen && memcmp(d, last, len) == 0))
      continue;
    int e = make_parents(d);
    if (e) {
      fprintf(stderr, "kempt: %.*s: %s\n", (int)len, d, strerror(e));
      free(b->dest[i]);
      b->dest[i] = NULL;
      status = 1;
      continue;
    }
    last = d;
    lastlen = len;
  }
  return status;
}

static int plan(struct batch *b) {
  b->dest = calloc(b->jobs.n + 1, sizeof *b->dest);
  if (!b->dest)
    return -1;
  for (size_t i = 0; i < b->jobs.n; i++) {
    b->dest[i] = dest_path(b->run, b->jobs.v[i].rel);
    if (!b->dest[i])
      return -1;
    b->total_bytes += b->jobs.v[i].size;
  }
  int status = refuse_collisions(b);
  return status < 0 ? status : status | make_folders(b);
}

static int open_tmp(struct worker *w, const char *dest) {
  const char *slash = strrchr(dest, '/');
  size_t dir = slash ? (size_t)(slash - dest) + 1 : 0;
  if ((size_t)snprintf(w->tmp, sizeof w->tmp, "%.*s.%s.kempt-XXXXXX", (int)dir,
                       dest, dest + dir) >= sizeof w->tmp) {
    errno = ENAMETOOLONG;
    return -1;
  }
  int fd = mkstemp(w->tmp);
  if (fd >= 0) {
    w->tmp_live = 1;
    fchmod(fd, w->b->mode);
  }
  return fd;
}

/* Feed the file at fd; 0, or an errno (read) / -1 (library, in *st). */
static int feed(struct worker *w, int fd, enum kempt_status *st) {
  for (;;) {
    ssize_t r = read(fd, w->inbuf, CLI_IN_SIZE);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      return errno;
    if (r == 0)
      break;
    atomic_fetch_add(&w->b->bytes_done, (uint_fast64_t)r);
    *st = kempt_feed(w->k, w->inbuf, (size_t)r);
    if (*st != KEMPT_OK)
      return -1;
  }
  *st = kempt_finish(w->k);
  return *st == KEMPT_OK ? 0 : -1;
}

static void report(const char *path, int e, enum kempt_status st) {
  fprintf(stderr, "kempt: %s: %s\n", path,
          e > 0 ? strerror(e) : kempt_strerror(st));
}

/* Clean the open input fd into dest; returns 0 or 1 (reported). */
static int convert(struct worker *w, const struct cli_job *job, int fd,
                   const char *dest) {
  enum kempt_status st = KEMPT_OK;
  w->out.fd = open_tmp(w, dest);
  if (w->out.fd < 0) {
    report(dest, errno, st);
    return 1;
  }
  w->out.len = 0;
  w->out.failed = 0;
  kempt_reset(w->k);
  int e = feed(w, fd, &st);
  const char *where = e > 0 ? job->in : dest;
  if (e == -1 && st == KEMPT_ERR_WRITE)
    e = w->out.failed;
  if (!e && (e = cli_out_flush(&w->out)) != 0)
    where = dest;
  if (close(w->out.fd) != 0 && !e)
    e = errno;
  if (!e && rename(w->tmp, dest) != 0)
    e = errno;
  if (e) {
    unlink(w->tmp);
    report(where, e, st);
  }
  w->tmp_live = 0;
  return e ? 1 : 0;
}

static int do_job(struct worker *w, size_t i) {
  const struct cli_job *job = &w->b->jobs.v[i];
  const char *dest = w->b->dest[i];
  if (!dest)
    return 1;
  if (w->b->run->skip_existing && access(dest, F_OK) == 0) {
    atomic_fetch_add(&w->b->skipped, 1);
    atomic_fetch_add(&w->b->bytes_done, job->size);
    return 0;
  }
  int fd = open(job->in, O_RDONLY);
  if (fd < 0) {
    report(job->in, errno, KEMPT_OK);
    return 1;
  }
  w->current = job->in;
  int r = convert(w, job, fd, dest);
  close(fd);
  return r;
}

static void *work(void *arg) {
  struct worker *w = arg;
  struct batch *b = w->b;
  for (;;) {
    size_t i = atomic_fetch_add(&b->next, 1);
    if (i >= b->jobs.n)
      break;
    if (do_job(w, i))
      atomic_fetch_add(&b->failed, 1);
    atomic_fetch_add(&b->done, 1);
  }
  return NULL;
}

/* ---- progress on a terminal ---- */

static void progress(struct batch *b, double t0, bool last) {
  size_t done = atomic_load(&b->done), n = b->jobs.n;
  double mb = (double)atomic_load(&b->bytes_done) / 1e6;
  double total = (double)b->total_bytes / 1e6, dt = cli_now() - t0;
  double rate = dt > 0 ? mb / dt : 0;
  double eta = rate > 0 && total > mb ? (total - mb) / rate : 0;
  char bar[21];
  size_t fill = n ? 20 * done / n : 20;
  for (size_t i = 0; i < 20; i++)
    bar[i] = i < fill ? '#' : '.';
  bar[20] = '\0';
  fprintf(stderr,
          "\rkempt: [%s] %zu/%zu files  %.1f MB  %.1f MB/s  "
          "ETA %d:%02d ",
          bar, done, n, mb, rate, (int)eta / 60, (int)eta % 60);
  if (last)
    fputc('\n', stderr);
}

static void watch(struct batch *b, double t0) {
  struct timespec pause = {0, 200 * 1000 * 1000};
  while (atomic_load(&b->done) < b->jobs.n) {
    progress(b, t0, false);
    nanosleep(&pause, NULL);
  }
  progress(b, t0, true);
}

/* ---- workers ---- */

static int start_worker(struct batch *b, struct worker *w) {
  struct cli_run *run = b->run;
  w->b = b;
  w->current = "-";
  w->inbuf = malloc(CLI_IN_SIZE);
  kempt_config_output(run->cfg, cli_out_write, &w->out);
  kempt_config_warnings(run->cfg, on_warning, w);
  if (run->explain)
    kempt_config_events(run->cfg, cli_on_event, NULL);
  enum kempt_status st = KEMPT_ERR_NOMEM;
  w->k = w->inbuf ? kempt_new(run->cfg, &st) : NULL;
  if (!w->k) {
    fprintf(stderr, "kempt: %s\n", kempt_strerror(st));
    return -1;
  }
  return 0;
}

static unsigned count_workers(const struct batch *b) {
  long n = b->run->jobs ? (long)b->run->jobs : 1;
  if (n < 1)
    n = 1;
  if (n > MAX_WORKERS)
    n = MAX_WORKERS;
  if ((size_t)n > b->jobs.n)
    n = b->jobs.n ? (long)b->jobs.n : 1;
  return (unsigned)n;
}

static int run_workers(struct batch *b) {
  b->nworkers = count_workers(b);
  b->w = calloc(b->nworkers, sizeof *b->w);
  if (!b->w)
    return -1;
  for (size_t i = 0; i < b->nworkers; i++)
    if (start_worker(b, &b->w[i]) != 0)
      return -1;
  sig_workers = b->w;
  sig_nworkers = b->nworkers;
  double t0 = cli_now();
  size_t started = 0;
  for (size_t i = 1; i < b->nworkers; i++, started++)
    if (pthread_create(&b->w[i].thread, NULL, work, &b->w[i]) != 0)
      break;
  if (isatty(2) && b->jobs.n) {
    pthread_t t;
    if (pthread_create(&t, NULL, work, &b->w[0]) == 0) {
      watch(b, t0);
      pthread_join(t, NULL);
    } else {
      work(&b->w[0]);
    }
  } else {
    work(&b->w[0]);
  }
  for (size_t i = 1; i <= started; i++)
    pthread_join(b->w[i].thread, NULL);
  return 0;
}

static void free_batch(struct batch *b) {
  sig_nworkers = 0;
  for (size_t i = 0; b->w && i < b->nworkers; i++) {
    kempt_free(b->w[i].k);
    free(b->w[i].inbuf);
  }
  free(b->w);
  for (size_t i = 0; b->dest && i < b->jobs.n; i++)
    free(b->dest[i]);
  free(b->dest);
  cli_jobs_free(&b->jobs);
}

static int write_stats(struct batch *b, double t0) {
  static struct cli_stats st;
  if (!b->run->stats)
    return 0;
  st.files = b->jobs.n;
  st.files_failed = atomic_load(&b->failed);
  st.files_skipped = atomic_load(&b->skipped);
  st.seconds = cli_now() - t0;
  for (size_t i = 0; i < b->nworkers; i++)
    if (b->w[i].k)
      cli_stats_add(&st, b->w[i].k);
  return cli_stats_write(&st, b->run->stats);
}

/* Make OUTDIR; its identity, so that the walk does not enter it. */
static int make_outdir(const char *dir, struct stat *sb) {
  char probe[PATH_MAX];
  if ((size_t)snprintf(probe, sizeof probe, "%s/x", dir) >= sizeof probe ||
      make_parents(probe) != 0 || stat(dir, sb) != 0 || !S_ISDIR(sb->st_mode)) {
    fprintf(stderr, "kempt: %s: %s\n", dir,
            errno ? strerror(errno) : "not a folder");
    return -1;
  }
  return 0;
}

static void catch_signals(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    signal(sigs[i], on_signal);
}

int cli_batch(struct cli_run *run) {
  double t0 = cli_now();
  struct batch b;
  struct stat sb;
  memset(&b, 0, sizeof b);
  b.run = run;
  mode_t mask = umask(0);
  umask(mask);
  b.mode = 0666 & ~mask;
  if (make_outdir(run->output, &sb) != 0)
    return 1;
  int status =
      cli_collect(run, &b.jobs, (uint64_t)sb.st_dev, (uint64_t)sb.st_ino);
  if (status >= 0)
    status |= plan(&b);
  catch_signals();
  if (status >= 0 && run_workers(&b) != 0)
    status = -1;
  if (status >= 0 && atomic_load(&b.failed))
    status = 1;
  if (status >= 0)
    status |= write_stats(&b, t0);
  free_batch(&b);
  if (status < 0)
    fprintf(stderr, "kempt: out of memory\n");
  return status < 0 ? 1 : status;
}
