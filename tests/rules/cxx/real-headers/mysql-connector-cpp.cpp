// Against the real <mysql_driver.h> and <cppconn/...> (libmysqlcppconn-dev,
// JDBC-style API only: Debian ships no X DevAPI headers). Every handle type:
// a connection from sql::mysql::MySQL_Driver::connect, a statement and a
// prepared statement made on it before the fork and used in the child.
// REQUIRES: mysqlcppconn-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <cppconn/driver.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>
#include <memory>
#include <mysql_driver.h>
#include <unistd.h>

std::unique_ptr<sql::Connection> conn;
// CHECK: mysql-connector-cpp.cpp:[[#@LINE-1]]:34: warning: 'conn' (MySQL Connector/C++) is connected when the process forks
sql::Statement *stmt;
// CHECK: mysql-connector-cpp.cpp:[[#@LINE-1]]:17: warning: 'stmt' (MySQL Connector/C++) is connected when the process forks
sql::PreparedStatement *prep;
// CHECK: mysql-connector-cpp.cpp:[[#@LINE-1]]:25: warning: 'prep' (MySQL Connector/C++) is connected when the process forks

int main() {
  sql::mysql::MySQL_Driver *driver = sql::mysql::get_mysql_driver_instance();
  conn.reset(driver->connect("tcp://127.0.0.1:3306", "app", "secret"));
#ifndef FIXED
  stmt = conn->createStatement();
  prep = conn->prepareStatement("UPDATE t SET n = n + 1 WHERE id = ?");
#endif
  if (fork() == 0) {
#ifdef FIXED
    conn.release(); // leak the inherited connection: no COM_QUIT
    conn.reset(driver->connect("tcp://127.0.0.1:3306", "app", "secret"));
    stmt = conn->createStatement();
    prep = conn->prepareStatement("UPDATE t SET n = n + 1 WHERE id = ?");
#endif
    conn->setSchema("shop");
    stmt->execute("SELECT 1");
    prep->setInt(1, 42);
    prep->executeUpdate();
    _exit(0);
  }
  return 0;
}
