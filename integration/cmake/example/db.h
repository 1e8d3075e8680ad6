#ifndef DOWNSTREAM_DB_H
#define DOWNSTREAM_DB_H
#include <mysql.h>

extern MYSQL *g_db;
int db_connect(void);
int db_count_orders(void);
#endif
