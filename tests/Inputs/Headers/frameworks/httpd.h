/* Mock of Apache httpd 2.4's module API (include/http_config.h,
 * httpd.h): the hook registration functions as AP_DECLARE_HOOK declares
 * them, and the module structure. */
#ifndef FORKSAFE_MOCK_HTTPD_H
#define FORKSAFE_MOCK_HTTPD_H
typedef struct apr_pool_t apr_pool_t;
typedef struct server_rec server_rec;
typedef struct request_rec request_rec;
#define OK 0
#define DECLINED -1
#define APR_HOOK_MIDDLE 10
void ap_hook_post_config(int (*pf)(apr_pool_t *, apr_pool_t *, apr_pool_t *,
                                   server_rec *),
                         const char *const *aszPre, const char *const *aszSucc,
                         int nOrder);
void ap_hook_child_init(void (*pf)(apr_pool_t *, server_rec *),
                        const char *const *aszPre, const char *const *aszSucc,
                        int nOrder);
void ap_hook_handler(int (*pf)(request_rec *), const char *const *aszPre,
                     const char *const *aszSucc, int nOrder);
typedef struct module_struct {
  int version;
  int minor_version;
  int module_index;
  const char *name;
  void *dynamic_load_handle;
  struct module_struct *next;
  unsigned long magic;
  void (*rewrite_args)(void *process);
  void *(*create_dir_config)(apr_pool_t *p, char *dir);
  void *(*merge_dir_config)(apr_pool_t *p, void *base_conf, void *new_conf);
  void *(*create_server_config)(apr_pool_t *p, server_rec *s);
  void *(*merge_server_config)(apr_pool_t *p, void *base_conf, void *new_conf);
  const void *cmds;
  void (*register_hooks)(apr_pool_t *p);
  int flags;
} module;
#define STANDARD20_MODULE_STUFF 20120211, 0, -1, __FILE__, 0, 0, 0x41503234, 0
#endif
