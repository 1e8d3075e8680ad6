/* The same program with code moved around: new lines above, the worker
 * defined after main, a blank line here and there. */
#include <libpq-fe.h>
#include <unistd.h>


PGconn *old_conn;

static void worker(void);

int main(void) {

  old_conn = PQconnectdb("dbname=app");
  if (fork() == 0) {
    worker();
    _exit(0);
  }
  return 0;
}

static void worker(void) { PQexec(old_conn, "SELECT 1"); }
