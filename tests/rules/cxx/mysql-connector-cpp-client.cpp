// X DevAPI connection pool: mysqlx::Client opens sessions on demand, so a
// Client built before the fork is harmless until a session is taken from it.
// Taking one before the fork (here, a health check) leaves a pooled
// connection that the child's getSession() may hand out again.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp -DFIXED | count 0
#include <mysqlx/xdevapi.h>
#include <unistd.h>

mysqlx::Client pool("mysqlx://app:secret@127.0.0.1:33060/shop?pooling.maxSize=4");
// CHECK: mysql-connector-cpp-client.cpp:[[#DEF:@LINE-1]]:16: warning: 'pool' (MySQL Connector/C++) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void health_check() {
  mysqlx::Session s = pool.getSession();
  // CHECK: mysql-connector-cpp-client.cpp:[[#@LINE-1]]:23: note: 'pool' connected here by its first use, mysqlx::Client::getSession()
  s.sql("SELECT 1").execute();
}

static void work();

int main() {
#ifndef FIXED
  health_check();
#endif
  if (fork() == 0) {
    // CHECK: mysql-connector-cpp-client.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'pool'
    work();
    // CHECK: mysql-connector-cpp-client.cpp:[[#@LINE-1]]:5: note: 'work' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void work() {
  mysqlx::Session s = pool.getSession();
  // CHECK: mysql-connector-cpp-client.cpp:[[#@LINE-1]]:23: note: 'pool' used here in the child process by mysqlx::Client::getSession()
  s.sql("UPDATE stock SET n = n - 1").execute();
}
// CHECK: mysql-connector-cpp-client.cpp:[[#DEF]]:16: note: connect (sql::Driver::connect, mysqlx::Session, mysqlx::Client::getSession) in each process after fork()
