// A call through a function-pointer field or variable reaches the functions
// stored into it (and those whose address escaped some other way), not every
// address-taken function of its type. start_timer, which forks and queries
// the connection in the child, is only stored in timer_table, which nothing
// calls; with BUG it is also stored in the field that main calls through.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// A function whose address escapes (passed to a registration call) may
// still be reached by any call of its type.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DESCAPES | FileCheck %s --check-prefix=ESCAPES
// ESCAPES: warning: 'cache' (hiredis)
#include <hiredis.h>
#include <stddef.h>
#include <unistd.h>

static redisContext *cache;
// CHECK: fnptr-through-field.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when the process forks with fork() and is used in the child process

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
void register_timer(int (*)(int));

int main(void) {
#ifdef BUG
  ul.set_keepalive_timeout = start_timer;
#else
  ul.set_keepalive_timeout = ul_set_keepalive_timeout;
#endif
#ifdef ESCAPES
  register_timer(start_timer);
#endif
  cache = redisConnect("127.0.0.1", 6379);
  ul.set_keepalive_timeout(30);
  redisCommand(cache, "PING");
  return 0;
}
// CHECK: fnptr-through-field.c:[[#DEF+29]]:11: note: 'cache' created here by redisConnect()
// CHECK: fnptr-through-field.c:[[#DEF+30]]:3: note: 'function pointer' called from here
// CHECK: fnptr-through-field.c:[[#DEF+11]]:7: note: fork() forks here; the child inherits 'cache'
// CHECK: fnptr-through-field.c:[[#DEF+12]]:5: note: 'cache' used here in the child process by redisCommand()
// CHECK: fnptr-through-field.c:[[#DEF]]:22: note: connect in each process after fork()
