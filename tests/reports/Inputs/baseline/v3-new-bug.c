/* The moved program plus a new bug: a second connection used in the child. */
#include <hiredis.h>
#include <libpq-fe.h>
#include <unistd.h>


PGconn *old_conn;
redisContext *new_cache;

static void worker(void);

int main(void) {

  old_conn = PQconnectdb("dbname=app");
  new_cache = redisConnect("127.0.0.1", 6379);
  if (fork() == 0) {
    worker();
    _exit(0);
  }
  return 0;
}

static void worker(void) {
  PQexec(old_conn, "SELECT 1");
  redisCommand(new_cache, "PING");
}
