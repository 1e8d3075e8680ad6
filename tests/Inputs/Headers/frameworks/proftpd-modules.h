/* Mock of ProFTPD 1.3's module API, modelled on include/modules.h of
 * ProFTPD 1.3.8 (Debian's proftpd-dev): module (struct module_struc),
 * conftable, cmdtable and authtable in field order. */
#ifndef FORKSAFE_MOCK_PROFTPD_MODULES_H
#define FORKSAFE_MOCK_PROFTPD_MODULES_H
#include <stddef.h>
typedef struct cmd_struc cmd_rec;
typedef struct module_struc module;
typedef struct modret_struc modret_t;
struct modret_struc {
  module *mr_handler_module;
  int mr_error;
  const char *mr_numeric;
  const char *mr_message;
  void *data;
};
#define MODRET static modret_t *
#define PR_HANDLED(cmd) mod_create_ret((cmd), 0, NULL, NULL)
#define PR_DECLINED(cmd) (modret_t *)NULL
modret_t *mod_create_ret(cmd_rec *, unsigned char, const char *, const char *);
typedef struct conftab_rec {
  char *directive;
  modret_t *(*handler)(cmd_rec *);
  module *m;
} conftable;
#define PRE_CMD 1
#define CMD 2
#define CL_INFO 0x0002
#define G_NONE NULL
typedef struct cmdtab_rec {
  unsigned char cmd_type;
  const char *command;
  const char *group;
  modret_t *(*handler)(cmd_rec *);
  unsigned char requires_auth;
  unsigned char interrupt_xfer;
  int cmd_class;
  module *m;
} cmdtable;
typedef struct authtab_rec {
  int auth_flags;
  const char *name;
  modret_t *(*handler)(cmd_rec *);
  module *m;
} authtable;
struct module_struc {
  module *next, *prev;
  int api_version;
  const char *name;
  struct conftab_rec *conftable;
  struct cmdtab_rec *cmdtable;
  struct authtab_rec *authtable;
  int (*init)(void);
  int (*sess_init)(void);
  const char *module_version;
  void *handle;
  int priority;
};
#define MODULE_API_VERSION 0x20
#endif
