/* Kamailio: mod_init runs in the main process before the SIP workers fork;
 * child_init runs in each worker, and also in the main process with
 * PROC_INIT: the connect must go after its rank test. */
#include <hiredis.h>
#include <sr_module.h>

static redisContext *cache;

static int mod_init(void) {
  cache = redisConnect("127.0.0.1", 6379);
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
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
