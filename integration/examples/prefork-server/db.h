#ifndef PREFORK_DB_H
#define PREFORK_DB_H
#include <mysql.h>

extern MYSQL *g_db; /* one connection for the whole server: the bug */

int db_connect(const char *socket_path);
#endif
