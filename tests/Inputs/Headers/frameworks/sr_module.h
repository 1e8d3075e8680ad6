/* Mock of Kamailio's module API (src/core/sr_module.h): the typedefs the
 * exports use, the process ranks, struct module_exports in field order. */
#ifndef FORKSAFE_MOCK_SR_MODULE_H
#define FORKSAFE_MOCK_SR_MODULE_H
struct sip_msg;
typedef int (*cmd_function)(struct sip_msg *, char *, char *);
typedef int (*fixup_function)(void **param, int param_no);
typedef int (*free_fixup_function)(void **param, int param_no);
typedef int (*response_function)(struct sip_msg *);
typedef void (*destroy_function)(void);
typedef int (*init_function)(void);
typedef int (*child_init_function)(int rank);
#define PROC_INIT -127
#define PROC_MAIN 0
#define PROC_TIMER -1
#define PROC_TCP_MAIN -4
#define DEFAULT_DLFLAGS 0
typedef struct cmd_export_ {
  const char *name;
  cmd_function function;
  int param_no;
  fixup_function fixup;
  free_fixup_function free_fixup;
  unsigned int flags;
} cmd_export_t;
typedef struct module_exports {
  const char *name;
  unsigned int dlflags;
  cmd_export_t *cmds;
  void *params;
  void *rpc_methods;
  void *pv_items;
  response_function response_f;
  init_function init_mod_f;
  child_init_function init_child_f;
  destroy_function destroy_mod_f;
} module_exports_t;
#endif
