// A mongoc_client_pool_t owns monitor threads and has no reset: a pool made
// before daemon() is still the parent's, even though the parent exits.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/mongoc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/mongoc -DFIXED | count 0
#include <mongoc/mongoc.h>
#include <unistd.h>

static mongoc_client_pool_t *pool;
// CHECK: mongoc-pool.c:[[#DEF:@LINE-1]]:30: warning: 'pool' (MongoDB C driver (libmongoc)) is live when the process forks with daemon() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main(void) {
  mongoc_uri_t *uri = mongoc_uri_new("mongodb://localhost:27017");
#ifndef FIXED
  pool = mongoc_client_pool_new(uri);
  // CHECK: mongoc-pool.c:[[#@LINE-1]]:10: note: 'pool' created here by mongoc_client_pool_new()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: mongoc-pool.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'pool' belongs to the parent
    return 1;
#ifdef FIXED
  pool = mongoc_client_pool_new(uri);
#endif
  mongoc_client_t *c = mongoc_client_pool_pop(pool);
  // CHECK: mongoc-pool.c:[[#@LINE-1]]:24: note: 'pool' used here in the child process by mongoc_client_pool_pop()
  mongoc_client_pool_push(pool, c);
  return 0;
}
// CHECK: mongoc-pool.c:[[#DEF]]:30: note: create the client in each process after fork()
