/* status.c - status strings and the version.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

#define STR2(x) #x
#define STR(x) STR2(x)

const char *kempt_version(void) {
  return STR(KEMPT_VERSION_MAJOR) "." STR(KEMPT_VERSION_MINOR) "." STR(
      KEMPT_VERSION_PATCH);
}

const char *kempt_strerror(enum kempt_status st) {
  switch (st) {
  case KEMPT_OK:
    return "success";
  case KEMPT_ERR_NOMEM:
    return "out of memory";
  case KEMPT_ERR_LIMIT:
    return "a size limit was reached";
  case KEMPT_ERR_USAGE:
    return "invalid argument";
  case KEMPT_ERR_STATE:
    return "call not allowed in this state";
  case KEMPT_ERR_WRITE:
    return "output could not be written";
  case KEMPT_ERR_DATA:
    return "malformed option data";
  }
  return "unknown status";
}
