/* config.c - configurations: selected stages, option values, callbacks.
 *
 * Options are looked up by name in the tables of the core, the stages and
 * the framings, so a stage brings its own options and the command line
 * offers them without knowing them in advance.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

#include <stdlib.h>

struct opt_value {
  const struct kempt_option *opt;
  char *value; /* NUL-terminated copy; for files the content */
  size_t len;
};

struct kempt_config {
  const struct kempt_allocator *alloc;
  uint32_t stage_mask; /* bit i: registry stage i runs */
  bool stages_set, skip_set;
  struct opt_value *values;
  size_t nvalues, capvalues;
  kempt_write_fn write;
  void *write_ud;
  kempt_event_fn event;
  void *event_ud;
  kempt_warn_fn warn;
  void *warn_ud;
};

const struct kempt_option kempt__core_options[] = {
    {"stages", 's', KEMPT_OPT_STRING, "core", "LIST", NULL,
     "run only these stages (comma list; always in pipeline order; decode "
     "always runs)"},
    {"skip", 'x', KEMPT_OPT_STRING, "core", "LIST", NULL,
     "run all stages but these (not together with --stages)"},
    {"format", 'f', KEMPT_OPT_STRING, "core", "FMT", NULL,
     "input and output framing (see --help's list of framings)"},
    {"gzip", 0, KEMPT_OPT_FLAG, "core", NULL, NULL,
     "gzip the output (one member per WET record); gzip input is always "
     "detected and read"},
    {"record-shard", 0, KEMPT_OPT_STRING, "core", "I/N", NULL,
     "nul, jsonl, wet: keep only records I, I+N, I+2N, ... (from 0) of "
     "each stream, so that N workers split one stream"},
    {"keep-chrome", 0, KEMPT_OPT_STRING, "core", "HOW", "drop|mark",
     "what to do with removed blocks: drop them, or mark them with a "
     "'[kempt:removed RULE]' prefix"},
    {"max-block", 0, KEMPT_OPT_INT, "core", "BYTES", NULL,
     "cut a block (paragraph candidate) longer than BYTES into pieces, "
     "with a warning (default 1048576, at least 64)"},
    {"timing", 0, KEMPT_OPT_FLAG, "core", NULL, NULL,
     "measure the time each stage takes (kempt_stage_time; --stats sets "
     "it); off by default, so that a run reads no clock"},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

static size_t table_len(const struct kempt_option *t) {
  size_t n = 0;
  while (t && t[n].name)
    n++;
  return n;
}

const struct kempt_option *kempt_option_get(size_t i) {
  size_t n = table_len(kempt__core_options);
  if (i < n)
    return &kempt__core_options[i];
  i -= n;
  const struct kempt_stage_ops *so;
  for (size_t s = 0; (so = kempt__stage_at(s)) != NULL; s++) {
    n = table_len(so->options);
    if (i < n)
      return &so->options[i];
    i -= n;
  }
  const struct kempt_frame_ops *fo;
  for (size_t f = 0; (fo = kempt__frame_at(f)) != NULL; f++) {
    n = table_len(fo->options);
    if (i < n)
      return &fo->options[i];
    i -= n;
  }
  return NULL;
}

static const struct kempt_option *find_option(const char *name) {
  const struct kempt_option *o;
  for (size_t i = 0; (o = kempt_option_get(i)) != NULL; i++)
    if (strcmp(o->name, name) == 0)
      return o;
  return NULL;
}

static uint32_t all_optional_stages(void) {
  uint32_t mask = 0;
  const struct kempt_stage_ops *so;
  for (size_t i = 0; (so = kempt__stage_at(i)) != NULL; i++)
    if (so->info.optional)
      mask |= 1u << i;
  return mask;
}

kempt_config *kempt_config_new(const struct kempt_allocator *alloc) {
  if (!alloc)
    alloc = kempt__default_allocator();
  kempt_config *c = kempt__calloc(alloc, sizeof *c);
  if (!c)
    return NULL;
  c->alloc = alloc;
  c->stage_mask = all_optional_stages();
  return c;
}

void kempt_config_free(kempt_config *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nvalues; i++)
    kempt__free(c->alloc, c->values[i].value);
  kempt__free(c->alloc, c->values);
  kempt__free(c->alloc, c);
}

