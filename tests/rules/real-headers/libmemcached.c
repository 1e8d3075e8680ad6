// Against the real <libmemcached/memcached.h> and <libmemcached/util.h>
// (libmemcached-dev).
// REQUIRES: libmemcached-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <libmemcached/memcached.h>
#include <libmemcached/util.h>
#include <unistd.h>

memcached_st *mc;
// CHECK: libmemcached.c:[[#@LINE-1]]:15: warning: 'mc' (libmemcached) is connected when the process forks
memcached_pool_st *pool;
// CHECK: note: 'mc' connected here by its first use, memcached_set()
// CHECK: note: 'mc' used here in the child process by memcached_get()
// CHECK: libmemcached.c:[[#@LINE-3]]:20: warning: 'pool' (libmemcached) is connected when the process forks
// CHECK: note: 'pool' connected here by its first use, memcached_pool_pop()
// CHECK: note: 'pool' used here in the child process by memcached_pool_pop()

int main(void) {
  memcached_return_t rc;
  size_t len;
  uint32_t flags;
  mc = memcached_create(NULL);
  memcached_server_add(mc, "localhost", 11211);
  pool = memcached_pool_create(mc, 1, 4);
#ifndef FIXED
  memcached_set(mc, "k", 1, "v", 1, 0, 0);
  memcached_st *first = memcached_pool_pop(pool, true, &rc);
  memcached_pool_push(pool, first);
#endif
  if (fork() == 0) {
    memcached_get(mc, "k", 1, &len, &flags, &rc);
    memcached_st *m = memcached_pool_pop(pool, true, &rc);
    memcached_pool_push(pool, m);
    _exit(0);
  }
  memcached_pool_destroy(pool);
  memcached_free(mc);
  return 0;
}
