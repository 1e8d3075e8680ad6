// libpqxx: a global pqxx::connection constructed (and so connected) before
// main; the child runs a pqxx::work on it. The fix connects in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/libpqxx | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/libpqxx -DFIXED | count 0
#include <pqxx/pqxx>
#include <unistd.h>

#ifndef FIXED
pqxx::connection db{"dbname=shop"};
// CHECK: libpqxx.cpp:[[#DEF:@LINE-1]]:18: warning: 'db' (libpqxx) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
// CHECK: libpqxx.cpp:[[#DEF]]:18: note: 'db' created here by pqxx::connection::connection()
#endif

static void restock(int item);

int main() {
  for (int item = 0; item < 8; ++item)
    if (fork() == 0) {
      // CHECK: libpqxx.cpp:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'db'
      restock(item);
      // CHECK: libpqxx.cpp:[[#@LINE-1]]:7: note: 'restock' called from here in the child process
      _exit(0);
    }
  return 0;
}

static void restock(int item) {
#ifdef FIXED
  pqxx::connection db{"dbname=shop"};
#endif
  pqxx::work txn{db};
  // CHECK: libpqxx.cpp:[[#@LINE-1]]:14: note: 'db' used here in the child process by pqxx::transaction::transaction()
  txn.exec("UPDATE stock SET n = n + 1");
  txn.commit();
  (void)item;
}
// CHECK: libpqxx.cpp:[[#DEF]]:18: note: construct the pqxx::connection in each process after fork(); never close or destroy an inherited connection in the child
// CHECK: libpqxx.cpp:[[#DEF]]:18: note: fix-it: make 'db' a forksafe::per_process<pqxx::connection>, which each process creates on first use (a child never uses or closes its parent's)
