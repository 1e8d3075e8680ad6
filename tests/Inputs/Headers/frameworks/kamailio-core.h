/* Mock of Kamailio 5.6's timer, RPC and KEMI APIs (src/core/timer.h,
 * timer_proc.h, rpc.h, kemi.h): the registration calls and export structs
 * a module uses, with the real signatures and struct tags. 'str' comes from
 * the srdb1 mock, as in Kamailio from str.h. */
#ifndef FORKSAFE_MOCK_KAMAILIO_CORE_H
#define FORKSAFE_MOCK_KAMAILIO_CORE_H
#include <srdb1.h>
/* timer.h */
typedef void(timer_function)(unsigned int ticks, void *param);
int register_timer(timer_function f, void *param, unsigned int interval);
/* timer_proc.h */
int register_basic_timers(int timers);
int fork_basic_timer(int child_id, char *desc, int make_sock, timer_function *f,
                     void *param, int interval);
int sr_wtimer_add(timer_function *f, void *param, int interval);
#define PROC_NOCHLDINIT -128
/* rpc.h */
typedef struct rpc {
  int (*fault)(void *ctx, int code, char *fmt, ...);
  int (*add)(void *ctx, char *fmt, ...);
} rpc_t;
typedef void (*rpc_function_t)(rpc_t *rpc, void *ctx);
typedef struct rpc_export {
  const char *name;
  rpc_function_t function;
  const char **doc_str;
  unsigned int flags;
} rpc_export_t;
int rpc_register_array(rpc_export_t *rpc_array);
/* kemi.h */
#define SR_KEMI_PARAMS_MAX 6
#define SR_KEMIP_NONE 0
#define SR_KEMIP_INT 1
typedef struct sr_kemi {
  str mname;
  str fname;
  int rtype;
  void *func;
  int ptypes[SR_KEMI_PARAMS_MAX];
} sr_kemi_t;
int sr_kemi_modules_add(sr_kemi_t *klist);
#endif
