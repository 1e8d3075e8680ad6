// SOCI: a global soci::session opened in main, then the child runs
// 'sql << ...' on it. reconnect() is not a safe reset (it closes first,
// sending Terminate on the shared socket): the fix opens a new session in
// the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/soci | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/soci -DFIXED | count 0
#include <soci/soci.h>
#include <unistd.h>

soci::session sql;
// CHECK: soci.cpp:[[#DEF:@LINE-1]]:15: warning: 'sql' (SOCI) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void record(int id);

int main() {
#ifndef FIXED
  sql.open("postgresql", "dbname=app");
  // CHECK: soci.cpp:[[#@LINE-1]]:3: note: 'sql' connected here by soci::session::open()
#endif
  for (int id = 0; id < 3; ++id)
    if (fork() == 0) {
      // CHECK: soci.cpp:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'sql'
#ifdef FIXED
      sql.open("postgresql", "dbname=app");
#endif
      record(id);
      // CHECK: soci.cpp:[[#@LINE-1]]:7: note: 'record' called from here in the child process
      _exit(0);
    }
  return 0;
}

static void record(int id) {
  sql << "INSERT INTO log(worker) VALUES(" << id << ")";
  // CHECK: soci.cpp:[[#@LINE-1]]:3: note: 'sql' used here in the child process by soci::session::operator<<()
}
// CHECK: soci.cpp:[[#DEF]]:15: note: open the soci::session in each process after fork(); never close(), reconnect() or destroy an inherited session in the child
