// Against the real <SQLiteCpp/SQLiteCpp.h> (libsqlitecpp-dev): databases
// opened by SQLite::Database's constructor before main; the child uses one
// directly, one through a Statement and one through a Transaction (one
// database per construct, so each rule name is checked against the header).
// REQUIRES: sqlitecpp-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#ifndef FIXED
SQLite::Database cache("/var/lib/app/cache.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
// CHECK: sqlitecpp.cpp:[[#@LINE-1]]:18: warning: 'cache' (SQLiteCpp) is open when the process forks
// CHECK: note: 'cache' used here in the child process by SQLite::Database::exec()
SQLite::Database jobs("/var/lib/app/jobs.db", SQLite::OPEN_READWRITE);
// CHECK: sqlitecpp.cpp:[[#@LINE-1]]:18: warning: 'jobs' (SQLiteCpp) is open when the process forks
// CHECK: note: 'jobs' used here in the child process by SQLite::Statement::Statement()
SQLite::Database stats("/var/lib/app/stats.db", SQLite::OPEN_READWRITE);
// CHECK: sqlitecpp.cpp:[[#@LINE-1]]:18: warning: 'stats' (SQLiteCpp) is open when the process forks
// CHECK: note: 'stats' used here in the child process by SQLite::Transaction::Transaction()
#endif

int main() {
  if (fork() == 0) {
#ifdef FIXED
    SQLite::Database cache("/var/lib/app/cache.db", SQLite::OPEN_READWRITE);
    SQLite::Database jobs("/var/lib/app/jobs.db", SQLite::OPEN_READWRITE);
    SQLite::Database stats("/var/lib/app/stats.db", SQLite::OPEN_READWRITE);
#endif
    cache.exec("DELETE FROM entries WHERE hits > 100");
    SQLite::Statement next(jobs, "SELECT id FROM jobs LIMIT 1");
    next.executeStep();
    SQLite::Transaction txn(stats);
    txn.commit();
    _exit(0);
  }
  return 0;
}
