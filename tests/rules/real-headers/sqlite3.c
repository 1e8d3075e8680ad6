// Against the real <sqlite3.h> (libsqlite3-dev).
// REQUIRES: sqlite3-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <sqlite3.h>
#include <unistd.h>

sqlite3 *db;
// CHECK: sqlite3.c:[[#@LINE-1]]:10: warning: 'db' (SQLite) is open when the process forks
sqlite3_stmt *stmt;
// CHECK: note: 'db' created here by sqlite3_open_v2()
// CHECK: note: 'db' used here in the child process by sqlite3_exec()
// CHECK: sqlite3.c:[[#@LINE-3]]:15: warning: 'stmt' (SQLite) is open when the process forks
// CHECK: note: 'stmt' created here by sqlite3_prepare_v2()
// CHECK: note: 'stmt' used here in the child process by sqlite3_step()

int main(void) {
#ifndef FIXED
  sqlite3_open_v2("/var/lib/app/state.db", &db, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL);
#endif
  if (fork() == 0) {
#ifdef FIXED
    sqlite3_open_v2("/var/lib/app/state.db", &db, SQLITE_OPEN_READWRITE, NULL);
    sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL);
#endif
    sqlite3_exec(db, "SELECT 1", NULL, NULL, NULL);
    sqlite3_step(stmt);
    _exit(0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return 0;
}
