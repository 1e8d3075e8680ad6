// A statically initialised table's field that no code writes keeps its
// initial value: cyrus' config_getstring(IMAPOPT_SENDMAIL) calls fatal(),
// which closes the inherited database, only if the option's
// 'deprecated_since' is set, and for that constant option the table says
// it is not. Silent. With DEPRECATED the child reads a deprecated option
// and fatal() runs; with WRITTEN some code may clear or set the field, so
// the table's initial values no longer hold: both are reported, as are the
// other ways to write a field: through its address (WRITTEN_THROUGH_ADDRESS)
// and by library code handed an element (WRITTEN_BY_LIBRARY). An index the
// path knows only as a range takes the join of those elements
// (EITHER_OPTION: both options are not deprecated): silent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DDEPRECATED | FileCheck %s --check-prefixes=CHECK,DEP --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DWRITTEN | FileCheck %s --check-prefixes=CHECK,WR --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DWRITTEN_THROUGH_ADDRESS | FileCheck %s --check-prefixes=CHECK,WR --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DWRITTEN_BY_LIBRARY | FileCheck %s --check-prefixes=CHECK,WR --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DEITHER_OPTION | count 0
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef EITHER_OPTION
#define WANTED (getenv("SUBMIT") ? IMAPOPT_SENDMAIL : IMAPOPT_ZERO)
#else
#define WANTED IMAPOPT_SENDMAIL
#endif

static sqlite3 *db;
// CHECK: table-field-never-written.c:[[#DEF:@LINE-1]]:17: warning: 'db' (SQLite) is inherited by a child process and closed there

enum imapopt { IMAPOPT_ZERO, IMAPOPT_SENDMAIL, IMAPOPT_OLDSENDMAIL, IMAPOPT_LAST };
struct imapopt_s {
  enum imapopt opt;
  const char *optname;
  const char *deprecated_since;
  const char *val;
};
struct imapopt_s imapopts[] = {
    {IMAPOPT_ZERO, "", 0, 0},
    {IMAPOPT_SENDMAIL, "sendmail", 0, "/usr/sbin/sendmail"},
    {IMAPOPT_OLDSENDMAIL, "sendmail_path", "2.5", "/usr/lib/sendmail"},
};

static void fatal(const char *why) {
  (void)why;
  sqlite3_close(db);
  exit(75);
}

static void assert_not_deprecated(enum imapopt opt) {
  if (imapopts[opt].deprecated_since)
    fatal("deprecated option");
}

static const char *config_getstring(enum imapopt opt) {
  assert_not_deprecated(opt);
  return imapopts[opt].val;
}

void config_read(const char *key, const char *value) {
  for (int i = 0; i < IMAPOPT_LAST; i++)
    if (imapopts[i].optname == key) {
      imapopts[i].val = value; // the configuration file's value
#ifdef WRITTEN
      imapopts[i].deprecated_since = NULL;
#endif
    }
}

int main(void) {
  config_read("sendmail", getenv("SENDMAIL"));
  sqlite3_open("/var/lib/app.db", &db);
  if (fork() == 0) {
#ifdef DEPRECATED
    execl(config_getstring(IMAPOPT_OLDSENDMAIL), "sendmail", "-t", (char *)0);
#else
    execl(config_getstring(WANTED), "sendmail", "-t", (char *)0);
#endif
    _exit(1);
  }
  sqlite3_exec(db, "SELECT 1", 0, 0, 0);
  return 0;
}
// CHECK: table-field-never-written.c:[[#DEF+44]]:3: note: 'db' created here by sqlite3_open()
// CHECK: table-field-never-written.c:[[#DEF+45]]:7: note: fork() forks here; the child inherits 'db'
// DEP: table-field-never-written.c:[[#DEF+47]]:11: note: 'config_getstring' called from here in the child process
// WR: table-field-never-written.c:[[#DEF+49]]:11: note: 'config_getstring' called from here in the child process
// CHECK: table-field-never-written.c:[[#DEF+28]]:3: note: 'assert_not_deprecated' called from here in the child process
// CHECK: table-field-never-written.c:[[#DEF+24]]:5: note: 'fatal' called from here in the child process
// CHECK: table-field-never-written.c:[[#DEF+18]]:3: note: 'db' closed here in the child process by sqlite3_close()
// CHECK: table-field-never-written.c:[[#DEF]]:17: note: leave the child with _exit()

#ifdef WRITTEN_THROUGH_ADDRESS
const char **deprecation_of(enum imapopt opt) {
  return &imapopts[opt].deprecated_since;
}
#endif
#ifdef WRITTEN_BY_LIBRARY
#include <string.h>
void config_forget(enum imapopt opt) {
  memset(&imapopts[opt], 0, sizeof imapopts[opt]);
}
#endif
