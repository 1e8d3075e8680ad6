#include <libpq-fe.h>
PGconn *g_conn;
void db_check(void) {
  g_conn = PQconnectdb("dbname=app");
  PQexec(g_conn, "SELECT 1");
}
void db_close(void) {
  PQfinish(g_conn);
  g_conn = 0;
}
void db_reopen(void) { g_conn = PQconnectdb("dbname=app"); }
