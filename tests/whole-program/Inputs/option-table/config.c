#include "options.h"
#include <stdlib.h>
sqlite3 *db;
static void fatal(const char *why) {
  (void)why;
  sqlite3_close(db);
  exit(75);
}
static void assert_not_deprecated(enum imapopt opt) {
  if (imapopts[opt].deprecated_since)
    fatal("deprecated option");
}
const char *config_getstring(enum imapopt opt) {
  assert_not_deprecated(opt);
  return imapopts[opt].val;
}
