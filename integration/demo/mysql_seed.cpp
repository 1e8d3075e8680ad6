// seed variant, MariaDB: the bug as reported. One global connection, opened
// in the master before it forks; every worker queries through it, so all
// workers share one socket to the server.
#include "db.h"

#include <cstdio>
#include <cstdlib>
#include <mysql.h>

MYSQL *g_conn; // shared by the master and every worker: the bug

bool db_master_init() {
  g_conn = mysql_init(nullptr);
  if (!mysql_real_connect(g_conn, nullptr, "root", nullptr, "test", 0, demo_mysql_socket(), 0)) {
    std::fprintf(stderr, "master: connect: %s\n", mysql_error(g_conn));
    return false;
  }
  return true;
}

bool db_worker_init() { return true; } // nothing: the worker inherits g_conn

int db_get_item(long id, std::string &row, std::string &err) {
  char sql[96];
  std::snprintf(sql, sizeof sql, "SELECT id, name FROM items WHERE id = %ld", id);
  if (mysql_query(g_conn, sql) != 0) {
    err = mysql_error(g_conn);
    return 500;
  }
  MYSQL_RES *res = mysql_store_result(g_conn);
  if (!res) {
    err = mysql_error(g_conn);
    return 500;
  }
  MYSQL_ROW r = mysql_fetch_row(res);
  int status = 404;
  if (r && r[0] && r[1]) {
    row = std::string("id=") + r[0] + " name=" + r[1];
    status = 200;
  }
  mysql_free_result(res);
  return status;
}
