/* Mock of uWSGI's plugin API (uwsgi.h): the leading fields of struct
 * uwsgi_plugin in their real relative order (a subset; plugins initialise
 * it with designated initializers). */
#ifndef FORKSAFE_MOCK_UWSGI_H
#define FORKSAFE_MOCK_UWSGI_H
#include <stdint.h>
struct wsgi_request;
struct uwsgi_option;
struct uwsgi_plugin {
  const char *name;
  const char *alias;
  uint8_t modifier1;
  void *data;
  void (*on_load)(void);
  int (*init)(void);
  void (*post_init)(void);
  void (*post_fork)(void);
  struct uwsgi_option *options;
  void (*enable_threads)(void);
  void (*init_thread)(int);
  int (*request)(struct wsgi_request *);
  void (*after_request)(struct wsgi_request *);
  void (*preinit_apps)(void);
  void (*init_apps)(void);
  void (*postinit_apps)(void);
};
#define UWSGI_OK 0
#endif
