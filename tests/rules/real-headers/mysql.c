// Against the real <mysql.h> (libmariadb-dev, MariaDB Connector/C).
// REQUIRES: mariadb-headers
// RUN: %expect_exit 1 %forksafe %s -- -I/usr/include/mariadb | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -I/usr/include/mariadb -DFIXED | count 0
#include <mysql.h>
#include <unistd.h>

MYSQL *conn;
// CHECK: mysql.c:[[#@LINE-1]]:8: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks
MYSQL_STMT *stmt;
// CHECK: note: 'conn' connected here by mysql_real_connect()
// CHECK: note: 'conn' used here in the child process by mysql_query()
// CHECK: mysql.c:[[#@LINE-3]]:13: warning: 'stmt' (MySQL/MariaDB C API) is connected when the process forks
// CHECK: note: 'stmt' connected here by mysql_stmt_prepare()
// CHECK: note: 'stmt' used here in the child process by mysql_stmt_execute()

static void open_all(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "localhost", "u", "p", "db", 0, NULL, 0);
  stmt = mysql_stmt_init(conn);
  mysql_stmt_prepare(stmt, "SELECT 1", 8);
}

int main(void) {
#ifndef FIXED
  open_all();
#endif
  if (fork() == 0) {
#ifdef FIXED
    open_all();
#endif
    mysql_query(conn, "SELECT 1");
    mysql_stmt_execute(stmt);
    _exit(0);
  }
  mysql_stmt_close(stmt);
  mysql_close(conn);
  return 0;
}
