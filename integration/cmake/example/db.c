#include "db.h"

#include <forksafe/runtime.h>
#include <stdio.h>
#include <stdlib.h>

MYSQL *g_db;

int db_connect(void) {
  g_db = mysql_init(NULL);
  if (!mysql_real_connect(g_db, NULL, "app", "secret", "shop", 0,
                          getenv("DB_SOCKET"), 0)) {
    fprintf(stderr, "connect: %s\n", mysql_error(g_db));
    return -1;
  }
  /* Debug builds abort if another process uses this connection. */
  FORKSAFE_REGISTER(g_db, "MYSQL", "g_db");
  return 0;
}

int db_count_orders(void) {
  FORKSAFE_CHECK_HANDLE(g_db, "mysql_query");
  if (mysql_query(g_db, "SELECT COUNT(*) FROM orders"))
    return -1;
  MYSQL_RES *res = mysql_store_result(g_db);
  if (!res)
    return -1;
  MYSQL_ROW row = mysql_fetch_row(res);
  int n = row && row[0] ? atoi(row[0]) : -1;
  mysql_free_result(res);
  return n;
}
