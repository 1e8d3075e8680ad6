// A global set to a constant before the fork: 'db_logging = false;' just
// before the workers are spawned, so that their log lines go to stderr and
// never to the master's connection ('if (db_logging) PQexec(...) else
// fputs(...)'). The master turns database logging back on after the fork,
// which does not concern the children. With BUG the flag is switched off
// only after the spawn: each worker logs on the master's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static PGconn *log_conn;
// CHECK: global-flag-constant-before-fork.c:[[#DEF:@LINE-1]]:16: warning: 'log_conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process
static bool db_logging;

static void log_line(const char *msg) {
  if (db_logging) {
    char q[128];
    snprintf(q, sizeof q, "INSERT INTO log VALUES ('%s')", msg);
    PQclear(PQexec(log_conn, q));
  } else {
    fputs(msg, stderr);
  }
}

static void worker(int id) {
  log_line(id ? "worker up" : "first worker up");
}

static void spawn_workers(int n) {
  for (int i = 0; i < n; ++i)
    if (fork() == 0) {
      worker(i);
      _exit(0);
    }
}

int main(void) {
  log_conn = PQconnectdb("dbname=logs");
  db_logging = true;
  log_line("master up");
#ifdef BUG
  spawn_workers(4);
  db_logging = false;
#else
  db_logging = false;
  spawn_workers(4);
#endif
  db_logging = true;
  log_line("workers spawned");
  return 0;
}
// CHECK: global-flag-constant-before-fork.c:[[#DEF+27]]:14: note: 'log_conn' created here by PQconnectdb()
// CHECK: global-flag-constant-before-fork.c:[[#DEF+31]]:3: note: 'spawn_workers' called from here
// CHECK: global-flag-constant-before-fork.c:[[#DEF+20]]:9: note: fork() forks here; the child inherits 'log_conn'
// CHECK: global-flag-constant-before-fork.c:[[#DEF+21]]:7: note: 'worker' called from here in the child process
// CHECK: global-flag-constant-before-fork.c:[[#DEF+15]]:3: note: 'log_line' called from here in the child process
// CHECK: global-flag-constant-before-fork.c:[[#DEF+8]]:13: note: 'log_conn' used here in the child process by PQexec()
// CHECK: global-flag-constant-before-fork.c:[[#DEF]]:16: note: create the handle lazily
