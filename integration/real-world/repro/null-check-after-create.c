/* The failure branch of a create: 'c' is NULL there, so nothing is live.
 * forksafe treats 'if (!c) return -1;' as a path on which the connection is
 * live and never closed. Expected: no finding (every path either failed to
 * connect or closed the connection before the fork). */
#include <hiredis.h>
#include <stddef.h>
#include <unistd.h>
static redisContext *c;
static int check_server(void) {
  c = redisConnect("127.0.0.1", 6379);
  if (!c)            /* also: c == NULL, (c = redisConnect(..)) == NULL */
    return -1;
  redisFree(c);
  c = NULL;
  return 0;
}
int main(void) {
  check_server();    /* even without testing the result */
  if (fork() == 0)
    redisCommand(c, "PING");
  return 0;
}
