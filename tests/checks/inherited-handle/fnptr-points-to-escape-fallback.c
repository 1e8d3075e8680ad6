// The fallback: a pointer whose value comes from code without a body
// ('spawn_fn fn = plugin_lookup("spawn")', a dlsym()-like registry) can hold
// any function that escaped into such code, so the call is resolved by its
// type among the functions passed to plugin_register(). spawn_reporters
// has the same type, forks and queries in its children, but its address is
// only stored in 'maintenance[]', which nothing calls: it is not a
// candidate. When the fallback decides a finding, its note says so. With
// BUG the registered spawn_workers' children query the inherited
// connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <hiredis.h>
#include <stddef.h>
#include <unistd.h>

typedef void (*spawn_fn)(int n);

/* The plugin registry lives in a shared library (no body here). */
void plugin_register(const char *name, spawn_fn fn);
spawn_fn plugin_lookup(const char *name);

static redisContext *cache;
// CHECK: fnptr-points-to-escape-fallback.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when the process forks with fork() and is used in the child process

static void spawn_workers(int n) {
  for (int i = 0; i < n; ++i)
    if (fork() == 0) {
#ifdef BUG
      freeReplyObject(redisCommand(cache, "INCR workers"));
#else
      redisContext *own = redisConnect("127.0.0.1", 6379);
      freeReplyObject(redisCommand(own, "INCR workers"));
#endif
      _exit(0);
    }
}

static void spawn_reporters(int n) {
  for (int i = 0; i < n; ++i)
    if (fork() == 0) {
      freeReplyObject(redisCommand(cache, "PUBLISH reports %d", i));
      _exit(0);
    }
}
static const struct {
  const char *name;
  spawn_fn start;
} maintenance[] = {{"reporters", spawn_reporters}};

int main(void) {
  cache = redisConnect("127.0.0.1", 6379);
  plugin_register("spawn", spawn_workers);
  spawn_fn fn = plugin_lookup("spawn");
  if (fn)
    fn(4);
  freeReplyObject(redisCommand(cache, "SET started 1"));
  return maintenance[0].name == NULL;
}
// CHECK: fnptr-points-to-escape-fallback.c:[[#DEF+29]]:11: note: 'cache' created here by redisConnect()
// CHECK: fnptr-points-to-escape-fallback.c:[[#DEF+33]]:5: note: 'fn' called from here through a function pointer resolved by its type (the pointer escapes to code without a body)
// CHECK: fnptr-points-to-escape-fallback.c:[[#DEF+5]]:9: note: fork() forks here; the child inherits 'cache'
// CHECK: fnptr-points-to-escape-fallback.c:[[#DEF+7]]:23: note: 'cache' used here in the child process by redisCommand()
// CHECK: fnptr-points-to-escape-fallback.c:[[#DEF]]:22: note: connect in each process after fork()
