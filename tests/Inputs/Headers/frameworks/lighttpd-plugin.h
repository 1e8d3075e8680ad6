/* Mock of lighttpd 1.4's plugin API, modelled on lighttpd 1.4.69's
 * src/plugin.h and src/base_decls.h: struct plugin in field order, which
 * mod_<name>_plugin_init fills through 'p->field = function'. */
#ifndef FORKSAFE_MOCK_LIGHTTPD_PLUGIN_H
#define FORKSAFE_MOCK_LIGHTTPD_PLUGIN_H
#include <sys/types.h>
typedef struct server server;
typedef struct request_st request_st;
typedef struct connection connection;
enum handler_t {
  HANDLER_GO_ON,
  HANDLER_FINISHED,
  HANDLER_COMEBACK,
  HANDLER_WAIT_FOR_EVENT,
  HANDLER_ERROR
};
typedef enum handler_t handler_t;
#define LIGHTTPD_VERSION_ID 0x10445
typedef struct plugin plugin;
struct plugin {
  void *data;
  handler_t (*handle_uri_raw)(request_st *r, void *p_d);
  handler_t (*handle_uri_clean)(request_st *r, void *p_d);
  handler_t (*handle_docroot)(request_st *r, void *p_d);
  handler_t (*handle_physical)(request_st *r, void *p_d);
  handler_t (*handle_request_env)(request_st *r, void *p_d);
  handler_t (*handle_request_done)(request_st *r, void *p_d);
  handler_t (*handle_subrequest_start)(request_st *r, void *p_d);
  handler_t (*handle_subrequest)(request_st *r, void *p_d);
  handler_t (*handle_response_start)(request_st *r, void *p_d);
  handler_t (*handle_request_reset)(request_st *r, void *p_d);
  handler_t (*handle_connection_accept)(connection *con, void *p_d);
  handler_t (*handle_connection_shut_wr)(connection *con, void *p_d);
  handler_t (*handle_connection_close)(connection *con, void *p_d);
  handler_t (*handle_trigger)(server *srv, void *p_d);
  handler_t (*handle_sighup)(server *srv, void *p_d);
  handler_t (*handle_waitpid)(server *srv, void *p_d, pid_t pid, int status);
  void *(*init)(void);
  handler_t (*priv_defaults)(server *srv, void *p_d);
  handler_t (*set_defaults)(server *srv, void *p_d);
  handler_t (*worker_init)(server *srv, void *p_d);
  void (*cleanup)(void *p_d);
  const char *name;
  size_t version;
  void *lib;
};
#define INIT_FUNC(x) __attribute_cold__ void *x(void)
#define SETDEFAULTS_FUNC(x) __attribute_cold__ handler_t x(server *srv, void *p_d)
#define URIHANDLER_FUNC(x) handler_t x(request_st * const r, void *p_d)
#define __attribute_cold__ __attribute__((__cold__))
#endif
