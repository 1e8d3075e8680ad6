// A path that needs two indirect calls each to run one particular function
// of several is latent: not reported unless asked for (--report-latent or
// the ReportLatent option). The child raises some event; the registry calls
// its handler, which destroys some pool, whose cleanup may be the one that
// closes the connection. Which handler and which cleanup run depends on
// objects the field-based points-to analysis merges (every event's 'cb' is
// one slot, every pool's 'cleanup' another), so each is a choice nothing
// shows the program makes.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --report-latent %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe --config="{CheckOptions: {forksafe-inherited-handle.ReportLatent: true}}" %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// One choice is like one undecided branch: the event raised depends on
// input, and the handler that closes the connection runs in some run.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DONE_CHOICE | FileCheck %s --check-prefix=ONE --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
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
  conn_pool = malloc(sizeof *conn_pool);
  conn_pool->cleanup = close_conn;
  buf_pool = malloc(sizeof *buf_pool);
  buf_pool->cleanup = free_buf;
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
// CHECK: latent-two-choices.c:[[#DEF+32]]:3: note: 'g_conn' connected here by mysql_real_connect()
// CHECK: latent-two-choices.c:[[#DEF+40]]:7: note: fork() forks here; the child inherits 'g_conn'
// CHECK: latent-two-choices.c:[[#DEF+41]]:5: note: 'raise_event' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+27]]:34: note: 'function pointer' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+20]]:3: note: 'destroy_pool' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+13]]:44: note: 'function pointer' called from here in the child process
// CHECK: latent-two-choices.c:[[#DEF+10]]:3: note: 'g_conn' closed here in the child process by mysql_close()
// CHECK: latent-two-choices.c:[[#DEF]]:8: note: latent: this path needs 2 indirect calls each to run one particular function of several it may reach, and nothing shows that they do
// CHECK: latent-two-choices.c:[[#DEF]]:8: note: leave the child with _exit()
// ONE: latent-two-choices.c:[[#DEF+32]]:3: note: 'g_conn' connected here by mysql_real_connect()
// ONE: latent-two-choices.c:[[#DEF+40]]:7: note: fork() forks here; the child inherits 'g_conn'
// ONE: latent-two-choices.c:[[#DEF+41]]:5: note: 'raise_event' called from here in the child process
// ONE: latent-two-choices.c:[[#DEF+27]]:34: note: 'function pointer' called from here in the child process
// ONE: latent-two-choices.c:[[#DEF+18]]:3: note: 'g_conn' closed here in the child process by mysql_close()
// ONE: latent-two-choices.c:[[#DEF]]:8: note: leave the child with _exit()
