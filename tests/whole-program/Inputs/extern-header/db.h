#include <libpq-fe.h>
extern PGconn *g_pg;
void db_open(void);
