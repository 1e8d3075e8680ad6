/* The SQLite shim against the real library: the handle is registered by the
 * shimmed sqlite3_open_v2, and the checks fire through the shim macros only
 * (this file calls the plain SQLite API). */
#include "test_support.h"

#include <sqlite3.h>
#include <forksafe/shim/sqlite3.h>

static sqlite3 *db;
static sqlite3_stmt *stmt;
static int open_line;
static char path[256];

static int child_exec(void *arg) {
  (void)arg;
  return sqlite3_exec(db, "INSERT INTO t VALUES (2)", NULL, NULL, NULL) == SQLITE_OK ? 3 : 4;
}
static int child_step(void *arg) {
  (void)arg;
  return sqlite3_step(stmt) == SQLITE_ROW ? 3 : 4;
}
/* the child opens its own connection: fine */
static int child_own(void *arg) {
  sqlite3 *mine = NULL;
  (void)arg;
  if (sqlite3_open_v2(path, &mine, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) return 10;
  if (sqlite3_exec(mine, "SELECT count(*) FROM t", NULL, NULL, NULL) != SQLITE_OK) return 11;
  return sqlite3_close(mine) == SQLITE_OK ? 0 : 12;
}
/* log and continue: sqlite3_close on the inherited handle is abandoned */
static int child_close_continue(void *arg) {
  (void)arg;
  forksafe_set_handler(forksafe_handler_log_and_continue, NULL);
  return sqlite3_close(db) == SQLITE_OK ? 0 : 20;
}

int main(void) {
  t_result r;
  char site[64];
  pid_t me = getpid();
  snprintf(path, sizeof path, "/tmp/forksafe-sqlite-%d.db", (int)me);
  open_line = __LINE__ + 1;
  T_CHECK(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK, "open");
  snprintf(site, sizeof site, "test_shim_sqlite.c:%d", open_line);
  T_CHECK(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL, NULL) == SQLITE_OK,
          "exec in owner");
  T_CHECK(sqlite3_prepare_v2(db, "SELECT x FROM t", -1, &stmt, NULL) == SQLITE_OK, "prepare");

  t_run_child(T_FORK, child_exec, NULL, &r);
  T_CHECK(t_aborted(&r) && t_is_report(r.err, "sqlite3_exec", site, me, r.pid), "exec child: %s: %s",
          t_status_str(&r), r.err);
  T_CHECK(strstr(r.err, "sqlite3 handle 'db'") != NULL, "names the handle: %s", r.err);
  t_run_child(T_SYS_FORK, child_step, NULL, &r);
  T_CHECK(t_aborted(&r) && t_is_report(r.err, "sqlite3_step", site, me, r.pid), "step child: %s: %s",
          t_status_str(&r), r.err);
  t_run_child(T_FORK, child_own, NULL, &r);
  T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "own handle child: %s: %s", t_status_str(&r), r.err);
  t_run_child(T_FORK, child_close_continue, NULL, &r);
  T_CHECK(t_exited_ok(&r) && t_is_report(r.err, "sqlite3_close", site, me, r.pid), "close child: %s: %s",
          t_status_str(&r), r.err);

  /* the parent's connection still works */
  T_CHECK(sqlite3_step(stmt) == SQLITE_ROW, "step in owner");
  T_CHECK(sqlite3_finalize(stmt) == SQLITE_OK, "finalize");
  T_CHECK(sqlite3_close(db) == SQLITE_OK, "close in owner");
  T_CHECK(!FORKSAFE_IS_FOREIGN(db), "unregistered on close");
  unlink(path);
  return t_finish("test_shim_sqlite");
}
