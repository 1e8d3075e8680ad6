/* Included by db.c and handlers.c only. */
#include <libpq-fe.h>
extern PGconn *shared_conn;
