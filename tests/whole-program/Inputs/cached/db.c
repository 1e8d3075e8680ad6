#include "common.h"
PGconn *shared_conn;