/* Parse a comma list of optional stage names into a mask; "decode" is
 * accepted (it always runs). Returns false on an unknown or empty name. */
static bool parse_stage_list(const char *list, uint32_t *mask) {
  *mask = 0;
  const char *p = list;
  for (;;) {
    const char *end = strchr(p, ',');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    char name[32];
    if (n == 0 || n >= sizeof name)
      return false;
    memcpy(name, p, n);
    name[n] = '\0';
    size_t idx;
    const struct kempt_stage_ops *so = kempt__stage_find(name, &idx);
    if (!so || (!so->info.optional && strcmp(name, "decode") != 0))
      return false;
    if (so->info.optional)
      *mask |= 1u << idx;
    if (!end)
      return true;
    p = end + 1;
  }
}

static enum kempt_status set_stages(kempt_config *c, const char *name,
                                    const char *value) {
  bool skip = strcmp(name, "skip") == 0;
  uint32_t mask;
  if (!value || !parse_stage_list(value, &mask))
    return KEMPT_ERR_USAGE;
  if (skip ? c->stages_set : c->skip_set)
    return KEMPT_ERR_USAGE; /* --stages and --skip exclude each other */
  if (skip) {
    c->skip_set = true;
    c->stage_mask &= ~mask;
  } else {
    c->stages_set = true;
    c->stage_mask = mask;
  }
  return KEMPT_OK;
}

static bool valid_choice(const char *choices, const char *v) {
  size_t n = strlen(v);
  const char *p = choices;
  while (*p) {
    const char *bar = strchr(p, '|');
    size_t m = bar ? (size_t)(bar - p) : strlen(p);
    if (m == n && memcmp(p, v, n) == 0)
      return true;
    if (!bar)
      break;
    p = bar + 1;
  }
  return false;
}

static bool valid_value(const struct kempt_option *o, const char *v) {
  if (o->type == KEMPT_OPT_INT) {
    if (!v || !*v)
      return false;
    for (const char *p = v; *p; p++)
      if (*p < '0' || *p > '9')
        return false;
    return strlen(v) <= 18;
  }
  if (o->type == KEMPT_OPT_STRING) {
    if (!v)
      return false;
    if (strcmp(o->name, "format") == 0)
      return kempt__frame_find(v) != NULL;
    return !o->choices || valid_choice(o->choices, v);
  }
  return true;
}

static struct opt_value *value_slot(kempt_config *c,
                                    const struct kempt_option *o) {
  if (o->type != KEMPT_OPT_FILE)
    for (size_t i = 0; i < c->nvalues; i++)
      if (c->values[i].opt == o)
        return &c->values[i];
  if (c->nvalues == c->capvalues) {
    size_t cap = c->capvalues ? 2 * c->capvalues : 8;
    struct opt_value *v =
        kempt__realloc(c->alloc, c->values, cap * sizeof *v);
    if (!v)
      return NULL;
    c->values = v;
    c->capvalues = cap;
  }
  struct opt_value *v = &c->values[c->nvalues++];
  v->opt = o;
  v->value = NULL;
  v->len = 0;
  return v;
}

enum kempt_status kempt_config_set(kempt_config *c, const char *name,
                                   const char *value, size_t len) {
  if (!c || !name)
    return KEMPT_ERR_USAGE;
  if (strcmp(name, "stages") == 0 || strcmp(name, "skip") == 0)
    return set_stages(c, name, value);
  const struct kempt_option *o = find_option(name);
  if (!o || !valid_value(o, value))
    return KEMPT_ERR_USAGE;
  if (o->type == KEMPT_OPT_FLAG) {
    value = "1";
    len = 1;
  } else if (o->type != KEMPT_OPT_FILE) {
    len = strlen(value);
  } else if (!value) {
    return KEMPT_ERR_USAGE;
  }
  char *copy = kempt__memdup(c->alloc, value, len);
  if (!copy)
    return KEMPT_ERR_NOMEM;
  struct opt_value *v = value_slot(c, o);
  if (!v) {
    kempt__free(c->alloc, copy);
    return KEMPT_ERR_NOMEM;
  }
  kempt__free(c->alloc, v->value);
  v->value = copy;
  v->len = len;
  return KEMPT_OK;
}

