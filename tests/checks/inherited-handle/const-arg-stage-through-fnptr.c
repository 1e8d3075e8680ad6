// The core tells every module what stage the process is in:
// 'notify_modules(STAGE_CHILD)' loops over the module table and calls each
// module's 'on_stage(stage)' through a function pointer, passing the value
// on. The database module opens its own connection in STAGE_CHILD and runs
// the master's maintenance query only in STAGE_MASTER_TICK, so a child never
// uses the master's connection. The constant must be bound to the parameter
// across the indirect call. With BUG the module announces the new worker on
// the inherited connection before it reconnects.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stddef.h>
#include <unistd.h>

enum stage { STAGE_MASTER_INIT, STAGE_MASTER_TICK, STAGE_CHILD };

struct module {
  const char *name;
  int (*on_stage)(int stage);
};

static PGconn *conn;
// CHECK: const-arg-stage-through-fnptr.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process

static int db_on_stage(int stage) {
  switch (stage) {
  case STAGE_MASTER_INIT:
    conn = PQconnectdb("dbname=acct");
    return conn ? 0 : -1;
  case STAGE_MASTER_TICK:
    PQclear(PQexec(conn, "DELETE FROM sessions WHERE expired"));
    return 0;
  case STAGE_CHILD:
#ifdef BUG
    PQclear(PQexec(conn, "INSERT INTO workers VALUES (pg_backend_pid())"));
#endif
    conn = PQconnectdb("dbname=acct");
    return 0;
  }
  return 0;
}

static int log_on_stage(int stage) {
  (void)stage;
  return 0;
}

static struct module modules[] = {
    {"db", db_on_stage},
    {"log", log_on_stage},
};

static int notify_modules(int stage) {
  for (size_t i = 0; i < sizeof modules / sizeof modules[0]; ++i)
    if (modules[i].on_stage(stage) < 0)
      return -1;
  return 0;
}

static void child_loop(void) {
  for (int i = 0; i < 100; ++i)
    PQclear(PQexec(conn, "SELECT account_tick()"));
}

int main(void) {
  if (notify_modules(STAGE_MASTER_INIT) < 0)
    return 1;
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      notify_modules(STAGE_CHILD);
      child_loop();
      _exit(0);
    }
  for (;;) {
    notify_modules(STAGE_MASTER_TICK);
    sleep(10);
  }
}
// CHECK: const-arg-stage-through-fnptr.c:[[#DEF+6]]:12: note: 'conn' created here by PQconnectdb()
// CHECK: const-arg-stage-through-fnptr.c:[[#DEF+47]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: const-arg-stage-through-fnptr.c:[[#DEF+48]]:7: note: 'notify_modules' called from here in the child process
// CHECK: const-arg-stage-through-fnptr.c:[[#DEF+33]]:9: note: 'function pointer' called from here in the child process
// CHECK: const-arg-stage-through-fnptr.c:[[#DEF+13]]:13: note: 'conn' used here in the child process by PQexec()
// CHECK: const-arg-stage-through-fnptr.c:[[#DEF]]:16: note: create the handle lazily
