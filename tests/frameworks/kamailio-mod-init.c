// Kamailio: mod_init runs in the main process before forking; a
// connection made there is shared by every SIP worker.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <hiredis.h>
#include <sr_module.h>

static redisContext *cache;
// CHECK: kamailio-mod-init.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when Kamailio forks its worker processes

static int mod_init(void) {
#ifndef FIXED
  cache = redisConnect("127.0.0.1", 6379);
  // CHECK: kamailio-mod-init.c:[[#@LINE-1]]:11: note: 'cache' created here by redisConnect()
#endif
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
#ifdef FIXED
  cache = redisConnect("127.0.0.1", 6379);
#endif
  return 0;
}

static int w_count(struct sip_msg *msg, char *p1, char *p2) {
  redisCommand(cache, "INCR calls");
  return 1;
}

static cmd_export_t cmds[] = {{"count", (cmd_function)w_count, 0, 0, 0, 0},
                              {0, 0, 0, 0, 0, 0}};

struct module_exports exports = {"counter", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0,
                                 mod_init, child_init, 0};
// CHECK: kamailio-mod-init.c:[[#@LINE-1]]:34: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: kamailio-mod-init.c:[[#DEF+25]]:41: note: the cfg function 'w_count' exported here runs in each SIP worker process
// CHECK: kamailio-mod-init.c:[[#DEF+21]]:3: note: 'cache' used here in the child process by redisCommand()
// CHECK: kamailio-mod-init.c:[[#DEF]]:22: note: connect in child_init behind the rank test
// CHECK: kamailio-mod-init.c:[[#DEF+5]]:3: note: fix-it: move this connect into 'child_init', which Kamailio runs in each worker process after it forks