kempt_config *kempt__config_clone(const kempt_config *c) {
  kempt_config *d = kempt_config_new(c->alloc);
  if (!d)
    return NULL;
  struct opt_value *v = NULL;
  if (c->nvalues) {
    v = kempt__calloc(c->alloc, c->nvalues * sizeof *v);
    if (!v) {
      kempt_config_free(d);
      return NULL;
    }
  }
  *d = *c;
  d->values = v;
  d->nvalues = d->capvalues = 0;
  for (size_t i = 0; i < c->nvalues; i++) {
    v[i].opt = c->values[i].opt;
    v[i].len = c->values[i].len;
    v[i].value = kempt__memdup(c->alloc, c->values[i].value, v[i].len);
    if (!v[i].value) {
      kempt_config_free(d);
      return NULL;
    }
    d->nvalues = d->capvalues = i + 1;
  }
  d->capvalues = c->nvalues;
  return d;
}

void kempt_config_output(kempt_config *c, kempt_write_fn w, void *ud) {
  c->write = w;
  c->write_ud = ud;
}

void kempt_config_events(kempt_config *c, kempt_event_fn fn, void *ud) {
  c->event = fn;
  c->event_ud = ud;
}

void kempt_config_warnings(kempt_config *c, kempt_warn_fn fn, void *ud) {
  c->warn = fn;
  c->warn_ud = ud;
}

int kempt_config_has_stage(const kempt_config *c, const char *name) {
  size_t idx;
  const struct kempt_stage_ops *so = kempt__stage_find(name, &idx);
  if (!so)
    return -1;
  return so->info.optional ? (c->stage_mask >> idx) & 1u : 1;
}

bool kempt__config_stage_on(const kempt_config *c, size_t i) {
  const struct kempt_stage_ops *so = kempt__stage_at(i);
  return so && (!so->info.optional || ((c->stage_mask >> i) & 1u));
}

const struct kempt_allocator *kempt__config_alloc(const kempt_config *c) {
  return c->alloc;
}

void kempt__config_callbacks(const kempt_config *c, kempt_write_fn *w,
                             void **wud, kempt_event_fn *e, void **eud,
                             kempt_warn_fn *warn, void **warnud) {
  *w = c->write;
  *wud = c->write_ud;
  *e = c->event;
  *eud = c->event_ud;
  *warn = c->warn;
  *warnud = c->warn_ud;
}

static const struct opt_value *lookup(const kempt_config *c, const char *name,
                                      size_t nth) {
  if (!c)
    return NULL;
  for (size_t i = 0; i < c->nvalues; i++)
    if (strcmp(c->values[i].opt->name, name) == 0 && nth-- == 0)
      return &c->values[i];
  return NULL;
}

const char *kempt__opt_str(const kempt_config *c, const char *name,
                           const char *dflt) {
  const struct opt_value *v = lookup(c, name, 0);
  return v ? v->value : dflt;
}

bool kempt__opt_flag(const kempt_config *c, const char *name) {
  return lookup(c, name, 0) != NULL;
}

uint64_t kempt__opt_int(const kempt_config *c, const char *name,
                        uint64_t dflt) {
  const struct opt_value *v = lookup(c, name, 0);
  return v ? strtoull(v->value, NULL, 10) : dflt;
}

bool kempt__opt_file(const kempt_config *c, const char *name, size_t i,
                     const char **data, size_t *len) {
  const struct opt_value *v = lookup(c, name, i);
  if (!v)
    return false;
  *data = v->value;
  *len = v->len;
  return true;
}
