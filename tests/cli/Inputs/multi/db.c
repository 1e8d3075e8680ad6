#include <libpq-fe.h>
PGconn *shared_conn;
