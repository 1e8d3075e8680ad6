#include "common.h"
void handle_request(int id) {
  PQexec(shared_conn, "SELECT 1");
  (void)id;
}
