// A path that needs two indirect calls each to run one particular function
// of several is latent: not reported unless asked for (--report-latent or
// the ReportLatent option). The child raises some event; the registry calls
// its handler, which destroys some pool, whose cleanup may be the one that
// closes the connection. Which handler and which cleanup run depends on
// objects the field-based points-to analysis merges (every event's 'cb' is
// one slot, every pool's 'cleanup' another), and the pools are copied from
// prototypes (as pool libraries do), so no value says which cleanup each
// has: each call is a choice nothing shows the program makes.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --report-latent %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe --config="{CheckOptions: {forksafe-inherited-handle.ReportLatent: true}}" %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// One choice is like one undecided branch: the event raised depends on
// input, and the handler that closes the connection runs in some run.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DONE_CHOICE | FileCheck %s --check-prefix=ONE --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

MYSQL *g_conn;
// CHECK: latent-two-choices.c:[[#DEF:@LINE-1]]:8: warning: 'g_conn' (MySQL/MariaDB C API) is inherited by a child process and closed there
// ONE: latent-two-choices.c:[[#DEF:@LINE-2]]:8: warning: 'g_conn' (MySQL/MariaDB C API) is inherited by a child process and closed there

struct pool {
  void (*cleanup)(void *);
  void *data;
};
static void close_conn(void *d) {
  (void)d;
  mysql_close(g_conn);
}
static void free_buf(void *d) { free(d); }
static void destroy_pool(struct pool *p) { p->cleanup(p->data); }
static struct pool *conn_pool, *buf_pool;
static const struct pool conn_proto = {close_conn, 0}, buf_proto = {free_buf, 0};
static struct pool *new_pool(const struct pool *proto) {
  struct pool *p = malloc(sizeof *p);
  memcpy(p, proto, sizeof *p);
  return p;
}

static void on_session_end(void) {
#ifdef ONE_CHOICE
  mysql_close(g_conn);
#else
  destroy_pool(buf_pool);
#endif
}
static void on_timer(void) {}
static struct event {
  void (*cb)(void);
} events[2];
static void raise_event(int i) { events[i].cb(); }

int main(int argc, char **argv) {
  (void)argv;
  g_conn = mysql_init(0);
  mysql_real_connect(g_conn, "h", "u", "p", "d", 0, 0, 0);
  conn_pool = new_pool(&conn_proto);
  buf_pool = new_pool(&buf_proto);
  buf_pool->data = malloc(16);
  events[0].cb = on_timer;
  events[1].cb = on_session_end;
  if (fork() == 0) {
    raise_event(argc > 1);
    _exit(0);
  }
  destroy_pool(conn_pool);
  return 0;
}
// CHECK: latent-two-choices.c:[[#DEF+38]]:3: note: 'g_conn' connected here by mysql_real_connect()
// CHECK: latent-two-choices.c:[[#DEF+44]]:7: note: fork() forks here; the child inherits 'g_conn'
// CHECK: latent-two-choices.c:[[#DEF+45]]:5: note: 'raise_event' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+33]]:34: note: 'function pointer' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+26]]:3: note: 'destroy_pool' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+13]]:44: note: 'function pointer' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+10]]:3: note: 'g_conn' closed here in the child process by mysql_close()
// CHECK: latent-two-choices.c:[[#DEF]]:8: note: latent: this path needs 2 indirect calls each to run one particular function of several it may reach, and nothing shows that they do
// CHECK: latent-two-choices.c:[[#DEF]]:8: note: leave the child with _exit()
// ONE: latent-two-choices.c:[[#DEF+38]]:3: note: 'g_conn' connected here by mysql_real_connect()
// ONE: latent-two-choices.c:[[#DEF+44]]:7: note: fork() forks here; the child inherits 'g_conn'
// ONE: latent-two-choices.c:[[#DEF+45]]:5: note: 'raise_event' called from here in the child process
// ONE: latent-two-choices.c:[[#DEF+33]]:34: note: 'function pointer' called from here in the child process
// ONE: latent-two-choices.c:[[#DEF+24]]:3: note: 'g_conn' closed here in the child process by mysql_close()
// ONE: latent-two-choices.c:[[#DEF]]:8: note: leave the child with _exit()
