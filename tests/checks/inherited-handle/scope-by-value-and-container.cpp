// A handle held by value ('MYSQL m; mysql_init(&m)', real MariaDB header:
// the struct is complete there) and handles kept in a static container
// ('pool.push_back(PQconnectdb(...))', 'pool[i]').
// REQUIRES: mariadb-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I/usr/include/mariadb -I/usr/include/postgresql | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I/usr/include/mariadb -I/usr/include/postgresql -DFIXED | count 0
#include <libpq-fe.h>
#include <mysql.h>
#include <unistd.h>
#include <vector>

static MYSQL m;
// CHECK: scope-by-value-and-container.cpp:[[#M:@LINE-1]]:14: warning: 'm' (MySQL/MariaDB C API) is connected when the process forks
static std::vector<PGconn *> pool;
// CHECK: scope-by-value-and-container.cpp:[[#M+7]]:3: note: 'm' connected here by mysql_real_connect()

int main() {
  mysql_init(&m);
  mysql_real_connect(&m, "h", "u", "p", "d", 0, nullptr, 0);
  pool.push_back(PQconnectdb("dbname=app"));
  if (fork() == 0) {
    // CHECK: scope-by-value-and-container.cpp:[[#FORK:@LINE-1]]:7: note: fork() forks here; the child inherits 'm'
#ifdef FIXED
    mysql_init(&m);
    mysql_real_connect(&m, "h", "u", "p", "d", 0, nullptr, 0);
    pool[0] = PQconnectdb("dbname=app");
#endif
    mysql_query(&m, "SELECT 1");
    // CHECK: scope-by-value-and-container.cpp:[[#@LINE-1]]:5: note: 'm' used here in the child process by mysql_query()
    // CHECK: scope-by-value-and-container.cpp:[[#M]]:14: note: create the handle lazily
    // CHECK: scope-by-value-and-container.cpp:[[#M+2]]:30: warning: 'pool[]' (PostgreSQL libpq) is connected when the process forks
    // CHECK: scope-by-value-and-container.cpp:[[#M+8]]:18: note: 'pool[]' created here by PQconnectdb()
    // CHECK: scope-by-value-and-container.cpp:[[#FORK]]:7: note: fork() forks here; the child inherits 'pool[]'
    PQexec(pool[0], "SELECT 1");
    // CHECK: scope-by-value-and-container.cpp:[[#@LINE-1]]:5: note: 'pool[]' used here in the child process by PQexec()
    _exit(0);
  }
  return 0;
}
// CHECK: scope-by-value-and-container.cpp:[[#M+2]]:30: note: create the handle lazily
