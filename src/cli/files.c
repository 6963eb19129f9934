/* files.c - kempt(1)'s list of input files: folders walked in name order
 * (symbolic links followed, loops refused), --shard applied; and the
 * --stats JSON.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "config.h"

#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The folders being walked, to refuse a symbolic-link loop. */
struct walk {
  const struct cli_run *run;
  struct cli_jobs *jobs;
  uint64_t skip_dev, skip_ino;
  struct {
    uint64_t dev, ino;
  } stack[256];
  size_t depth;
  int status;
};

static char *join(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *p = malloc(na + nb + 2);
  if (!p)
    return NULL;
  memcpy(p, a, na);
  size_t k = na;
  if (na && nb && a[na - 1] != '/')
    p[k++] = '/';
  memcpy(p + k, b, nb + 1);
  return p;
}

static int add_job(struct walk *w, const char *path, const char *rel,
                   uint64_t size) {
  struct cli_jobs *j = w->jobs;
  if (j->n == j->cap) {
    size_t cap = j->cap ? 2 * j->cap : 64;
    struct cli_job *v = realloc(j->v, cap * sizeof *v);
    if (!v)
      return -1;
    j->v = v;
    j->cap = cap;
  }
  struct cli_job *job = &j->v[j->n];
  job->in = strdup(path);
  job->rel = strdup(rel);
  job->size = size;
  if (!job->in || !job->rel) {
    free(job->in);
    free(job->rel);
    return -1;
  }
  j->n++;
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in folder path, sorted; NULL on failure (errno set). */
static char **list_dir(const char *path, size_t *n) {
  DIR *d = opendir(path);
  if (!d)
    return NULL;
  char **v = NULL;
  size_t cap = 0;
  struct dirent *e;
  *n = 0;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    if (*n == cap) {
      cap = cap ? 2 * cap : 32;
      char **nv = realloc(v, cap * sizeof *v);
      if (!nv)
        break;
      v = nv;
    }
    v[*n] = strdup(e->d_name);
    if (!v[*n])
      break;
    (*n)++;
  }
  int failed = e != NULL;
  closedir(d);
  if (!failed && !v)
    v = malloc(sizeof *v); /* an empty folder */
  if (failed || !v) {
    for (size_t i = 0; i < *n; i++)
      free(v[i]);
    free(v);
    errno = ENOMEM;
    return NULL;
  }
  qsort(v, *n, sizeof *v, by_name);
  return v;
}

static int walk_path(struct walk *w, const char *path, const char *rel);

static int walk_dir(struct walk *w, const char *path, const char *rel) {
  size_t n;
  char **names = list_dir(path, &n);
  if (!names) {
    fprintf(stderr, "kempt: %s: %s\n", path, strerror(errno));
    w->status = 1;
    return errno == ENOMEM ? -1 : 0;
  }
  int r = 0;
  for (size_t i = 0; i < n; i++) {
    char *p = join(path, names[i]), *q = join(rel, names[i]);
    r = p && q ? walk_path(w, p, q) : -1;
    free(p);
    free(q);
    if (r < 0)
      break;
  }
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  return r;
}

static int enter_dir(struct walk *w, const char *path, const char *rel,
                     const struct stat *sb) {
  if ((uint64_t)sb->st_dev == w->skip_dev &&
      (uint64_t)sb->st_ino == w->skip_ino)
    return 0; /* the output folder itself */
  for (size_t i = 0; i < w->depth; i++)
    if (w->stack[i].dev == (uint64_t)sb->st_dev &&
        w->stack[i].ino == (uint64_t)sb->st_ino) {
      fprintf(stderr, "kempt: %s: symbolic link loop, not followed\n", path);
      w->status = 1;
      return 0;
    }
  if (w->depth == sizeof w->stack / sizeof w->stack[0]) {
    fprintf(stderr, "kempt: %s: folders nested too deep\n", path);
    w->status = 1;
    return 0;
  }
  w->stack[w->depth].dev = (uint64_t)sb->st_dev;
  w->stack[w->depth++].ino = (uint64_t)sb->st_ino;
  int r = walk_dir(w, path, rel);
  w->depth--;
  return r;
}

