// A guard on forksafe's own runtime generation: forksafe_generation()
// changes in every child, so 'if (!conn || conn_gen != forksafe_generation())'
// reconnects on the child's first use. With BUG the program is built with
// NDEBUG, where the runtime is compiled out and forksafe_generation() is the
// constant 0: the guard never fires, and the child uses the inherited
// connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%srcroot/checker/runtime/include | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%srcroot/checker/runtime/include -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#ifdef BUG
#define NDEBUG 1
#endif
#include <forksafe/runtime.h>
#include <libpq-fe.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: remedy-runtime-generation.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process
static uint64_t conn_gen;

static PGconn *db(void) {
  if (!conn || conn_gen != forksafe_generation()) {
    conn = PQconnectdb("dbname=app");
    conn_gen = forksafe_generation();
  }
  return conn;
}

static void worker(void) {
  PQclear(PQexec(db(), "SELECT take_job()"));
}

int main(void) {
  PQclear(PQexec(db(), "UPDATE jobs SET owner = NULL"));
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker();
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  return 0;
}
// CHECK: remedy-runtime-generation.c:[[#DEF+6]]:12: note: 'conn' created here by PQconnectdb()
// CHECK: remedy-runtime-generation.c:[[#DEF+19]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: remedy-runtime-generation.c:[[#DEF+20]]:7: note: 'worker' called from here in the child process
// CHECK: remedy-runtime-generation.c:[[#DEF+13]]:11: note: 'conn' used here in the child process by PQexec()
// CHECK: remedy-runtime-generation.c:[[#DEF]]:16: note: create the handle lazily
