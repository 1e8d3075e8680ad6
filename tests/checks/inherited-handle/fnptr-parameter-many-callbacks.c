// A helper that calls the callback its caller passes, called from many
// places with different callbacks (zabbix' zbx_vector_ptr_clear_ext(v,
// (zbx_ptr_free_func_t)free_fn) from a hundred call sites). Each call runs
// the callback it was given: the free functions here do not touch the
// database, and the one that connects is passed only by a reload handler
// nothing before the fork runs. Silent, however many callbacks the helper
// sees (beyond a few input contexts per function, a callee's other inputs
// are forgotten, but not which function a caller passed). With INHERITS
// main itself clears with the reconnecting callback before the fork.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DINHERITS | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: fnptr-parameter-many-callbacks.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
typedef void (*free_func)(void *);

static void vector_clear(void **values, int n, free_func f) {
  for (int i = 0; i < n; i++)
    f(values[i]);
}

static void free_item(void *p) { free(p); }
static void free_host(void *p) { free(p); }
static void free_trigger(void *p) { free(p); }
static void free_event(void *p) { free(p); }
struct tag { char *name; };
static void free_tag(struct tag *t) { free(t->name); free(t); }

static void reconnect(void *unused) {
  (void)unused;
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "u", "p", "zabbix", 0, NULL, 0);
}

void reload(void **values, int n) { vector_clear(values, n, reconnect); }

static void worker(void) { mysql_query(conn, "SELECT 1"); }

int main(int argc, char **argv) {
  void **values = (void **)argv;
  vector_clear(values, argc, free_item);
  vector_clear(values, argc, free_host);
  vector_clear(values, argc, free_trigger);
  vector_clear(values, argc, free_event);
  vector_clear(values, argc, (free_func)free_tag);
#ifdef INHERITS
  vector_clear(values, argc, reconnect);
#endif
  if (fork() == 0) {
    worker();
    _exit(0);
  }
  return 0;
}
// CHECK: fnptr-parameter-many-callbacks.c:[[#DEF+19]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: fnptr-parameter-many-callbacks.c:[[#DEF+36]]:7: note: fork() forks here; the child inherits 'conn'
// CHECK: fnptr-parameter-many-callbacks.c:[[#DEF+37]]:5: note: 'worker' called from here in the child process
// CHECK: fnptr-parameter-many-callbacks.c:[[#DEF+24]]:28: note: 'conn' used here in the child process by mysql_query()
// CHECK: fnptr-parameter-many-callbacks.c:[[#DEF]]:15: note: create the handle lazily
