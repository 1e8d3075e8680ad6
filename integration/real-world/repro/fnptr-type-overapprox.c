/* A call through a struct field of type int (*)(int) reaches every
 * address-taken int (int) function, here a forking timer starter that is
 * only ever stored in a different table and never called by this program.
 * Expected: no finding (nothing can call start_timer). */
#include <hiredis.h>
#include <stddef.h>
#include <unistd.h>

static redisContext *cache;

struct usrloc_api {
  int (*set_keepalive_timeout)(int);
};
static struct usrloc_api ul;

static int ul_set_keepalive_timeout(int t) { return t; }

static int start_timer(int rank) {
  if (fork() == 0) {
    redisCommand(cache, "PING");
    _exit(0);
  }
  return rank;
}
int (*timer_table[])(int) = {start_timer}; /* address taken, never called */

int main(void) {
  ul.set_keepalive_timeout = ul_set_keepalive_timeout;
  cache = redisConnect("127.0.0.1", 6379);
  ul.set_keepalive_timeout(30);
  redisCommand(cache, "PING");
  return 0;
}
