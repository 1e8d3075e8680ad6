// KNOWN FALSE POSITIVE (proftpd's sql_dispatch(cmd, "sql_exit")): a command
// table searched with strcmp() for a constant name calls only that entry's
// handler, but forksafe calls every handler the table holds, so the child
// "reaches" b_open(), which uses the inherited connection. The program is
// correct and must be silent; XFAIL until string constants select table
// entries (docs/real-world-runs.md, proftpd).
// XFAIL: *
// RUN: %forksafe %s -- -I%mocks | count 0
#include <mysql.h>
#include <string.h>
#include <unistd.h>

MYSQL *g_conn;
typedef struct {
  const char *command;
  void *(*handler)(void *);
} cmdtable;
static void *b_open(void *c) {
  mysql_ping(g_conn);
  return c;
}
static void *b_exit(void *c) { return c; }
static cmdtable backend_tab[] = {{"sql_open", b_open}, {"sql_exit", b_exit}, {0, 0}};

static void *dispatch(void *cmd, const char *name) {
  for (int i = 0; backend_tab[i].command; i++)
    if (strcmp(name, backend_tab[i].command) == 0)
      return backend_tab[i].handler(cmd);
  return 0;
}

int main(void) {
  g_conn = mysql_init(0);
  mysql_real_connect(g_conn, "h", "u", "p", "d", 0, 0, 0);
  if (fork() == 0) {
    dispatch(0, "sql_exit");
    _exit(0);
  }
  dispatch(0, "sql_open");
  return 0;
}
