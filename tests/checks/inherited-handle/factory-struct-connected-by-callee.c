// A connection layer in the shape of ProFTPD's src/memcache.c: the factory
// makes the instance (memcached_create() only records servers), keeps it in
// a struct it allocates, and connects it through a helper that queries the
// servers ('check_servers(mcache)' -> memcached_stat(mcache->mc, ...)); the
// layer also remembers its first connection. A module stores the factory's
// result in its static 'session_cache' while the master configures, before
// it forks the sessions; each session quits the master's connection (on
// the master's sockets) before it clones it. Fixed: the session only
// clones the inherited instance and forgets it.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/libmemcached | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/libmemcached -DFIXED | count 0
#include <libmemcached/memcached.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
  int refcount;
  memcached_st *mc;
} cache_conn;

cache_conn *cache_conn_new(const char *server);
void cache_conn_clone(cache_conn *mcache);
static void module_sess_init(void);

/* The module. */
static cache_conn *session_cache;
// CHECK: factory-struct-connected-by-callee.c:[[#DEF:@LINE-1]]:20: warning: 'session_cache.mc' (libmemcached) is connected when the process forks

static void module_postparse(void) {
  session_cache = cache_conn_new("127.0.0.1");
  // CHECK: factory-struct-connected-by-callee.c:[[#@LINE-1]]:19: note: 'session_cache.mc' created here by 'cache_conn_new'
}

int main(void) {
  module_postparse();
  for (;;) {
    pid_t pid = fork();
    // CHECK: factory-struct-connected-by-callee.c:[[#@LINE-1]]:17: note: fork() forks here; the child inherits 'session_cache.mc'
    if (pid == 0) {
      module_sess_init();
      // CHECK: factory-struct-connected-by-callee.c:[[#@LINE-1]]:7: note: 'module_sess_init' called from here in the child process
      _exit(0);
    }
    if (pid < 0)
      return 1;
  }
}

static void module_sess_init(void) {
  if (session_cache != NULL)
    cache_conn_clone(session_cache);
  // CHECK: factory-struct-connected-by-callee.c:[[#@LINE-1]]:5: note: 'cache_conn_clone' called from here in the child process
}

/* The layer. */
static cache_conn *first_conn;

static int check_servers(cache_conn *mcache) {
  memcached_return_t res;
  return memcached_stat(mcache->mc, NULL, &res) != NULL ? 0 : -1;
}

cache_conn *cache_conn_new(const char *server) {
  memcached_st *mc = memcached_create(NULL);
  if (mc == NULL)
    return NULL;
  memcached_server_add(mc, server, 11211);
  cache_conn *mcache = calloc(1, sizeof *mcache);
  mcache->mc = mc;
  mcache->refcount = 1;
  if (check_servers(mcache) < 0) {
    memcached_free(mc);
    free(mcache);
    return NULL;
  }
  if (first_conn == NULL)
    first_conn = mcache;
  return mcache;
}

void cache_conn_clone(cache_conn *mcache) {
#ifndef FIXED
  memcached_quit(mcache->mc);
  // CHECK: factory-struct-connected-by-callee.c:[[#@LINE-1]]:3: note: 'session_cache.mc' used here in the child process by memcached_quit()
#endif
  mcache->mc = memcached_clone(NULL, mcache->mc);
}
// CHECK: factory-struct-connected-by-callee.c:[[#DEF]]:20: note: create (or memcached_clone()) the memcached_st in each process
