// lazy variant, MariaDB: forksafe::per_process<MYSQL*> connects on first use
// in each process, so every worker gets its own session.
#include "db.h"

#include <cstdio>
#include <forksafe/guarded.hpp>
#include <mysql.h>

static forksafe::per_process<MYSQL *> g_db(
    [] {
      MYSQL *m = mysql_init(nullptr);
      if (!mysql_real_connect(m, nullptr, "root", nullptr, "test", 0, demo_mysql_socket(), 0)) {
        std::fprintf(stderr, "connect: %s\n", mysql_error(m));
        mysql_close(m);
        return static_cast<MYSQL *>(nullptr);
      }
      return m;
    },
    [](MYSQL *&m) {
      if (m) mysql_close(m);
    });

bool db_master_init() { return true; } // nothing opened before fork

bool db_worker_init() { return true; } // connects on the first query

int db_get_item(long id, std::string &row, std::string &err) {
  MYSQL *conn = g_db.get();
  if (!conn) {
    err = "no connection";
    return 500;
  }
  char sql[96];
  std::snprintf(sql, sizeof sql, "SELECT id, name FROM items WHERE id = %ld", id);
  if (mysql_query(conn, sql) != 0) {
    err = mysql_error(conn);
    return 500;
  }
  MYSQL_RES *res = mysql_store_result(conn);
  if (!res) {
    err = mysql_error(conn);
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
