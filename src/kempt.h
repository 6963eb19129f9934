/* kempt.h - public interface of libkempt.
 *
 * libkempt turns scraped web-page text into clean paragraphs. Bytes go in
 * through kempt_feed(), a chain of stages works on them (decode, repair,
 * unwrap, spacing, glue, chrome, dedup), and clean text comes out through a
 * write callback. The library does no I/O, never prints and never exits;
 * one handle per thread.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_H
#define KEMPT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(KEMPT_BUILDING_LIB)
#define KEMPT_API __attribute__((visibility("default")))
#else
#define KEMPT_API
#endif

#define KEMPT_VERSION_MAJOR 0
#define KEMPT_VERSION_MINOR 1
#define KEMPT_VERSION_PATCH 0

/* The version of the library at run time, as "MAJOR.MINOR.PATCH". */
KEMPT_API const char *kempt_version(void);

/* Status of every fallible call. New codes go at the end; never renumbered. */
enum kempt_status {
  KEMPT_OK = 0,
  KEMPT_ERR_NOMEM,   /* an allocation failed */
  KEMPT_ERR_LIMIT,   /* a hard limit was reached and no boundary was possible */
  KEMPT_ERR_USAGE,   /* bad argument, unknown option or stage name */
  KEMPT_ERR_STATE,   /* call not allowed in this state (e.g. after an error) */
  KEMPT_ERR_WRITE,   /* the write callback reported a failure */
  KEMPT_ERR_DATA     /* option data (word list, rules file) is malformed */
};

/* A static, English description of a status. Never NULL. */
KEMPT_API const char *kempt_strerror(enum kempt_status st);

/* Optional allocator (as in expat): every allocation of a handle goes
 * through it, so that tests can fail the n-th one. NULL members are not
 * allowed; pass a NULL allocator for malloc/realloc/free. */
struct kempt_allocator {
  void *(*malloc_fn)(size_t size, void *ud);
  void *(*realloc_fn)(void *ptr, size_t size, void *ud);
  void (*free_fn)(void *ptr, void *ud);
  void *ud;
};

/* Output callback: receives cleaned bytes. The data is valid only during the
 * call and is not NUL-terminated. Return KEMPT_OK, or any other status to
 * stop the pipeline (it becomes sticky as KEMPT_ERR_WRITE). */
typedef enum kempt_status (*kempt_write_fn)(void *ud, const char *data,
                                            size_t len);

/* One change made by a stage, or one block removed, for --explain. The
 * strings are valid only during the callback and are not NUL-terminated
 * (before/after) except stage and rule, which are static. */
struct kempt_event {
  const char *stage;  /* "repair", "chrome", ... */
  const char *rule;   /* short rule name, e.g. "mojibake utf8-as-cp1252" */
  uint64_t document;  /* 0-based document number in this handle */
  uint64_t offset;    /* byte offset in the document (stage's view) */
  const char *before; /* the text as it was */
  size_t before_len;
  const char *after;  /* the text as it became (empty when removed) */
  size_t after_len;
};
typedef void (*kempt_event_fn)(void *ud, const struct kempt_event *ev);

/* Warning about the data (a bad JSONL line, a limit reached). Warnings are
 * not errors: the pipeline goes on. msg is a NUL-terminated English
 * sentence without final newline, valid during the call. */
typedef void (*kempt_warn_fn)(void *ud, const char *msg);

/* ---------------------------------------------------------------------
 * Configuration
 *
 * A configuration holds the chosen stages, the options of the stages and
 * framings (by name, as on the command line), and the callbacks. Options
 * are described by a table (kempt_option_get) so that a program can offer
 * every one of them without knowing them in advance.
 */
typedef struct kempt_config kempt_config;

/* Kinds of option values. */
enum kempt_opt_type {
  KEMPT_OPT_FLAG,   /* no value ("1" when given) */
  KEMPT_OPT_INT,    /* a decimal integer >= 0 */
  KEMPT_OPT_STRING, /* any string; 'choices' lists allowed values if set */
  KEMPT_OPT_FILE    /* the value is the content of a file (the caller reads
                       it; the library does no I/O); may be given repeatedly */
};

/* Description of one option. Options belong to a stage ("repair"), a
 * framing ("jsonl") or the core ("core"). */
struct kempt_option {
  const char *name;    /* long name without dashes, e.g. "nfkc" */
  int short_name;      /* single-letter alias or 0 */
  enum kempt_opt_type type;
  const char *owner;   /* stage or framing name, or "core" */
  const char *arg;     /* argument name for help, e.g. "FILE"; NULL = none */
  const char *choices; /* for strings: "a|b|c", or NULL for any */
  const char *help;    /* one line of help */
};

/* Option number i of all the options the library knows (core first, then
 * each stage in pipeline order, then each framing), or NULL past the end. */
KEMPT_API const struct kempt_option *kempt_option_get(size_t i);

