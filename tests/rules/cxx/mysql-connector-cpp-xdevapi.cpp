// MySQL Connector/C++ X DevAPI: a global mysqlx::Session (its constructor
// connects) used in the child through Session::sql(). The fix opens a
// session from mysqlx::getSession in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp -DFIXED | count 0
#include <mysqlx/xdevapi.h>
#include <unistd.h>

#ifndef FIXED
mysqlx::Session session("mysqlx://app:secret@127.0.0.1:33060/shop");
// CHECK: mysql-connector-cpp-xdevapi.cpp:[[#DEF:@LINE-1]]:17: warning: 'session' (MySQL Connector/C++) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
// CHECK: mysql-connector-cpp-xdevapi.cpp:[[#DEF]]:17: note: 'session' created here by mysqlx::Session::Session()
#endif

int main() {
  if (fork() == 0) {
    // CHECK: mysql-connector-cpp-xdevapi.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'session'
#ifdef FIXED
    mysqlx::Session session = mysqlx::getSession("mysqlx://app:secret@127.0.0.1:33060/shop");
#endif
    session.sql("UPDATE stock SET n = n - 1").execute();
    // CHECK: mysql-connector-cpp-xdevapi.cpp:[[#@LINE-1]]:5: note: 'session' used here in the child process by mysqlx::Session::sql()
    _exit(0);
  }
  return 0;
}
// CHECK: mysql-connector-cpp-xdevapi.cpp:[[#DEF]]:17: note: connect (sql::Driver::connect, mysqlx::Session, mysqlx::Client::getSession) in each process after fork()
// CHECK: mysql-connector-cpp-xdevapi.cpp:[[#DEF]]:17: note: fix-it: make 'session' a forksafe::per_process<mysqlx::Session>, which each process creates on first use (a child never uses or closes its parent's)
