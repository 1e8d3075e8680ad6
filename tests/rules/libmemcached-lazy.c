// memcached_create and memcached_server_add do not connect: an instance set
// up before fork and first used in the child is fine (the default build);
// memcached_quit in the child is an unsafe 'reset' (a use) once the parent
// has connected.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/libmemcached | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/libmemcached -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libmemcached/memcached.h>
#include <unistd.h>

memcached_st *cache;
// CHECK: libmemcached-lazy.c:[[#DEF:@LINE-1]]:15: warning: 'cache' (libmemcached) is connected when the process forks

int main(void) {
  cache = memcached("--SERVER=localhost:11211", 24);
#ifdef BUG
  memcached_set(cache, "warm", 4, "1", 1, 0, 0);
  // CHECK: libmemcached-lazy.c:[[#@LINE-1]]:3: note: 'cache' connected here by its first use, memcached_set()
#endif
  if (fork() == 0) {
    // CHECK: libmemcached-lazy.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'cache'
    memcached_quit(cache);
    // CHECK: libmemcached-lazy.c:[[#@LINE-1]]:5: note: 'cache' used here in the child process by memcached_quit()
    memcached_set(cache, "job", 3, "1", 1, 0, 0);
    _exit(0);
  }
  return 0;
}
// CHECK: libmemcached-lazy.c:[[#DEF]]:15: note: create (or memcached_clone())
