// More paths than the bounds hold (4 disjuncts per point, 6 exit cases of a
// kind) must not mix "connected" with "not connected": kamailio
// carrierroute's mod_init validates three parameters (8 combinations of
// values) before it connects in db mode, loads the routes and closes the
// connection again. Merging the db-mode path (connected) into the
// file-mode path, or the error return (-1, connected) into the success
// (0, closed), made the worker inherit a connection mod_init closes. The
// bounds now merge only paths that agree on the handle when they can.
// Correct program: silent. With KEEP mod_init keeps the connection open and
// the child queries it.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DKEEP | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: bounds-keep-handle-facts-apart.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks
static char *config_source = "db";
static int match_mode = 10, load_comments, avoid_failed;
static int mode;
struct param { const char *name; void *value; };
struct param params[] = {{"config_source", &config_source},
                         {"match_mode", &match_mode},
                         {"load_comments", &load_comments},
                         {"avoid_failed", &avoid_failed}};
int load_routes(void);

static int mod_init(void) {
  if (match_mode != 10 && match_mode != 128)
    return -1;
  if (avoid_failed != 0 && avoid_failed != 1)
    return -1;
  if (load_comments != 0 && load_comments != 1)
    return -1;
  if (strcmp(config_source, "db") == 0) {
    mode = 1;
    conn = PQconnectdb("dbname=routes");
    if (!conn)
      return -1;
  } else if (strcmp(config_source, "file") == 0) {
    mode = 2;
  } else {
    return -1;
  }
  if (load_routes() < 0)
    return -1;
#ifndef KEEP
  if (mode == 1) {
    PQfinish(conn);
    conn = NULL;
  }
#endif
  return 0;
}

int main(void) {
  if (mod_init() < 0)
    return 1;
  if (fork() == 0) {
    if (mode == 1 && !conn)
      conn = PQconnectdb("dbname=routes");
    PQclear(PQexec(conn, "SELECT 1"));
    _exit(0);
  }
  return 0;
}
// CHECK: bounds-keep-handle-facts-apart.c:[[#DEF+21]]:12: note: 'conn' created here by PQconnectdb()
// CHECK: bounds-keep-handle-facts-apart.c:[[#DEF+43]]:7: note: fork() forks here; the child inherits 'conn'
// CHECK: bounds-keep-handle-facts-apart.c:[[#DEF+46]]:13: note: 'conn' used here in the child process by PQexec()
// CHECK: bounds-keep-handle-facts-apart.c:[[#DEF]]:16: note: create the handle lazily
