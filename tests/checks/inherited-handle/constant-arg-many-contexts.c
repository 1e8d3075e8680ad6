// A function called with the same mode from many places and different
// counts (exim's child_exec_exim(CEE_EXEC_EXIT, ..., acount, ...)): past
// the first contexts, the call keeps the values they all agree on, so
// run(EXEC_OR_EXIT, ...) still never returns and the child never reaches
// the parent's query. With BUG the child asks run() to return the
// arguments (RETURN_ARGS) instead: it then falls through to the query.
// RUN: %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <unistd.h>

enum { RETURN_ARGS, EXEC_OR_EXIT };
MYSQL *g_db;
// CHECK: [[@LINE-1]]:8: warning: 'g_db' (MySQL/MariaDB C API) is connected when the process forks

static char *args[16];
char **run(int mode, int count) {
  for (int i = 0; i < count && i < 15; i++)
    args[i] = "-x";
  if (mode == RETURN_ARGS)
    return args;
  execv("/usr/sbin/helper", args);
  _exit(127);
}

static void helper(int count) {
  if (fork() == 0)
    run(EXEC_OR_EXIT, count);
}

int main(void) {
  g_db = mysql_init(0);
  mysql_real_connect(g_db, "h", "u", "p", "d", 0, 0, 0);
  // CHECK: [[@LINE-1]]:3: note: 'g_db' connected here by mysql_real_connect()
  helper(1);
  helper(2);
  helper(3);
  helper(4);
  helper(5);
#ifdef BUG
  if (fork() == 0)
    // CHECK: [[@LINE-1]]:7: note: fork() forks here; the child inherits 'g_db'
    run(RETURN_ARGS, 6);
#else
  if (fork() == 0)
    run(EXEC_OR_EXIT, 6);
#endif
  mysql_query(g_db, "SELECT 1");
  // CHECK: [[@LINE-1]]:3: note: 'g_db' used here in the child process by mysql_query()
  // CHECK: note: create the handle lazily in each process
  return 0;
}
