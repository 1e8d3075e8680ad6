// MySQL Connector/C++: the usual std::unique_ptr<sql::Connection>, filled
// by reset() with what sql::Driver::connect returns, and handed to a helper
// by reference. The fix leaks the inherited connection in the child
// (release(), no COM_QUIT) and connects anew.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mysql-connector-cpp -DFIXED | count 0
#include <cppconn/driver.h>
#include <cppconn/statement.h>
#include <memory>
#include <unistd.h>

static std::unique_ptr<sql::Connection> conn;
// CHECK: mysql-connector-cpp-unique-ptr.cpp:[[#DEF:@LINE-1]]:41: warning: 'conn' (MySQL Connector/C++) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void bump(sql::Connection &c);

int main() {
  sql::Driver *driver = get_driver_instance();
  conn.reset(driver->connect("tcp://127.0.0.1:3306", "app", "secret"));
  // CHECK: mysql-connector-cpp-unique-ptr.cpp:[[#@LINE-1]]:14: note: 'conn' created here by sql::Driver::connect()
  if (fork() == 0) {
    // CHECK: mysql-connector-cpp-unique-ptr.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'conn'
#ifdef FIXED
    conn.release();
    conn.reset(driver->connect("tcp://127.0.0.1:3306", "app", "secret"));
#endif
    bump(*conn);
    // CHECK: mysql-connector-cpp-unique-ptr.cpp:[[#@LINE-1]]:5: note: 'bump' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void bump(sql::Connection &c) {
  std::unique_ptr<sql::Statement> stmt(c.createStatement());
  // CHECK: mysql-connector-cpp-unique-ptr.cpp:[[#@LINE-1]]:40: note: 'conn' used here in the child process by sql::Connection::createStatement()
  stmt->executeUpdate("UPDATE counters SET n = n + 1");
}
// CHECK: mysql-connector-cpp-unique-ptr.cpp:[[#DEF]]:41: note: connect (sql::Driver::connect, mysqlx::Session, mysqlx::Client::getSession) in each process after fork()
