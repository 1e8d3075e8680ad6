// postfork variant, MariaDB: the master connects only for a startup check
// and closes before forking; each worker opens its own connection after fork.
#include "db.h"

#include <cstdio>
#include <mysql.h>

static MYSQL *g_conn; // set in each worker, after fork

static MYSQL *connect_db(const char *who) {
  MYSQL *m = mysql_init(nullptr);
  if (!mysql_real_connect(m, nullptr, "root", nullptr, "test", 0, demo_mysql_socket(), 0)) {
    std::fprintf(stderr, "%s: connect: %s\n", who, mysql_error(m));
    mysql_close(m);
    return nullptr;
  }
  return m;
}

bool db_master_init() {
  MYSQL *check = connect_db("master");
  if (!check) return false;
  bool ok = mysql_query(check, "SELECT COUNT(*) FROM items") == 0;
  if (ok) {
    MYSQL_RES *res = mysql_store_result(check);
    if (res) mysql_free_result(res);
  } else {
    std::fprintf(stderr, "master: startup check: %s\n", mysql_error(check));
  }
  mysql_close(check); // closed before fork: nothing crosses it
  return ok;
}

bool db_worker_init() {
  g_conn = connect_db("worker");
  return g_conn != nullptr;
}

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
