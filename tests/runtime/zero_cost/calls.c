/* Calls through every shimmed library. zero_cost.sh compiles this file with
 * and without `-include forksafe/shim/all.h` under NDEBUG and compares the
 * generated assembly: it must be identical. */
#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <sqlite3.h>

int use_mysql(MYSQL *m, const char *sock) {
  MYSQL_RES *res;
  if (!mysql_real_connect(m, 0, "root", 0, "test", 0, sock, 0)) return -1;
  if (mysql_query(m, "SELECT 1") != 0) return -2;
  res = mysql_store_result(m);
  if (res) mysql_free_result(res);
  mysql_close(m);
  return 0;
}

int use_libpq(const char *conninfo) {
  PGconn *c = PQconnectdb(conninfo);
  PGresult *r = PQexec(c, "SELECT 1");
  int ok = PQresultStatus(r) == PGRES_TUPLES_OK;
  PQclear(r);
  PQfinish(c);
  return ok;
}

int use_sqlite(const char *path) {
  sqlite3 *db;
  sqlite3_stmt *st;
  int n = 0;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, 0) != SQLITE_OK) return -1;
  sqlite3_exec(db, "PRAGMA user_version", 0, 0, 0);
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &st, 0) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) ++n;
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

int use_hiredis(const char *sock) {
  redisContext *c = redisConnectUnix(sock);
  redisReply *r;
  if (!c) return -1;
  r = (redisReply *)redisCommand(c, "GET %s", "k");
  if (r) freeReplyObject(r);
  redisFree(c);
  return 0;
}
