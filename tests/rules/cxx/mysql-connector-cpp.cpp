// MySQL Connector/C++ (JDBC-style API): a global connection made by
// sql::Driver::connect before fork and queried in the child. The fix
// connects in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp -DFIXED | count 0
#include <cppconn/driver.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>
#include <unistd.h>

sql::Connection *conn;
// CHECK: mysql-connector-cpp.cpp:[[#DEF:@LINE-1]]:18: warning: 'conn' (MySQL Connector/C++) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void handle_request();

int main() {
  sql::mysql::MySQL_Driver *driver = sql::mysql::get_mysql_driver_instance();
#ifndef FIXED
  conn = driver->connect("tcp://127.0.0.1:3306", "app", "secret");
  // CHECK: mysql-connector-cpp.cpp:[[#@LINE-1]]:10: note: 'conn' created here by sql::mysql::MySQL_Driver::connect()
#endif
  for (int i = 0; i < 4; ++i) {
    if (fork() == 0) {
      // CHECK: mysql-connector-cpp.cpp:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'conn'
#ifdef FIXED
      conn = driver->connect("tcp://127.0.0.1:3306", "app", "secret");
#endif
      handle_request();
      // CHECK: mysql-connector-cpp.cpp:[[#@LINE-1]]:7: note: 'handle_request' called from here in the child process
      _exit(0);
    }
  }
  return 0;
}

static void handle_request() {
  conn->setSchema("shop");
  // CHECK: mysql-connector-cpp.cpp:[[#@LINE-1]]:3: note: 'conn' used here in the child process by sql::Connection::setSchema()
  sql::Statement *stmt = conn->createStatement();
  stmt->execute("UPDATE counters SET n = n + 1");
  delete stmt;
}
// CHECK: mysql-connector-cpp.cpp:[[#DEF]]:18: note: connect (sql::Driver::connect, mysqlx::Session, mysqlx::Client::getSession) in each process after fork(); never destroy or close an inherited connection or session in the child
