/* Mock of OpenSIPS 3.x's module API, modelled on OpenSIPS 3.4's
 * sr_module.h, cmds.h, mi/mi.h and timer.h: the typedefs and structs a
 * module's exports use, in the real headers' field order and spelling
 * (struct tags 'module_exports', 'cmd_export_', 'proc_export_',
 * 'mi_recipe_'). Only what the tests need. */
#ifndef FORKSAFE_MOCK_OPENSIPS_SR_MODULE_H
#define FORKSAFE_MOCK_OPENSIPS_SR_MODULE_H
struct sip_msg;
typedef struct _str {
  char *s;
  int len;
} str;

/* cmds.h */
#define MAX_CMD_PARAMS 8
typedef int (*cmd_function)(struct sip_msg *, void *, void *, void *, void *,
                            void *, void *, void *, void *);
typedef int (*fixup_function)(void **param);
typedef int (*free_fixup_function)(void **param);
struct cmd_param {
  int flags;
  fixup_function fixup;
  free_fixup_function free_fixup;
};
struct cmd_export_ {
  const char *name;
  cmd_function function;
  struct cmd_param params[MAX_CMD_PARAMS + 1];
  int flags;
};
typedef struct cmd_export_ cmd_export_t;
typedef struct acmd_export_ acmd_export_t;
#define CMD_PARAM_STR (1 << 1)
#define REQUEST_ROUTE 1

/* mi/mi.h */
#define MAX_MI_PARAMS 10
#define MAX_MI_RECIPES 10
typedef struct mi_item mi_response_t;
typedef struct mi_params_ mi_params_t;
struct mi_handler;
typedef mi_response_t *(mi_cmd_f)(const mi_params_t *params,
                                  struct mi_handler *async_hdl);
typedef int(mi_child_init_f)(void);
typedef struct mi_recipe_ {
  mi_cmd_f *cmd;
  char *params[MAX_MI_PARAMS];
} mi_recipe_t;
#define EMPTY_MI_RECIPE 0, {0}
typedef struct mi_export_ {
  char *name;
  char *help;
  unsigned int flags;
  mi_child_init_f *init_f;
  mi_recipe_t recipes[MAX_MI_RECIPES];
} mi_export_t;
#define EMPTY_MI_EXPORT 0, 0, 0, 0, {{EMPTY_MI_RECIPE}}
mi_response_t *init_mi_result_ok(void);

/* timer.h */
typedef void(timer_function)(unsigned int ticks, void *param);
typedef void(utimer_function)(unsigned long long uticks, void *param);
#define TIMER_FLAG_DELAY_ON_DELAY (1 << 1)
int register_timer(char *label, timer_function f, void *param,
                   unsigned int interval, unsigned short flags);
int register_utimer(char *label, utimer_function f, void *param,
                    unsigned int interval, unsigned short flags);

/* sr_module.h */
typedef int (*load_function)(void);
typedef int (*response_function)(struct sip_msg *);
typedef void (*destroy_function)();
typedef int (*preinit_function)(void);
typedef int (*init_function)(void);
typedef int (*child_init_function)(int rank);
typedef int (*reload_confirm_function)(void);
typedef void (*mod_proc)(int no);
typedef int (*mod_proc_wrapper)();
#define PROC_MAIN 0
#define PROC_TIMER -1
#define PROC_MODULE -2
#define PROC_TCP_MAIN -4
#define is_worker_proc(rank) (rank >= 1)
#define DEFAULT_DLFLAGS 0
#define PROC_FLAG_INITCHILD (1 << 0)
enum module_type { MOD_TYPE_DEFAULT = 0, MOD_TYPE_SQLDB, MOD_TYPE_CACHEDB };
struct scm_version {
  const char *type;
  const char *rev;
};
#define MODULE_VERSION {"3.4.0", "", {"", ""}}
typedef struct param_export_ param_export_t;
typedef struct dep_export_ dep_export_t;
typedef struct stat_export_ stat_export_t;
typedef struct pv_export_ pv_export_t;
typedef struct trans_export_ trans_export_t;
struct proc_export_ {
  const char *name;
  mod_proc_wrapper pre_fork_function;
  mod_proc_wrapper post_fork_function;
  mod_proc function;
  unsigned int no;
  unsigned int flags;
};
typedef struct proc_export_ proc_export_t;
struct module_exports {
  const char *name;
  enum module_type type;
  const struct {
    const char *version;
    const char *compile_flags;
    struct scm_version scm;
  } ver_info;
  unsigned int dlflags;
  load_function load_f;
  const dep_export_t *deps;
  const cmd_export_t *cmds;
  const acmd_export_t *acmds;
  const param_export_t *params;
  const stat_export_t *stats;
  const mi_export_t *mi_cmds;
  const pv_export_t *items;
  const trans_export_t *trans;
  const proc_export_t *procs;
  preinit_function preinit_f;
  init_function init_f;
  response_function response_f;
  destroy_function destroy_f;
  child_init_function init_child_f;
  reload_confirm_function reload_ack_f;
};
#endif
