// Module export tables: arrays of structs whose function-pointer fields are
// initialised statically. The core copies each module's hooks into its own
// registry ('m->child_init = e->child_init'), then calls
// 'modules[i].child_init(rank)' in every child. That call can reach what the
// 'module_exports.child_init' fields hold (db_child_init, log_child_init),
// not db_housekeeping, which has the same type but sits in the master's
// timer table. With BUG db_child_init announces the worker on the master's
// connection before opening its own.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stddef.h>
#include <unistd.h>

typedef int (*mod_init_f)(void);
typedef int (*mod_child_init_f)(int rank);

struct module_exports {
  const char *name;
  mod_init_f mod_init;
  mod_child_init_f child_init;
};

static PGconn *conn;
// CHECK: fnptr-points-to-module-table.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process
static PGconn *worker_conn;

static int db_mod_init(void) {
  conn = PQconnectdb("dbname=registrar");
  return conn ? 0 : -1;
}
static int db_child_init(int rank) {
#ifdef BUG
  PQclear(PQexec(conn, "NOTIFY worker_started"));
#endif
  worker_conn = PQconnectdb("dbname=registrar");
  return rank >= 0 ? 0 : -1;
}
static int db_housekeeping(int ticks) {
  PQclear(PQexec(conn, "DELETE FROM location WHERE expires < now()"));
  return ticks;
}
static int log_mod_init(void) { return 0; }
static int log_child_init(int rank) { return rank < 0; }

static const struct module_exports exports_table[] = {
    {"db", db_mod_init, db_child_init},
    {"log", log_mod_init, log_child_init},
};

static struct timer {
  const char *name;
  int (*run)(int ticks);
} master_timers[] = {{"db-housekeeping", db_housekeeping}};

struct sr_module {
  const char *name;
  mod_init_f mod_init;
  mod_child_init_f child_init;
};
static struct sr_module modules[8];
static int nmodules;

static void register_module(const struct module_exports *e) {
  struct sr_module *m = &modules[nmodules++];
  m->name = e->name;
  m->mod_init = e->mod_init;
  m->child_init = e->child_init;
}

static int init_child(int rank) {
  for (int i = 0; i < nmodules; ++i)
    if (modules[i].child_init(rank) < 0)
      return -1;
  return 0;
}

int main(void) {
  for (size_t i = 0; i < sizeof exports_table / sizeof exports_table[0]; ++i)
    register_module(&exports_table[i]);
  for (int i = 0; i < nmodules; ++i)
    if (modules[i].mod_init() < 0)
      return 1;
  for (int rank = 1; rank <= 4; ++rank)
    if (fork() == 0) {
      if (init_child(rank) < 0)
        _exit(1);
      for (;;)
        PQclear(PQexec(worker_conn, "SELECT 1"));
    }
  for (int ticks = 0;; ++ticks) {
    master_timers[0].run(ticks);
    sleep(1);
  }
}
// CHECK: fnptr-points-to-module-table.c:[[#DEF+5]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: fnptr-points-to-module-table.c:[[#DEF+61]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: fnptr-points-to-module-table.c:[[#DEF+62]]:11: note: 'init_child' called from here in the child process
// CHECK: fnptr-points-to-module-table.c:[[#DEF+49]]:9: note: 'function pointer' called from here in the child process
// CHECK: fnptr-points-to-module-table.c:[[#DEF+10]]:11: note: 'conn' used here in the child process by PQexec()
// CHECK: fnptr-points-to-module-table.c:[[#DEF]]:16: note: create the handle lazily
