// OpenSIPS 3.x: MI command handlers run in the MI processes (mi_fifo,
// mi_http, mi_datagram), which the attendant forks after mod_init; a
// connection mod_init keeps is theirs too. The fix: the handler opens and
// closes its own connection.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks/opensips | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks/opensips -DFIXED | count 0
#include <hiredis.h>
#include <sr_module.h>

static redisContext *cache;
// CHECK: opensips-mi.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when OpenSIPS forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int mod_init(void) {
#ifndef FIXED
  cache = redisConnect("127.0.0.1", 6379);
  // CHECK: opensips-mi.c:[[#@LINE-1]]:11: note: 'cache' created here by redisConnect()
#endif
  return 0;
}

static mi_response_t *mi_flush(const mi_params_t *params,
                               struct mi_handler *async_hdl) {
#ifdef FIXED
  redisContext *cache = redisConnect("127.0.0.1", 6379);
#endif
  redisCommand(cache, "FLUSHDB");
#ifdef FIXED
  redisFree(cache);
#endif
  return init_mi_result_ok();
}

static const mi_export_t mi_cmds[] = {{"cache_flush", 0, 0, 0, {{mi_flush, {0}}, {EMPTY_MI_RECIPE}}},
                                      {EMPTY_MI_EXPORT}};

struct module_exports exports = {
    "cache", MOD_TYPE_DEFAULT, MODULE_VERSION, DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
    0, mi_cmds, 0, 0, 0, 0, mod_init, 0, 0, 0, 0};
// CHECK: opensips-mi.c:[[#@LINE-1]]:29: note: OpenSIPS runs 'mod_init' (mod_init) in the main (attendant) process before it forks the workers
// CHECK: opensips-mi.c:[[#DEF+23]]:66: note: the MI command handler 'mi_flush' exported here runs in an MI process (mi_fifo, mi_http, mi_datagram)
// CHECK: opensips-mi.c:[[#DEF+16]]:3: note: 'cache' used here in the child process by redisCommand()
// CHECK: opensips-mi.c:[[#DEF]]:22: note: connect in child_init
// CHECK: opensips-mi.c:[[#DEF+5]]:3: note: move this connect into a post-fork hook, the 'init_child_f' field of module_exports
