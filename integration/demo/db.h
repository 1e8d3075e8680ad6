// db.h: the database side of the demo server. Each variant implements these
// three functions in its own file (mysql_seed.cpp, pg_lazy.cpp, ...); the
// binary is chosen at build time by which file is linked in.
#ifndef FORKSAFE_DEMO_DB_H
#define FORKSAFE_DEMO_DB_H
#include <string>

// In the master, before any fork(). Returns false when the database is unusable.
bool db_master_init();
// In each worker, right after fork(), before its first accept().
bool db_worker_init();
// Looks up row `id`. On success fills `row` ("id=K name=...") and returns 200;
// 404 when there is no such row; 500 with `err` set on a database error.
int db_get_item(long id, std::string &row, std::string &err);

// Connection parameters from the environment (set by the driver).
const char *demo_mysql_socket(); // FORKSAFE_MYSQL_SOCKET
const char *demo_pg_conninfo();  // FORKSAFE_PG_CONNINFO
#endif
