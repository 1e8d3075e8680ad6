/* The MySQL/MariaDB shim against a real server (FORKSAFE_MYSQL_SOCKET, from
 * tests/servers/mariadb.sh). Exit 77 (skip) without a server. */
#include "test_support.h"

#include <mysql.h>
#include <forksafe/shim/mysql.h>

static MYSQL *conn;
static const char *sock;

static MYSQL *connect_new(void) {
  MYSQL *m = mysql_init(NULL);
  if (m && !mysql_real_connect(m, NULL, "root", NULL, "test", 0, sock, 0)) {
    fprintf(stderr, "connect: %s\n", mysql_error(m));
    mysql_close(m);
    return NULL;
  }
  return m;
}
static int query_ok(MYSQL *m, const char *q) {
  MYSQL_RES *res;
  if (mysql_query(m, q) != 0) return 0;
  res = mysql_store_result(m);
  if (res) mysql_free_result(res);
  return 1;
}
static int child_query(void *arg) {
  (void)arg;
  return query_ok(conn, "SELECT 1") ? 3 : 4;
}
static int child_own(void *arg) {
  MYSQL *mine;
  (void)arg;
  mine = connect_new();
  if (!mine) return 10;
  if (!query_ok(mine, "INSERT INTO t VALUES (2)")) return 11;
  mysql_close(mine);
  return 0;
}
/* log and continue: mysql_close on the inherited handle must be abandoned,
 * or COM_QUIT would end the parent's session */
static int child_close_continue(void *arg) {
  (void)arg;
  forksafe_set_handler(forksafe_handler_log_and_continue, NULL);
  mysql_close(conn);
  return 0;
}
static int child_stmt(void *arg) {
  MYSQL_STMT *s;
  (void)arg;
  forksafe_set_handler(forksafe_handler_log_and_continue, NULL);
  s = mysql_stmt_init(conn); /* reported, continues */
  return s ? 0 : 30;
}

int main(void) {
  t_result r;
  char site[64];
  pid_t me = getpid();
  int line;
  sock = getenv("FORKSAFE_MYSQL_SOCKET");
  if (!sock) { printf("skip: FORKSAFE_MYSQL_SOCKET not set\n"); return 77; }
  conn = mysql_init(NULL);
  line = __LINE__ + 1;
  T_CHECK(mysql_real_connect(conn, NULL, "root", NULL, "test", 0, sock, 0) != NULL, "connect: %s",
          mysql_error(conn));
  snprintf(site, sizeof site, "test_shim_mysql.c:%d", line);
  T_CHECK(query_ok(conn, "CREATE TABLE IF NOT EXISTS t (x INT)"), "create: %s", mysql_error(conn));

  t_run_child(T_FORK, child_query, NULL, &r);
  T_CHECK(t_aborted(&r) && t_is_report(r.err, "mysql_query", site, me, r.pid), "query child: %s: %s",
          t_status_str(&r), r.err);
  T_CHECK(strstr(r.err, "MYSQL handle 'conn'") != NULL, "names the handle: %s", r.err);
  t_run_child(T_SYS_FORK, child_own, NULL, &r);
  T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "own child: %s: %s", t_status_str(&r), r.err);
  t_run_child(T_FORK, child_close_continue, NULL, &r);
  T_CHECK(t_exited_ok(&r) && t_is_report(r.err, "mysql_close", site, me, r.pid), "close child: %s: %s",
          t_status_str(&r), r.err);
  t_run_child(T_FORK, child_stmt, NULL, &r);
  T_CHECK(t_exited_ok(&r) && t_is_report(r.err, "mysql_stmt_init", site, me, r.pid), "stmt child: %s: %s",
          t_status_str(&r), r.err);

  /* no COM_QUIT reached the server: the parent's session is alive */
  T_CHECK(mysql_ping(conn) == 0 && query_ok(conn, "SELECT COUNT(*) FROM t"), "owner after children: %s",
          mysql_error(conn));
  mysql_close(conn);
  T_CHECK(!FORKSAFE_IS_FOREIGN(conn), "unregistered");
  return t_finish("test_shim_mysql");
}
