/* registry.c - the stages and framings that exist, in pipeline order.
 *
 * Adding a stage: write its operations table in its own file and list it
 * here. Character stages come before block stages; the pipeline puts the
 * line splitter between the two kinds and the writer at the end.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

extern const struct kempt_stage_ops kempt__decode_ops;
extern const struct kempt_frame_ops kempt__frame_text_ops;
extern const struct kempt_frame_ops kempt__frame_nul_ops;
extern const struct kempt_frame_ops kempt__frame_jsonl_ops;
extern const struct kempt_frame_ops kempt__frame_wet_ops;

static const struct kempt_stage_ops *const stages[] = {
    &kempt__decode_ops,
};

static const struct kempt_frame_ops *const framings[] = {
    &kempt__frame_text_ops,
    &kempt__frame_nul_ops,
    &kempt__frame_jsonl_ops,
    &kempt__frame_wet_ops,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const struct kempt_stage_ops *kempt__stage_at(size_t i) {
  return i < COUNT(stages) ? stages[i] : NULL;
}

const struct kempt_stage_info *kempt_stage_get(size_t i) {
  return i < COUNT(stages) ? &stages[i]->info : NULL;
}

const struct kempt_stage_ops *kempt__stage_find(const char *name,
                                                size_t *index) {
  size_t dummy;
  if (!index)
    index = &dummy;
  for (size_t i = 0; i < COUNT(stages); i++)
    if (strcmp(stages[i]->info.name, name) == 0) {
      *index = i;
      return stages[i];
    }
  *index = SIZE_MAX;
  if (strcmp(name, kempt__split_ops.info.name) == 0)
    return &kempt__split_ops;
  if (strcmp(name, kempt__write_ops.info.name) == 0)
    return &kempt__write_ops;
  return NULL;
}

const struct kempt_frame_ops *kempt__frame_at(size_t i) {
  return i < COUNT(framings) ? framings[i] : NULL;
}

const struct kempt_frame_ops *kempt__frame_find(const char *name) {
  for (size_t i = 0; i < COUNT(framings); i++)
    if (strcmp(framings[i]->name, name) == 0)
      return framings[i];
  return NULL;
}
