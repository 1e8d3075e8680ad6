// An assertion declares an invariant: a path that needs it to be false is
// not followed (the Clang Static Analyzer stops at __assert_fail too), even
// where the project's own assert() calls a handler that cleans up. Cyrus'
// children reach fatal(), which closes the inherited database, only through
// an assertion on the option table failing. Without the macro
// (-DWITHOUT_MACRO, the same test written as an 'if') the failure side is
// an ordinary branch and the close in the child is reported; a call in the
// asserted condition (-DCALL_IN_CONDITION) runs and is reported too. An
// 'assert' that expands to a differently named macro (-DINNER_MACRO) is an
// assertion all the same.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DWITHOUT_MACRO | FileCheck %s --check-prefixes=CHECK,BRANCH --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DINNER_MACRO | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DCALL_IN_CONDITION | FileCheck %s --check-prefixes=CHECK,COND --implicit-check-not="{{warning|note}}:"
#include <sqlite3.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

static sqlite3 *db;
// CHECK: assertion-failure-not-followed.c:[[#DEF:@LINE-1]]:17: warning: 'db' (SQLite) is inherited by a child process and closed there

static void fatal(const char *why) {
  (void)why;
  sqlite3_close(db);
  exit(75);
}

static void assertionfailed(const char *file, int line, const char *expr) {
  (void)file;
  (void)line;
  fatal(expr);
}

#ifdef INNER_MACRO // 'assert' names the check, an inner macro the failure
#define die_unless(e) ((e) ? (void)(0) : assertionfailed(__FILE__, __LINE__, #e))
#define assert(expr) die_unless(expr)
#else
#define assert(expr)                                                      \
  ((expr) ? (void)(0) : assertionfailed(__FILE__, __LINE__, #expr))
#endif

enum opttype { OPT_STRING, OPT_INT };
struct imapopt { const char *name; enum opttype t; const char *val; };
static struct imapopt imapopts[] = {{"sendmail", OPT_STRING, "/usr/sbin/sendmail"},
                                    {"timeout", OPT_INT, "30"}};

static int closed_ok(void) {
  sqlite3_close(db);
  return 1;
}

static const char *config_getstring(int opt) {
#if defined(WITHOUT_MACRO)
  if (imapopts[opt].val == NULL)
    assertionfailed(__FILE__, __LINE__, "imapopts[opt].val != NULL");
#elif defined(CALL_IN_CONDITION)
  assert(closed_ok());
#else
  assert(imapopts[opt].val != NULL);
#endif
  return imapopts[opt].val;
}

int main(void) {
  imapopts[0].val = getenv("SENDMAIL"); // the configuration file's value
  sqlite3_open("/var/lib/app.db", &db);
  if (fork() == 0) {
    execl(config_getstring(0), "sendmail", "-t", (char *)0);
    _exit(1);
  }
  sqlite3_exec(db, "SELECT 1", 0, 0, 0);
  return 0;
}
// CHECK: assertion-failure-not-followed.c:[[#DEF+47]]:3: note: 'db' created here by sqlite3_open()
// CHECK: assertion-failure-not-followed.c:[[#DEF+48]]:7: note: fork() forks here; the child inherits 'db'
// CHECK: assertion-failure-not-followed.c:[[#DEF+49]]:11: note: 'config_getstring' called from here in the child process
// BRANCH: assertion-failure-not-followed.c:[[#DEF+36]]:5: note: 'assertionfailed' called from here in the child process
// BRANCH: assertion-failure-not-followed.c:[[#DEF+12]]:3: note: 'fatal' called from here in the child process
// BRANCH: assertion-failure-not-followed.c:[[#DEF+5]]:3: note: 'db' closed here in the child process by sqlite3_close()
// COND: assertion-failure-not-followed.c:[[#DEF+38]]:3: note: 'closed_ok' called from here in the child process
// COND: assertion-failure-not-followed.c:[[#DEF+29]]:3: note: 'db' closed here in the child process by sqlite3_close()
// CHECK: assertion-failure-not-followed.c:[[#DEF]]:17: note: leave the child with _exit()