static int walk_path(struct walk *w, const char *path, const char *rel) {
  struct stat sb;
  if (stat(path, &sb) != 0) { /* a dangling link, or no permission */
    fprintf(stderr, "kempt: %s: %s\n", path, strerror(errno));
    w->status = 1;
    return 0;
  }
  if (S_ISDIR(sb.st_mode) && w->run->recursive)
    return enter_dir(w, path, rel, &sb);
  if (S_ISREG(sb.st_mode) || (!w->run->recursive && !S_ISDIR(sb.st_mode)))
    return add_job(w, path, rel, (uint64_t)sb.st_size);
  fprintf(stderr, "kempt: %s: %s\n", path,
          S_ISDIR(sb.st_mode) ? strerror(EISDIR) : "not a regular file");
  w->status = 1;
  return 0;
}

static const char *base_name(const char *path) {
  const char *end = path + strlen(path);
  while (end > path + 1 && end[-1] == '/')
    end--;
  const char *s = end;
  while (s > path && s[-1] != '/')
    s--;
  return s;
}

/* The name a top-level argument gets under the output folder. */
static char *top_rel(const struct cli_run *run, const char *arg) {
  struct stat sb;
  int dir = stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode);
  const char *b = base_name(arg);
  size_t n = strlen(b);
  while (n > 1 && b[n - 1] == '/')
    n--;
  if (dir && run->nfiles == 1)
    n = 0; /* one folder: the output mirrors its contents */
  char *r = malloc(n + 1);
  if (r) {
    memcpy(r, b, n);
    r[n] = '\0';
  }
  return r;
}

static void apply_shard(const struct cli_run *run, struct cli_jobs *jobs) {
  if (!run->shard_n)
    return;
  size_t k = 0;
  for (size_t i = 0; i < jobs->n; i++) {
    if (i % run->shard_n == run->shard_i) {
      jobs->v[k++] = jobs->v[i];
    } else {
      free(jobs->v[i].in);
      free(jobs->v[i].rel);
    }
  }
  jobs->n = k;
}

int cli_collect(const struct cli_run *run, struct cli_jobs *jobs,
                uint64_t skip_dev, uint64_t skip_ino) {
  struct walk w;
  memset(&w, 0, sizeof w);
  w.run = run;
  w.jobs = jobs;
  w.skip_dev = skip_dev;
  w.skip_ino = skip_ino;
  for (size_t i = 0; i < run->nfiles; i++) {
    const char *arg = run->files[i];
    char *rel = top_rel(run, arg);
    int r = !rel                    ? -1
            : strcmp(arg, "-") == 0 ? add_job(&w, arg, "-", 0)
                                    : walk_path(&w, arg, rel);
    free(rel);
    if (r < 0)
      return -1;
  }
  apply_shard(run, jobs);
  return w.status;
}

void cli_jobs_free(struct cli_jobs *jobs) {
  for (size_t i = 0; i < jobs->n; i++) {
    free(jobs->v[i].in);
    free(jobs->v[i].rel);
  }
  free(jobs->v);
  jobs->v = NULL;
  jobs->n = jobs->cap = 0;
}

/* ---- --stats ---- */

double cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void add_rule(struct cli_stats *st, const char *stage, const char *rule,
                     uint64_t count) {
  for (size_t i = 0; i < st->nrules; i++)
    if (strcmp(st->rules[i].stage, stage) == 0 &&
        strcmp(st->rules[i].rule, rule) == 0) {
      st->rules[i].count += count;
      return;
    }
  if (st->nrules < sizeof st->rules / sizeof st->rules[0]) {
    struct cli_rule *r = &st->rules[st->nrules++];
    r->stage = stage;
    r->rule = rule;
    r->count = count;
  }
}

/* Handles of one run have the same chain: times add up by name. */
static void add_time(struct cli_stats *st, const char *stage, uint64_t ns) {
  for (size_t i = 0; i < st->ntimes; i++)
    if (strcmp(st->times[i].stage, stage) == 0) {
      st->times[i].ns += ns;
      return;
    }
  if (st->ntimes < sizeof st->times / sizeof st->times[0]) {
    st->times[st->ntimes].stage = stage;
    st->times[st->ntimes++].ns = ns;
  }
}

