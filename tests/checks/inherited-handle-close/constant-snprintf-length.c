// A child that builds a helper's path and execs it, calling fatal() only if
// the path does not fit (cyrus' reconstruct child: 'ret = snprintf(buf,
// sizeof(buf), "%s/reconstruct", SBIN_DIR); if (ret < 0 || ret >= (int)
// sizeof(buf)) fatal(...)'); fatal() runs the cleanup that closes every
// database. The length snprintf() reports for constant text is known, so
// the child never reaches fatal(): silent, with or without _FORTIFY_SOURCE
// (which turns the call into __builtin___snprintf_chk), also for integer
// and character conversions, sprintf() and strlen() of a literal
// (INT_FORMAT, SPRINTF, STRLEN). With SMALL the
// buffer is too small, fatal() runs in the child and closes the parent's
// database; with UNKNOWN the text is not constant and both sides stay.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -O2 -D_FORTIFY_SOURCE=2 | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DINT_FORMAT | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DSPRINTF | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DSTRLEN | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DSMALL | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DSMALL -DINT_FORMAT | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DSMALL -DSTRLEN | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DUNKNOWN -O2 -D_FORTIFY_SOURCE=2 | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static sqlite3 *db;
// CHECK: constant-snprintf-length.c:[[#DEF:@LINE-1]]:17: warning: 'db' (SQLite) is inherited by a child process and closed there

static void fatal(const char *why, int code) {
  (void)why;
  sqlite3_close(db);
  exit(code);
}

#define SBIN_DIR "/usr/lib/cyrus/bin"
#ifdef SMALL
#define PATH_SIZE 16
#else
#define PATH_SIZE 4096
#endif

int main(int argc, char **argv) {
  sqlite3_open("mailboxes.db", &db);
  pid_t pid = fork();
  if (pid == 0) {
    char buf[PATH_SIZE];
#if defined(UNKNOWN)
    int ret = snprintf(buf, sizeof(buf), "%s/reconstruct", argv[0]);
#elif defined(INT_FORMAT)
    int ret = snprintf(buf, sizeof(buf), "%s/%d-%x%c%%", SBIN_DIR, 42, 255, 'r');
#elif defined(SPRINTF)
    int ret = sprintf(buf, "%s/reconstruct", SBIN_DIR);
#elif defined(STRLEN)
    int ret = (int)strlen(SBIN_DIR "/reconstruct");
#else
    int ret = snprintf(buf, sizeof(buf), "%s/reconstruct", SBIN_DIR);
#endif
    if (ret < 0 || ret >= (int)sizeof(buf))
      fatal("reconstruct buffer not sufficiently big", 78);
    execl(buf, buf, "-r", (char *)NULL);
    _exit(1);
  }
  (void)argc;
  sqlite3_close(db);
  return 0;
}
// CHECK: constant-snprintf-length.c:[[#DEF+17]]:3: note: 'db' created here by sqlite3_open()
// CHECK: constant-snprintf-length.c:[[#DEF+18]]:15: note: fork() forks here; the child inherits 'db'
// CHECK: constant-snprintf-length.c:[[#DEF+33]]:7: note: 'fatal' called from here in the child process
// CHECK: constant-snprintf-length.c:[[#DEF+5]]:3: note: 'db' closed here in the child process by sqlite3_close()
// CHECK: constant-snprintf-length.c:[[#DEF]]:17: note: leave the child
