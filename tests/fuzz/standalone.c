/* standalone.c - a plain main() for the fuzz targets, so that they build
 * and run under any compiler (make check): every FILE argument (or every
 * regular file in a folder argument) is run through LLVMFuzzerTestOneInput
 * once for each variant the target lists (kempt_fuzz_variants), behind the
 * control bytes; feed sizes and options vary from variant to variant. Prints
 * "ok FILE" per file; a failed check aborts (the caller reports it).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Feed-size control bytes cycled through: byte by byte, fixed, random;
 * and option masks (none, all, some). */
static const unsigned char controls[] = {0x00, 0x05, 0x46, 0x8B, 0x31, 0xC2};
static const unsigned char optmasks[] = {0x00, 0xFF, 0x5A, 0xA5, 0x00};

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t size = 4096, n = 0, r;
  unsigned char *p = malloc(size);
  while (p &&
         (r = fread(p + FZ_CONTROL + n, 1, size - FZ_CONTROL - n, f)) > 0) {
    n += r;
    if (n + FZ_CONTROL == size) {
      size *= 2;
      unsigned char *q = realloc(p, size);
      if (!q)
        free(p);
      p = q;
    }
  }
  fclose(f);
  *len = n;
  return p; /* the text starts after room for the control bytes */
}

static int run_file(const char *path) {
  size_t len;
  unsigned char *buf = read_file(path, &len);
  if (!buf) {
    fprintf(stderr, "%s: cannot read\n", path);
    return 1;
  }
  unsigned char sel[256];
  size_t n = kempt_fuzz_variants(sel, sizeof sel);
  for (size_t i = 0; i < n; i++) {
    buf[0] = controls[i % sizeof controls];
    buf[1] = sel[i];
    buf[2] = optmasks[i % sizeof optmasks];
    LLVMFuzzerTestOneInput(buf, len + FZ_CONTROL);
  }
  free(buf);
  printf("ok %s (%zu variants)\n", path, n);
  return 0;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of a folder, in name order. */
static int run_dir(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t n = 0;
  int status = 0;
  while (d && (e = readdir(d)) != NULL) {
    char *path = malloc(strlen(dir) + strlen(e->d_name) + 2);
    char **more = realloc(names, (n + 1) * sizeof *names);
    struct stat sb;
    if (!path || !more)
      return 1;
    names = more;
    sprintf(path, "%s/%s", dir, e->d_name);
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
      names[n++] = path;
    else
      free(path);
  }
  if (d)
    closedir(d);
  qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n; i++) {
    status |= run_file(names[i]);
    free(names[i]);
  }
  free(names);
  return status;
}

int main(int argc, char **argv) {
  int status = 0;
  LLVMFuzzerInitialize(&argc, &argv);
  for (int i = 1; i < argc; i++) {
    struct stat sb;
    if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
      status |= run_dir(argv[i]);
    else
      status |= run_file(argv[i]);
  }
  return status;
}
