// seed variant, PostgreSQL: the bug as reported. One global connection,
// opened in the master before it forks; every worker queries through it, so
// all workers share one socket to the server.
#include "db.h"

#include <cstdio>
#include <libpq-fe.h>

PGconn *g_conn; // shared by the master and every worker: the bug

bool db_master_init() {
  g_conn = PQconnectdb(demo_pg_conninfo());
  if (PQstatus(g_conn) != CONNECTION_OK) {
    std::fprintf(stderr, "master: connect: %s", PQerrorMessage(g_conn));
    return false;
  }
  return true;
}

bool db_worker_init() { return true; } // nothing: the worker inherits g_conn

int db_get_item(long id, std::string &row, std::string &err) {
  char sql[96];
  std::snprintf(sql, sizeof sql, "SELECT id, name FROM items WHERE id = %ld", id);
  PGresult *res = PQexec(g_conn, sql);
  int status = 500;
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    err = PQerrorMessage(g_conn);
  } else if (PQntuples(res) == 1 && PQnfields(res) == 2) {
    row = std::string("id=") + PQgetvalue(res, 0, 0) + " name=" + PQgetvalue(res, 0, 1);
    status = 200;
  } else {
    status = 404;
  }
  PQclear(res);
  return status;
}
