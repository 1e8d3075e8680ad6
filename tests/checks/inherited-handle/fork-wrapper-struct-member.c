// The wrapper stores the fork result in the worker's struct ('w->pid =
// fork()') and returns a status; the caller tests the member afterwards:
// 'if (start_worker(&workers[i]) < 0) ...; if (workers[i].pid == 0)'. The
// member carries the fork result out of the wrapper, so the child runs only
// the worker loop (which opens its own connection) and exits; the parent
// alone records the pids. With BUG the worker loop uses the parent's
// connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

struct worker {
  pid_t pid;
  int id;
  PGconn *own;
};

static PGconn *master_db;
// CHECK: fork-wrapper-struct-member.c:[[#DEF:@LINE-1]]:16: warning: 'master_db' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process
static struct worker workers[8];

static int start_worker(struct worker *w) {
  w->pid = fork();
  if (w->pid < 0) {
    perror("fork");
    return -1;
  }
  if (w->pid == 0)
    setsid();
  return 0;
}

static void worker_loop(struct worker *w) {
#ifdef BUG
  PGconn *c = master_db;
#else
  PGconn *c = w->own = PQconnectdb("dbname=jobs");
#endif
  for (;;)
    PQclear(PQexec(c, "SELECT run_next_job()"));
}

int main(void) {
  master_db = PQconnectdb("dbname=jobs");
  PQclear(PQexec(master_db, "UPDATE workers SET alive = false"));
  for (int i = 0; i < 8; ++i) {
    workers[i].id = i;
    if (start_worker(&workers[i]) < 0)
      exit(1);
    if (workers[i].pid == 0) {
      worker_loop(&workers[i]);
      _exit(0);
    }
  }
  for (int i = 0; i < 8; ++i) {
    char q[64];
    snprintf(q, sizeof q, "INSERT INTO workers VALUES (%d)", (int)workers[i].pid);
    PQclear(PQexec(master_db, q));
  }
  return 0;
}
// CHECK: fork-wrapper-struct-member.c:[[#DEF+26]]:15: note: 'master_db' created here by PQconnectdb()
// CHECK: fork-wrapper-struct-member.c:[[#DEF+30]]:9: note: 'start_worker' called from here
// CHECK: fork-wrapper-struct-member.c:[[#DEF+5]]:12: note: fork() forks here; the child inherits 'master_db'
// CHECK: fork-wrapper-struct-member.c:[[#DEF+33]]:7: note: 'worker_loop' called from here in the child process
// CHECK: fork-wrapper-struct-member.c:[[#DEF+22]]:13: note: 'master_db' used here in the child process by PQexec()
// CHECK: fork-wrapper-struct-member.c:[[#DEF]]:16: note: create the handle lazily
