// nanodbc: the connection is a member of a global application object whose
// constructor connects it; a global's constructor runs before main, so
// before any fork. The child queries through a member function of that
// object. The fix connects the member in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/nanodbc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/nanodbc -DFIXED | count 0
#include <nanodbc/nanodbc.h>
#include <unistd.h>

struct Inventory {
  Inventory();
  void restock(int item);
  nanodbc::connection db;
};

Inventory inventory;
// CHECK: nanodbc-member.cpp:[[#DEF:@LINE-1]]:11: warning: 'inventory.db' (nanodbc) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

Inventory::Inventory() {
#ifndef FIXED
  db.connect("DSN=inventory");
  // CHECK: nanodbc-member.cpp:[[#@LINE-1]]:3: note: 'inventory.db' connected here by nanodbc::connection::connect()
#endif
}

int main() {
  if (fork() == 0) {
    // CHECK: nanodbc-member.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'inventory.db'
#ifdef FIXED
    inventory.db.connect("DSN=inventory");
#endif
    inventory.restock(7);
    // CHECK: nanodbc-member.cpp:[[#@LINE-1]]:5: note: 'Inventory::restock' called from here in the child process
    _exit(0);
  }
  return 0;
}

void Inventory::restock(int item) {
  nanodbc::statement stmt(db, "UPDATE items SET n = n + 10 WHERE id = ?");
  // CHECK: nanodbc-member.cpp:[[#@LINE-1]]:22: note: 'inventory.db' used here in the child process by nanodbc::statement::statement()
  stmt.execute();
  (void)item;
}
// CHECK: nanodbc-member.cpp:[[#DEF]]:11: note: create (or connect()) the nanodbc::connection in each process after fork()
