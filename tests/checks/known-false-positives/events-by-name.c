// KNOWN FALSE POSITIVE (proftpd's pr_event_register(m, "core.exit", fn) and
// pr_event_generate("core.connect")): handlers registered under one event
// name run only when that name is generated, but forksafe resolves the
// call through the registry's function pointer to every registered
// handler, so the child's "core.connect" runs the "core.exit" handler that
// closes the inherited connection. Correct program, must be silent. A
// framework rule's 'callback-registries' matches them by name
// (frameworks/proftpd-events-by-name.c); a program's own registry without
// such a rule is still this false positive: XFAIL until registries are
// recognised without one.
// XFAIL: *
// RUN: %forksafe %s -- -I%mocks | count 0
#include <mysql.h>
#include <string.h>
#include <unistd.h>

MYSQL *g_conn;
typedef void (*event_cb)(void);
static struct {
  const char *name;
  event_cb cb;
} events[8];
static int nevents;

static void event_register(const char *name, event_cb cb) {
  events[nevents].name = name;
  events[nevents].cb = cb;
  nevents++;
}
static void event_generate(const char *name) {
  for (int i = 0; i < nevents; i++)
    if (strcmp(events[i].name, name) == 0)
      events[i].cb();
}
static void on_exit_close(void) { mysql_close(g_conn); }
static void on_connect(void) {}

int main(void) {
  g_conn = mysql_init(0);
  mysql_real_connect(g_conn, "h", "u", "p", "d", 0, 0, 0);
  event_register("core.exit", on_exit_close);
  event_register("core.connect", on_connect);
  if (fork() == 0) {
    event_generate("core.connect");
    _exit(0);
  }
  event_generate("core.exit");
  return 0;
}
