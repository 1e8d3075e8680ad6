#include <libpq-fe.h>
extern PGconn *shared_conn;
void handle_request(int id) {
  PQexec(shared_conn, "SELECT 1");
  (void)id;
}
