// lazy variant, PostgreSQL: forksafe::per_process<PGconn*> connects on first
// use in each process, so every worker gets its own session.
#include "db.h"

#include <cstdio>
#include <forksafe/guarded.hpp>
#include <libpq-fe.h>

static forksafe::per_process<PGconn *> g_db(
    [] {
      PGconn *c = PQconnectdb(demo_pg_conninfo());
      if (PQstatus(c) != CONNECTION_OK) {
        std::fprintf(stderr, "connect: %s", PQerrorMessage(c));
        PQfinish(c);
        return static_cast<PGconn *>(nullptr);
      }
      return c;
    },
    [](PGconn *&c) {
      if (c) PQfinish(c);
    });

bool db_master_init() { return true; } // nothing opened before fork

bool db_worker_init() { return true; } // connects on the first query

int db_get_item(long id, std::string &row, std::string &err) {
  PGconn *conn = g_db.get();
  if (!conn) {
    err = "no connection";
    return 500;
  }
  char sql[96];
  std::snprintf(sql, sizeof sql, "SELECT id, name FROM items WHERE id = %ld", id);
  PGresult *res = PQexec(conn, sql);
  int status = 500;
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    err = PQerrorMessage(conn);
  } else if (PQntuples(res) == 1 && PQnfields(res) == 2) {
    row = std::string("id=") + PQgetvalue(res, 0, 0) + " name=" + PQgetvalue(res, 0, 1);
    status = 200;
  } else {
    status = 404;
  }
  PQclear(res);
  return status;
}
