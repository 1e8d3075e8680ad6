// Kamailio: KEMI functions (sr_kemi_t.func) run in the SIP workers when the
// routing script is Lua, Python, JavaScript or Ruby; a connection mod_init
// keeps is inherited there. The fix connects in child_init behind the rank
// test.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <hiredis.h>
#include <kamailio-core.h>
#include <sr_module.h>
#include <stddef.h>

static redisContext *counters;
// CHECK: kamailio-kemi.c:[[#DEF:@LINE-1]]:22: warning: 'counters' (hiredis) is connected when Kamailio forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int mod_init(void) {
#ifndef FIXED
  counters = redisConnect("127.0.0.1", 6379);
  // CHECK: kamailio-kemi.c:[[#@LINE-1]]:14: note: 'counters' created here by redisConnect()
#endif
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
#ifdef FIXED
  counters = redisConnect("127.0.0.1", 6379);
#endif
  return 0;
}

static int ki_count(struct sip_msg *msg) {
  redisCommand(counters, "INCR calls");
  return 1;
}

static sr_kemi_t sr_kemi_counter_exports[] = {
    {{"counter", 7}, {"count", 5}, SR_KEMIP_INT, ki_count,
     {SR_KEMIP_NONE, SR_KEMIP_NONE, SR_KEMIP_NONE, SR_KEMIP_NONE, SR_KEMIP_NONE,
      SR_KEMIP_NONE}},
    {{0, 0}, {0, 0}, 0, NULL, {0, 0, 0, 0, 0, 0}}};

int mod_register(char *path, int *dlflags, void *p1, void *p2) {
  sr_kemi_modules_add(sr_kemi_counter_exports);
  return 0;
}

struct module_exports exports = {"counter", DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
                                 mod_init, child_init, 0};
// CHECK: kamailio-kemi.c:[[#@LINE-1]]:34: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: kamailio-kemi.c:[[#DEF+26]]:50: note: the KEMI function 'ki_count' exported here runs in each SIP worker process
// CHECK: kamailio-kemi.c:[[#DEF+21]]:3: note: 'counters' used here in the child process by redisCommand()
// CHECK: kamailio-kemi.c:[[#DEF]]:22: note: connect in child_init behind the rank test
// CHECK: kamailio-kemi.c:[[#DEF+5]]:3: note: fix-it: move this connect into 'child_init'
