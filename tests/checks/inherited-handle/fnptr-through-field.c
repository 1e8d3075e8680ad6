// A call through a function-pointer field or variable reaches the functions
// stored into it (and those whose address escaped some other way), not every
// address-taken function of its type. start_timer, which forks and queries
// the connection in the child, is only stored in timer_table, which nothing
// calls; with BUG it is also stored in the field that main calls through.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// A function whose address escapes to code without a body (a registration
// call) is reached by a call through a pointer that such code may have set:
// here the field also receives what a lookup without a body returns, so the
// call falls back to the escaped functions of its type, and says so.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DESCAPES -DLOOKUP | FileCheck %s --check-prefix=ESCAPES
// ESCAPES: warning: 'cache' (hiredis)
// ESCAPES: note: 'function pointer' called from here through a function pointer resolved by its type (the pointer escapes to code without a body)
// Escaping alone does not make the field, which only ever held
// ul_set_keepalive_timeout, reach it.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DESCAPES | count 0
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
int (*lookup_timer(const char *name))(int);

int main(void) {
#ifdef BUG
  ul.set_keepalive_timeout = start_timer;
#else
  ul.set_keepalive_timeout = ul_set_keepalive_timeout;
#endif
#ifdef ESCAPES
  register_timer(start_timer);
#endif
#ifdef LOOKUP
  ul.set_keepalive_timeout = lookup_timer("keepalive");
#endif
  cache = redisConnect("127.0.0.1", 6379);
  ul.set_keepalive_timeout(30);
  redisCommand(cache, "PING");
  return 0;
}
// CHECK: fnptr-through-field.c:[[#DEF+33]]:11: note: 'cache' created here by redisConnect()
// CHECK: fnptr-through-field.c:[[#DEF+34]]:3: note: 'function pointer' called from here
// CHECK: fnptr-through-field.c:[[#DEF+11]]:7: note: fork() forks here; the child inherits 'cache'
// CHECK: fnptr-through-field.c:[[#DEF+12]]:5: note: 'cache' used here in the child process by redisCommand()
// CHECK: fnptr-through-field.c:[[#DEF]]:22: note: connect in each process after fork()