/* A new configuration with the defaults: all stages, text framing, NFC.
 * alloc may be NULL. Returns NULL when out of memory. */
KEMPT_API kempt_config *kempt_config_new(const struct kempt_allocator *alloc);
KEMPT_API void kempt_config_free(kempt_config *cfg);

/* Set an option by its long name. For flags value may be NULL. For file
 * options, value points to the file's content of len bytes (the
 * configuration copies it); for the others len is ignored and value is a
 * NUL-terminated string. Core options: "stages" and "skip" (comma lists of
 * stage names), "format" (text|nul|jsonl|wet). Returns KEMPT_ERR_USAGE for
 * an unknown name or an invalid value. */
KEMPT_API enum kempt_status kempt_config_set(kempt_config *cfg,
                                             const char *name,
                                             const char *value, size_t len);

/* Where output, explain events and warnings go. write is required before
 * kempt_new(); the other two may stay NULL. */
KEMPT_API void kempt_config_output(kempt_config *cfg, kempt_write_fn write,
                                   void *ud);
KEMPT_API void kempt_config_events(kempt_config *cfg, kempt_event_fn fn,
                                   void *ud);
KEMPT_API void kempt_config_warnings(kempt_config *cfg, kempt_warn_fn fn,
                                     void *ud);

/* Whether stage 'name' runs with this configuration (1/0), -1 if unknown. */
KEMPT_API int kempt_config_has_stage(const kempt_config *cfg,
                                     const char *name);

/* ---------------------------------------------------------------------
 * Stages
 */

/* Description of a stage, in pipeline order. */
struct kempt_stage_info {
  const char *name;    /* "decode", "repair", ... */
  const char *summary; /* one line: what it does */
  int optional;        /* 0 for decode, which always runs */
};

/* Stage number i of the stages that exist, in pipeline order, or NULL
 * past the end. */
KEMPT_API const struct kempt_stage_info *kempt_stage_get(size_t i);

/* ---------------------------------------------------------------------
 * The pipeline
 */
typedef struct kempt kempt;

/* A new pipeline with the configuration cfg (which may be freed after this
 * call: the handle keeps what it needs). On failure returns NULL and
 * stores the reason in *err (err may be NULL). */
KEMPT_API kempt *kempt_new(const kempt_config *cfg, enum kempt_status *err);

/* Feed len bytes of input. Any chunk size is legal, including 0. Output
 * may be written during the call. Errors are sticky: after a failure every
 * call returns the same status until kempt_reset(). */
KEMPT_API enum kempt_status kempt_feed(kempt *k, const void *data, size_t len);

/* End of one input stream (a file, stdin): flush everything. In the text
 * framing a stream is one document; in the others a stream holds any
 * number of records. The handle is then ready for the next stream. */
KEMPT_API enum kempt_status kempt_finish(kempt *k);

/* Forget any partial input, a sticky error and what earlier streams
 * wrote: the next stream's output is what a new handle would write (in
 * the text framing: no blank line before it). Counters are kept. */
KEMPT_API void kempt_reset(kempt *k);

/* Free the handle. kempt_free(NULL) is a no-op. */
KEMPT_API void kempt_free(kempt *k);

/* The byte offset in the current stream at which the last error occurred. */
KEMPT_API uint64_t kempt_errpos(const kempt *k);

/* Counters since kempt_new(). */
struct kempt_counters {
  uint64_t documents_in, documents_out;
  uint64_t bytes_in, bytes_out;
  uint64_t warnings;
};
KEMPT_API void kempt_get_counters(const kempt *k, struct kempt_counters *out);

/* Number of changes (explain events) made by stage 'name' so far, or 0. */
KEMPT_API uint64_t kempt_stage_changes(const kempt *k, const char *name);

/* Iterate over the per-rule change counters: returns 0 when i is past the
 * end, else sets *stage, *rule, *count for entry i and returns 1. */
KEMPT_API int kempt_rule_count(const kempt *k, size_t i, const char **stage,
                               const char **rule, uint64_t *count);

/* Time per stage, when the core option "timing" was set (it is off by
 * default, and then the pipeline reads no clock at all). Entry i (from 0)
 * is the i-th part of the pipeline in the order it runs: the selected
 * stages with the two internal ones, "split" (lines to blocks) and
 * "write" (blocks to paragraphs), in their places, then "framing": the
 * framing, gzip and the output callback. Sets *name (static) and *ns, the
 * wall-clock nanoseconds (CLOCK_MONOTONIC) spent in that part alone
 * since kempt_new(): a stage's time excludes the time of the stages it
 * hands its output to, so the entries add up to the time spent inside
 * kempt_feed() and kempt_finish(). Explain and warning callbacks count for
 * the stage that calls them. Returns 1, or 0 when i is past the end or
 * timing is off. */
KEMPT_API int kempt_stage_time(const kempt *k, size_t i, const char **name,
                               uint64_t *ns);

#ifdef __cplusplus
}
#endif
#endif /* KEMPT_H */
