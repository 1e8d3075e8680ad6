// An allocation tested in the assignment that stores it,
// 'if (!(buf = malloc(n)))', is as sure not to fail as 'buf = malloc(n);
// if (!buf)': the test reads the assigned value, not the variable. It
// matters where the variable's own value is not followed (here a signal
// handler frees and clears it at any time; exim's log buffer in
// log_write(), log.c:836, over the value budget): the child reached the
// fatal() that closes the inherited database through that test. With
// FOPEN the child's helper tests an fopen() the same way, which a working
// system can fail: the close in the child is reported.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DFOPEN | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static sqlite3 *db;
// CHECK: allocation-failure-in-assignment.c:[[#DEF:@LINE-1]]:17: warning: 'db' (SQLite) is inherited by a child process and closed there
static char *log_buf;
static FILE *log_file;

static void fatal(const char *why) {
  fprintf(stderr, "fatal: %s\n", why);
  sqlite3_close(db);
  exit(75);
}

static void on_hup(int sig) {
  (void)sig;
  free(log_buf);
  log_buf = NULL;
  log_file = NULL;
}

static void log_line(const char *s) {
#ifdef FOPEN
  if (!log_file)
    if (!(log_file = fopen("/var/log/app.log", "a")))
      fatal("cannot open the log");
  fputs(s, log_file);
#else
  if (!log_buf)
    if (!(log_buf = malloc(256)))
      fatal("no store for the log buffer");
  snprintf(log_buf, 256, "%s", s);
#endif
}

int main(void) {
  sqlite3_open("/var/lib/app.db", &db);
  signal(SIGHUP, on_hup);
  if (fork() == 0) {
    log_line("child started");
    _exit(0);
  }
  sqlite3_exec(db, "SELECT 1", 0, 0, 0);
  return 0;
}
// CHECK: allocation-failure-in-assignment.c:[[#DEF+33]]:3: note: 'db' created here by sqlite3_open()
// CHECK: allocation-failure-in-assignment.c:[[#DEF+35]]:7: note: fork() forks here; the child inherits 'db'
// CHECK: allocation-failure-in-assignment.c:[[#DEF+36]]:5: note: 'log_line' called from here in the child process
// CHECK: allocation-failure-in-assignment.c:[[#DEF+22]]:7: note: 'fatal' called from here in the child process
// CHECK: allocation-failure-in-assignment.c:[[#DEF+7]]:3: note: 'db' closed here in the child process by sqlite3_close()
// CHECK: allocation-failure-in-assignment.c:[[#DEF]]:17: note: leave the child with _exit()