void cli_stats_add(struct cli_stats *st, const kempt *k) {
  struct kempt_counters c;
  kempt_get_counters(k, &c);
  st->c.documents_in += c.documents_in;
  st->c.documents_out += c.documents_out;
  st->c.bytes_in += c.bytes_in;
  st->c.bytes_out += c.bytes_out;
  st->c.warnings += c.warnings;
  const char *stage, *rule;
  uint64_t count;
  for (size_t i = 0; kempt_rule_count(k, i, &stage, &rule, &count); i++)
    add_rule(st, stage, rule, count);
  uint64_t ns;
  for (size_t i = 0; kempt_stage_time(k, i, &stage, &ns); i++)
    add_time(st, stage, ns);
}

static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(f, "\\%c", c);
    else if (c < 0x20)
      fprintf(f, "\\u%04x", c);
    else
      fputc(c, f);
  }
  fputc('"', f);
}

static int by_stage_rule(const void *a, const void *b) {
  const struct cli_rule *x = a, *y = b;
  int d = strcmp(x->stage, y->stage);
  return d ? d : strcmp(x->rule, y->rule);
}

/* "changes": {"stage": {"total": N, "rules": {"rule": N, ...}}, ...} */
static void put_changes(FILE *f, struct cli_rule *r, size_t n) {
  qsort(r, n, sizeof *r, by_stage_rule);
  fputs("  \"changes\": {", f);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    uint64_t total = 0;
    while (j < n && strcmp(r[j].stage, r[i].stage) == 0)
      total += r[j++].count;
    fputs(i ? ",\n    " : "\n    ", f);
    json_str(f, r[i].stage);
    fprintf(f, ": {\"total\": %llu, \"rules\": {", (unsigned long long)total);
    for (size_t k = i; k < j; k++) {
      fputs(k > i ? ", " : "", f);
      json_str(f, r[k].rule);
      fprintf(f, ": %llu", (unsigned long long)r[k].count);
    }
    fputs("}}", f);
    i = j;
  }
  fputs(n ? "\n  }\n" : "}\n", f);
}

int cli_stats_write(const struct cli_stats *st, const char *path) {
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "kempt: %s: %s\n", path, strerror(errno));
    return 1;
  }
  fprintf(f,
          "{\n  \"files\": %llu,\n  \"files_failed\": %llu,\n"
          "  \"files_skipped\": %llu,\n  \"documents_in\": %llu,\n"
          "  \"documents_out\": %llu,\n  \"bytes_in\": %llu,\n"
          "  \"bytes_out\": %llu,\n  \"warnings\": %llu,\n"
          "  \"seconds\": %.3f,\n",
          (unsigned long long)st->files, (unsigned long long)st->files_failed,
          (unsigned long long)st->files_skipped,
          (unsigned long long)st->c.documents_in,
          (unsigned long long)st->c.documents_out,
          (unsigned long long)st->c.bytes_in,
          (unsigned long long)st->c.bytes_out,
          (unsigned long long)st->c.warnings, st->seconds);
  /* "stage_seconds": {"decode": S, ..., "framing": S}, in pipeline order */
  fputs("  \"stage_seconds\": {", f);
  for (size_t i = 0; i < st->ntimes; i++) {
    fputs(i ? ", " : "", f);
    json_str(f, st->times[i].stage);
    fprintf(f, ": %.6f", (double)st->times[i].ns / 1e9);
  }
  fputs("},\n", f);
  struct cli_rule *copy = malloc(st->nrules * sizeof *copy + 1);
  if (copy)
    memcpy(copy, st->rules, st->nrules * sizeof *copy);
  put_changes(f, copy, copy ? st->nrules : 0);
  free(copy);
  fputs("}\n", f);
  if (fclose(f) != 0) {
    fprintf(stderr, "kempt: %s: %s\n", path, strerror(errno));
    return 1;
  }
  return 0;
}
