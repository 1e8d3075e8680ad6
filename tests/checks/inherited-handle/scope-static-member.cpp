// A static data member.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <unistd.h>

struct Database {
  static MYSQL *conn;
  static void connect() {
    conn = mysql_init(nullptr);
    mysql_real_connect(conn, "h", "u", "p", "d", 0, nullptr, 0);
  }
};
MYSQL *Database::conn;
// CHECK: scope-static-member.cpp:[[#DEF:@LINE-1]]:18: warning: 'Database::conn' (MySQL/MariaDB C API)
// CHECK: scope-static-member.cpp:[[#DEF-3]]:5: note: 'Database::conn' connected here by mysql_real_connect()

int main() {
#ifndef FIXED
  Database::connect();
#endif
  if (fork() == 0) {
    // CHECK: scope-static-member.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'Database::conn'
#ifdef FIXED
    Database::connect();
#endif
    mysql_query(Database::conn, "SELECT 1");
    // CHECK: scope-static-member.cpp:[[#@LINE-1]]:5: note: 'Database::conn' used here in the child process by mysql_query()
    _exit(0);
  }
  return 0;
}
// CHECK: scope-static-member.cpp:[[#DEF]]:18: note: create the handle lazily
