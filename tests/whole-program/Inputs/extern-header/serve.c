#include "db.h"
void serve(void) { PQexec(g_pg, "SELECT 1"); }
