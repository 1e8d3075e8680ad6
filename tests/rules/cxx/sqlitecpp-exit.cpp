// SQLiteCpp and the static-destructor trap: a child that leaves with exit()
// runs ~Database on the inherited global, i.e. sqlite3_close(), which SQLite
// forbids in a forked child. The fix leaves the child with _exit().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/sqlitecpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/sqlitecpp -DFIXED | count 0
#include <SQLiteCpp/SQLiteCpp.h>
#include <stdlib.h>
#include <unistd.h>

SQLite::Database db("/var/lib/app/state.db", SQLite::OPEN_READWRITE);
// CHECK: sqlitecpp-exit.cpp:[[#DEF:@LINE-1]]:18: warning: 'db' (SQLiteCpp) is inherited by a child process and closed there: sqlite3_close() in the child can release locks and delete journal/WAL content out from under the parent [forksafe-inherited-handle-close]
// CHECK: sqlitecpp-exit.cpp:[[#DEF]]:18: note: 'db' created here by SQLite::Database::Database()

int main() {
  if (fork() == 0) {
    // CHECK: sqlitecpp-exit.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
    _exit(0);
#else
    exit(0);
    // CHECK: sqlitecpp-exit.cpp:[[#@LINE-1]]:5: note: exit() runs the destructors of static objects here
    // CHECK: sqlitecpp-exit.cpp:[[#DEF]]:18: note: 'db' closed here in the child process by SQLite::Database::~Database()
#endif
  }
  return 0;
}
// CHECK: sqlitecpp-exit.cpp:[[#DEF]]:18: note: leave the child with _exit()
