/* seed.c: the bug forksafe hunts, written the way users write it: a global
 * MYSQL* connected before fork() and then used by 4 worker processes.
 * Nothing here mentions forksafe: the test build adds
 *   -include forksafe/shim/mysql.h
 * and every worker must then abort in its first query. */
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

MYSQL *conn;

static void worker(int n) {
  char q[64];
  snprintf(q, sizeof q, "SELECT %d", n);
  if (mysql_query(conn, q) == 0) {
    MYSQL_RES *res = mysql_store_result(conn);
    if (res) mysql_free_result(res);
  }
}

int main(void) {
  int i, st;
  pid_t pid;
  conn = mysql_init(NULL);
  if (!mysql_real_connect(conn, NULL, "root", NULL, "test", 0, getenv("FORKSAFE_MYSQL_SOCKET"), 0)) {
    fprintf(stderr, "connect failed: %s\n", mysql_error(conn));
    return 2;
  }
  for (i = 0; i < 4; ++i) {
    if (fork() == 0) {
      worker(i);
      _exit(0);
    }
  }
  while ((pid = wait(&st)) > 0) {
    if (WIFSIGNALED(st)) printf("worker %d: killed by signal %d\n", (int)pid, WTERMSIG(st));
    else printf("worker %d: exit %d\n", (int)pid, WEXITSTATUS(st));
  }
  mysql_close(conn);
  return 0;
}
