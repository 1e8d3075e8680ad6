#include <libpq-fe.h>
#include <unistd.h>

PGconn *old_conn;

static void worker(void) { PQexec(old_conn, "SELECT 1"); }

int main(void) {
  old_conn = PQconnectdb("dbname=app");
  if (fork() == 0) {
    worker();
    _exit(0);
  }
  return 0;
}
