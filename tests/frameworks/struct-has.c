// 'struct-has' tells apart two frameworks (or versions) whose structs share
// a tag: the hooks of Inputs/struct-has.json apply only to a 'plugin_api'
// that has a 'worker_start' field. Version 1 of the API (one process, no
// such field) is silent; the same code against version 2 is reported.
// RUN: %expect_exit 1 %forksafe --rules=%S/Inputs/struct-has.json %s -- -I%mocks -DV2 | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --rules=%S/Inputs/struct-has.json %s -- -I%mocks | count 0
#include <hiredis.h>
#include <stddef.h>

struct plugin_api {
  int (*load)(void);
#ifdef V2
  int (*worker_start)(void);
#endif
  int (*handle)(const char *req);
};

static redisContext *cache;
// CHECK: struct-has.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when plugsrv 2 forks its worker processes and is used in the child process

static int cache_load(void) {
  cache = redisConnect("127.0.0.1", 6379);
  // CHECK: struct-has.c:[[#@LINE-1]]:11: note: 'cache' created here by redisConnect()
  return cache == NULL ? -1 : 0;
}

static int cache_handle(const char *req) {
  redisCommand(cache, "GET %s", req);
  return 0;
}

struct plugin_api cache_plugin = {.load = cache_load, .handle = cache_handle};
// CHECK: struct-has.c:[[#@LINE-1]]:43: note: plugsrv 2 runs 'cache_load' in the master before the workers fork
// CHECK: struct-has.c:[[#@LINE-2]]:65: note: plugsrv 2 runs 'cache_handle' for each request in a worker
// CHECK: struct-has.c:[[#DEF+10]]:3: note: 'cache' used here in the child process by redisCommand()
// CHECK: struct-has.c:[[#DEF]]:22: note: connect in worker_start instead
// CHECK: struct-has.c:[[#DEF+4]]:3: note: move this connect into a post-fork hook, the 'worker_start' field of plugin_api
