// postfork variant, PostgreSQL: the master connects only for a startup check
// and closes before forking; each worker opens its own connection after fork.
#include "db.h"

#include <cstdio>
#include <libpq-fe.h>

static PGconn *g_conn; // set in each worker, after fork

static PGconn *connect_db(const char *who) {
  PGconn *c = PQconnectdb(demo_pg_conninfo());
  if (PQstatus(c) != CONNECTION_OK) {
    std::fprintf(stderr, "%s: connect: %s", who, PQerrorMessage(c));
    PQfinish(c);
    return nullptr;
  }
  return c;
}

bool db_master_init() {
  PGconn *check = connect_db("master");
  if (!check) return false;
  PGresult *res = PQexec(check, "SELECT COUNT(*) FROM items");
  bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
  if (!ok) std::fprintf(stderr, "master: startup check: %s", PQerrorMessage(check));
  PQclear(res);
  PQfinish(check); // closed before fork: nothing crosses it
  return ok;
}

bool db_worker_init() {
  g_conn = connect_db("worker");
  return g_conn != nullptr;
}

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
