// Not fork points for this check: vfork (+exec), posix_spawn, threads; and a
// child that execs or _exits at once never uses the handle.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
#define _GNU_SOURCE
#include <mysql.h>
#include <pthread.h>
#include <spawn.h>
#include <stdlib.h>
#include <unistd.h>

extern char **environ;
static MYSQL *db;

static void *thread_main(void *arg) {
  mysql_query(db, "SELECT 1"); /* same process: fine for the fork check */
  return arg;
}

int main(void) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "h", "u", "p", "d", 0, NULL, 0);

  pid_t pid = vfork();
  if (pid == 0) {
    execl("/bin/true", "true", (char *)NULL);
    _exit(127);
  }
  char *argv[] = {"true", NULL};
  posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ);

  pthread_t t;
  pthread_create(&t, NULL, thread_main, NULL);
  pthread_join(t, NULL);

  if (fork() == 0) {
    execl("/usr/bin/env", "env", (char *)NULL); /* the child execs at once */
    mysql_query(db, "SELECT 1");                 /* only if exec failed... */
  }
  if (fork() == 0)
    _exit(0);
  mysql_query(db, "SELECT 2");
  return 0;
}
