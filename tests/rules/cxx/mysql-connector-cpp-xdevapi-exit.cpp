// X DevAPI and the static-destructor trap: a child that returns through
// exit() destroys the inherited global mysqlx::Session, whose destructor
// sends ROLLBACK and Mysqlx.Connection.Close on the parent's session. The
// fix leaves the child with _exit().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp -DFIXED | count 0
#include <mysqlx/xdevapi.h>
#include <stdlib.h>
#include <unistd.h>

mysqlx::Session session("mysqlx://app:secret@127.0.0.1:33060/shop");
// CHECK: mysql-connector-cpp-xdevapi-exit.cpp:[[#DEF:@LINE-1]]:17: warning: 'session' (MySQL Connector/C++) is inherited by a child process and closed there: the destructor runs cdk Session::close(): ROLLBACK then Mysqlx.Connection.Close on the shared session [forksafe-inherited-handle-close]
// CHECK: mysql-connector-cpp-xdevapi-exit.cpp:[[#DEF]]:17: note: 'session' created here by mysqlx::Session::Session()

int main() {
  session.startTransaction();
  if (fork() == 0) {
    // CHECK: mysql-connector-cpp-xdevapi-exit.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'session'
#ifdef FIXED
    _exit(0);
#else
    exit(0);
    // CHECK: mysql-connector-cpp-xdevapi-exit.cpp:[[#@LINE-1]]:5: note: exit() runs the destructors of static objects here
    // CHECK: mysql-connector-cpp-xdevapi-exit.cpp:[[#DEF]]:17: note: 'session' closed here in the child process by mysqlx::Session::~Session()
#endif
  }
  session.commit();
  return 0;
}
// CHECK: mysql-connector-cpp-xdevapi-exit.cpp:[[#DEF]]:17: note: leave the child with _exit()
