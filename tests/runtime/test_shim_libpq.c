/* The libpq shim against a real PostgreSQL (FORKSAFE_PG_CONNINFO, from
 * tests/servers/postgres.sh). Exit 77 (skip) without a server. */
#include "test_support.h"

#include <libpq-fe.h>
#include <forksafe/shim/libpq.h>

static PGconn *conn;
static const char *conninfo;

static int exec_ok(PGconn *c, const char *q) {
  PGresult *res = PQexec(c, q);
  int ok = res && (PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK);
  PQclear(res);
  return ok;
}
static int child_exec(void *arg) {
  (void)arg;
  return exec_ok(conn, "SELECT 1") ? 3 : 4;
}
static int child_own(void *arg) {
  PGconn *mine = PQconnectdb(conninfo);
  (void)arg;
  if (PQstatus(mine) != CONNECTION_OK) return 10;
  if (!exec_ok(mine, "SELECT 1")) return 11;
  PQfinish(mine);
  return 0;
}
/* log and continue: PQfinish on the inherited handle is abandoned (no
 * Terminate message on the parent's socket) */
static int child_finish_continue(void *arg) {
  (void)arg;
  forksafe_set_handler(forksafe_handler_log_and_continue, NULL);
  PQfinish(conn);
  return 0;
}

int main(void) {
  t_result r;
  char site[64];
  pid_t me = getpid();
  int line;
  conninfo = getenv("FORKSAFE_PG_CONNINFO");
  if (!conninfo) { printf("skip: FORKSAFE_PG_CONNINFO not set\n"); return 77; }
  line = __LINE__ + 1;
  conn = PQconnectdb(conninfo);
  T_CHECK(PQstatus(conn) == CONNECTION_OK, "connect: %s", PQerrorMessage(conn));
  snprintf(site, sizeof site, "test_shim_libpq.c:%d", line);
  T_CHECK(exec_ok(conn, "SELECT 1"), "exec in owner");

  t_run_child(T_FORK, child_exec, NULL, &r);
  T_CHECK(t_aborted(&r) && t_is_report(r.err, "PQexec", site, me, r.pid), "exec child: %s: %s",
          t_status_str(&r), r.err);
  T_CHECK(strstr(r.err, "PGconn handle created at") != NULL, "names the kind: %s", r.err);
  t_run_child(T_CLONE, child_own, NULL, &r);
  T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "own child: %s: %s", t_status_str(&r), r.err);
  t_run_child(T_FORK, child_finish_continue, NULL, &r);
  T_CHECK(t_exited_ok(&r) && t_is_report(r.err, "PQfinish", site, me, r.pid), "finish child: %s: %s",
          t_status_str(&r), r.err);

  T_CHECK(exec_ok(conn, "SELECT 2"), "owner after children: %s", PQerrorMessage(conn));
  PQfinish(conn);
  return t_finish("test_shim_libpq");
}
