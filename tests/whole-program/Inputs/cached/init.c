#include <libpq-fe.h>
extern PGconn *shared_conn;
void init_db(void) { shared_conn = PQconnectdb("dbname=app"); }
