// libmemcached connects lazily on the first operation; once it has, the
// child's operations (and memcached_quit, which sends 'quit' on the shared
// sockets) talk on the parent's connections. The fix clones per process.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/libmemcached | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/libmemcached -DFIXED | count 0
#include <libmemcached/memcached.h>
#include <unistd.h>

static memcached_st *mc;
// CHECK: libmemcached.c:[[#DEF:@LINE-1]]:22: warning: 'mc' (libmemcached) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

int main(void) {
  memcached_return_t rc;
  size_t len;
  uint32_t flags;
  mc = memcached_create(NULL);
  memcached_server_add(mc, "localhost", 11211);
  memcached_set(mc, "boot", 4, "1", 1, 0, 0);
  // CHECK: libmemcached.c:[[#@LINE-1]]:3: note: 'mc' connected here by its first use, memcached_set()
  if (fork() == 0) {
    // CHECK: libmemcached.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'mc'
#ifdef FIXED
    mc = memcached_clone(NULL, mc); /* copies the configuration, not the sockets */
#endif
    memcached_get(mc, "job", 3, &len, &flags, &rc);
    // CHECK: libmemcached.c:[[#@LINE-1]]:5: note: 'mc' used here in the child process by memcached_get()
    _exit(0);
  }
  memcached_free(mc);
  return 0;
}
// CHECK: libmemcached.c:[[#DEF]]:22: note: create (or memcached_clone()) the memcached_st in each process after fork(); in a child, do not call memcached_quit() or memcached_free() on an inherited instance: both send quit on the parent's connections
