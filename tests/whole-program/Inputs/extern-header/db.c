#include "db.h"
PGconn *g_pg;
void db_open(void) { g_pg = PQconnectdb("dbname=app"); }
