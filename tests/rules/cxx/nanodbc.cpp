// nanodbc: a global nanodbc::connection connected by its constructor before
// main and queried in the child through nanodbc::execute. The fix connects
// a default-constructed connection in each process.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/nanodbc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/nanodbc -DFIXED | count 0
#include <nanodbc/nanodbc.h>
#include <unistd.h>

#ifdef FIXED
nanodbc::connection conn;
#else
nanodbc::connection conn("DSN=inventory;UID=app;PWD=secret");
// CHECK: nanodbc.cpp:[[#DEF:@LINE-1]]:21: warning: 'conn' (nanodbc) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
// CHECK: nanodbc.cpp:[[#DEF]]:21: note: 'conn' created here by nanodbc::connection::connection()
#endif

static void reprice();

int main() {
  pid_t pid = fork();
  // CHECK: nanodbc.cpp:[[#@LINE-1]]:15: note: fork() forks here; the child inherits 'conn'
  if (pid == 0) {
#ifdef FIXED
    conn.connect("DSN=inventory;UID=app;PWD=secret");
#endif
    reprice();
    // CHECK: nanodbc.cpp:[[#@LINE-1]]:5: note: 'reprice' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void reprice() {
  nanodbc::execute(conn, "UPDATE items SET price = price * 1.1");
  // CHECK: nanodbc.cpp:[[#@LINE-1]]:3: note: 'conn' used here in the child process by nanodbc::execute()
}
// CHECK: nanodbc.cpp:[[#DEF]]:21: note: create (or connect()) the nanodbc::connection in each process after fork(); never disconnect or destroy an inherited connection in the child
// CHECK: nanodbc.cpp:[[#DEF]]:21: note: fix-it: make 'conn' a forksafe::per_process<nanodbc::connection>, which each process creates on first use (a child never uses or closes its parent's)
