// SQLiteCpp: a global SQLite::Database opened by its constructor before main
// (so before the fork) and queried through a Statement in the child. The fix
// opens the database in each process.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/sqlitecpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/sqlitecpp -DFIXED | count 0
#include <SQLiteCpp/SQLiteCpp.h>
#include <memory>
#include <unistd.h>

#ifndef FIXED
SQLite::Database db("/var/lib/app/cache.db", SQLite::OPEN_READWRITE);
// CHECK: sqlitecpp.cpp:[[#DEF:@LINE-1]]:18: warning: 'db' (SQLiteCpp) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]
// CHECK: sqlitecpp.cpp:[[#DEF]]:18: note: 'db' created here by SQLite::Database::Database()
#endif

static int count_rows();

int main() {
  if (fork() == 0) {
    // CHECK: sqlitecpp.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
    count_rows();
    // CHECK: sqlitecpp.cpp:[[#@LINE-1]]:5: note: 'count_rows' called from here in the child process
    _exit(0);
  }
  return 0;
}

static int count_rows() {
#ifdef FIXED
  SQLite::Database db("/var/lib/app/cache.db", SQLite::OPEN_READWRITE);
#endif
  SQLite::Statement query(db, "SELECT count(*) FROM entries");
  // CHECK: sqlitecpp.cpp:[[#@LINE-1]]:21: note: 'db' used here in the child process by SQLite::Statement::Statement()
  query.executeStep();
  return query.getColumn(0).getInt();
}
// CHECK: sqlitecpp.cpp:[[#DEF]]:18: note: open the SQLite::Database in each process after fork(); never let an inherited Database be destroyed in the child
// CHECK: sqlitecpp.cpp:[[#DEF]]:18: note: fix-it: make 'db' a forksafe::per_process<SQLite::Database>, which each process creates on first use (a child never uses or closes its parent's)
