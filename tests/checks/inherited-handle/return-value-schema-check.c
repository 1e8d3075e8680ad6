// 'if (open_and_check_schema() != 0) return 1;' before forking: the helper
// closes the connection on its success path and returns non-zero only on the
// error paths, which keep it open; main stops on any error. So the handle
// is closed on every path that reaches fork(). The summary of the helper
// must keep its results apart by returned value. With BUG the success path
// keeps the connection for the workers' "convenience".
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: return-value-schema-check.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static int open_and_check_schema(void) {
  conn = mysql_init(NULL);
  if (!mysql_real_connect(conn, "db", "app", "pw", "app", 0, NULL, 0))
    return -1;
  if (mysql_query(conn, "SELECT version FROM schema_info") != 0) {
    fprintf(stderr, "schema check: %s\n", mysql_error(conn));
    return -2; /* 'conn' stays open: main gives up */
  }
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
  int ok = row && row[0] && strcmp(row[0], "42") == 0;
  if (res)
    mysql_free_result(res);
  if (!ok)
    return -3;
#ifndef BUG
  mysql_close(conn);
  conn = NULL;
#endif
  return 0;
}

static MYSQL *db(void) {
  if (!conn) {
    conn = mysql_init(NULL);
    mysql_real_connect(conn, "db", "app", "pw", "app", 0, NULL, 0);
  }
  return conn;
}

static void worker(int id) {
  char q[64];
  snprintf(q, sizeof q, "SELECT * FROM jobs WHERE worker = %d", id);
  mysql_query(db(), q);
}

int main(void) {
  if (open_and_check_schema() != 0)
    return 1;
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker(i);
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  return 0;
}
// CHECK: return-value-schema-check.c:[[#DEF+5]]:8: note: 'conn' connected here by mysql_real_connect()
// CHECK: return-value-schema-check.c:[[#DEF+43]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: return-value-schema-check.c:[[#DEF+44]]:7: note: 'worker' called from here in the child process
// CHECK: return-value-schema-check.c:[[#DEF+36]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: return-value-schema-check.c:[[#DEF]]:15: note: create the handle lazily
