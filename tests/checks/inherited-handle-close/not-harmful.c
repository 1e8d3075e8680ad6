// Not findings: hiredis' redisFree only close(2)s the descriptor; a child
// that reconnects first closes only its own handle; C code has no static
// destructors, so exit() closes nothing; _exit() runs nothing.
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | count 0
#include <hiredis.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

static redisContext *cache;
static PGconn *pg;
static MYSQL *my;

int main(void) {
  cache = redisConnect("127.0.0.1", 6379);
  pg = PQconnectdb("dbname=app");
  my = mysql_init(NULL);
  mysql_real_connect(my, "h", "u", "p", "d", 0, NULL, 0);
  if (fork() == 0) {
    redisFree(cache);               /* close(2) only: harmless */
    pg = PQconnectdb("dbname=app"); /* the child's own connection... */
    PQfinish(pg);                   /* ...closed by the child: fine */
    exit(0);                        /* C: no destructors run */
  }
  if (fork() == 0)
    _exit(0);
  mysql_close(my); /* the parent closes its own */
  PQfinish(pg);
  return 0;
}
