/* peakrss.c - peakrss FILE COMMAND [ARG]...: run COMMAND, then write its
 * peak resident set size in KB, and its user and system CPU time in
 * seconds, to FILE (one line: "KB USER SYS") and exit with its status. A
 * small
 * parent keeps the figure honest: a child forked from a big process (a
 * Python driver) inherits the parent's high-water mark across exec.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: peakrss FILE COMMAND [ARG]...\n");
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0)
    return 126;
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0)
    return 126;
  FILE *f = fopen(argv[1], "w");
  if (f) {
    fprintf(f, "%ld %ld.%06ld %ld.%06ld\n", ru.ru_maxrss,
            (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
            (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec);
    fclose(f);
  }
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
