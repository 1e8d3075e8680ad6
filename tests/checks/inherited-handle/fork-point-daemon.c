// daemon() forks and the parent exits at once: a socket connection then has
// one user again (no finding), but a process-bound handle such as an SQLite
// connection still belongs to the process that opened it.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

static PGconn *pg;
static sqlite3 *local_db;
// CHECK: fork-point-daemon.c:[[#DEF:@LINE-1]]:17: warning: 'local_db' (SQLite) is open when the process forks with daemon() and is used in the child process; the handle belongs to the process that opened it

int main(void) {
  pg = PQconnectdb("");
#ifndef FIXED
  sqlite3_open("/var/lib/app/state.db", &local_db);
  // CHECK: fork-point-daemon.c:[[#@LINE-1]]:3: note: 'local_db' created here by sqlite3_open()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: fork-point-daemon.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'local_db' belongs to the parent
    return 1;
#ifdef FIXED
  sqlite3_open("/var/lib/app/state.db", &local_db);
#endif
  PQexec(pg, "SELECT 1");
  sqlite3_exec(local_db, "SELECT 1", 0, 0, 0);
  // CHECK: fork-point-daemon.c:[[#@LINE-1]]:3: note: 'local_db' used here in the child process by sqlite3_exec()
  return 0;
}
// CHECK: fork-point-daemon.c:[[#DEF]]:17: note: open the database in each process after fork()
