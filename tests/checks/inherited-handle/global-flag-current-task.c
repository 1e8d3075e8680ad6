// A global that only task children set: 'current_task = t;' right after
// their fork. The forking process never sets it, so in any child it forks
// for something else (here the log rotator) it is still null, and the
// shared exit path's 'if (current_task) report_status(current_task);' takes
// the false side there. Task children report on their own connection. With
// BUG the master runs the housekeeping task itself before it forks the log
// rotator and leaves 'current_task' set: the rotator reports on the
// master's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct task {
  int id;
  const char *name;
};

static PGconn *conn;
// CHECK: global-flag-current-task.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process
static struct task *current_task;
static struct task tasks[] = {{1, "reindex"}, {2, "vacuum"}};
static struct task housekeeping = {0, "housekeeping"};

static void report_status(const struct task *t) {
  char q[96];
  snprintf(q, sizeof q, "UPDATE tasks SET done = true WHERE id = %d", t->id);
  PQclear(PQexec(conn, q));
}

static void finish(int code) {
  if (current_task)
    report_status(current_task);
  exit(code);
}

static void run_task(struct task *t) {
  current_task = t;
  conn = PQconnectdb("dbname=tasks"); /* the task's own connection */
  printf("running %s\n", t->name);
  finish(0);
}

static void rotate_logs(void) {
  rename("/var/log/app.log", "/var/log/app.log.1");
  finish(0);
}

int main(void) {
  conn = PQconnectdb("dbname=tasks");
#ifdef BUG
  current_task = &housekeeping;
  PQclear(PQexec(conn, "SELECT housekeeping()"));
#endif
  for (int i = 0; i < 2; ++i)
    if (fork() == 0)
      run_task(&tasks[i]);
  if (fork() == 0)
    rotate_logs();
  PQclear(PQexec(conn, "UPDATE runs SET forked = 3"));
  return housekeeping.id;
}
// CHECK: global-flag-current-task.c:[[#DEF+31]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: global-flag-current-task.c:[[#DEF+39]]:7: note: fork() forks here; the child inherits 'conn'
// CHECK: global-flag-current-task.c:[[#DEF+40]]:5: note: 'rotate_logs' called from here in the child process
// CHECK: global-flag-current-task.c:[[#DEF+27]]:3: note: 'finish' called from here in the child process
// CHECK: global-flag-current-task.c:[[#DEF+14]]:5: note: 'report_status' called from here in the child process
// CHECK: global-flag-current-task.c:[[#DEF+9]]:11: note: 'conn' used here in the child process by PQexec()
// CHECK: global-flag-current-task.c:[[#DEF]]:16: note: create the handle lazily
