// The C allocator is assumed not to fail (as Infer and most analyzers
// assume by default): cyrus' and proftpd's children reach their fatal()
// cleanup, which closes the inherited database, only through xmalloc()'s
// out-of-memory branch. A path that needs malloc() to return NULL is not
// reported. With FOPEN the child's helper fails on fopen(), which a working
// system does show (a missing file), and the close in the child is
// reported.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DFOPEN | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static sqlite3 *db;
// CHECK: allocation-failure-assumed-not.c:[[#DEF:@LINE-1]]:17: warning: 'db' (SQLite) is inherited by a child process and closed there
static int shutting_down;

static void fatal(const char *why) {
  fprintf(stderr, "fatal: %s\n", why);
  if (!shutting_down) {
    shutting_down = 1;
    sqlite3_close(db);
  }
  exit(75);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (p)
    return p;
  fatal("Virtual memory exhausted");
  return NULL;
}

static void child_work(void) {
#ifdef FOPEN
  FILE *f = fopen("/etc/app.conf", "r");
  if (!f)
    fatal("no configuration");
  fclose(f);
#endif
  char *buf = xmalloc(64);
  snprintf(buf, 64, "worker %d", (int)getpid());
  free(buf);
}

int main(void) {
  sqlite3_open("/var/lib/app.db", &db);
  if (fork() == 0) {
    child_work();
    _exit(0);
  }
  sqlite3_exec(db, "SELECT 1", 0, 0, 0);
  return 0;
}
// CHECK: allocation-failure-assumed-not.c:[[#DEF+34]]:3: note: 'db' created here by sqlite3_open()
// CHECK: allocation-failure-assumed-not.c:[[#DEF+35]]:7: note: fork() forks here; the child inherits 'db'
// CHECK: allocation-failure-assumed-not.c:[[#DEF+36]]:5: note: 'child_work' called from here in the child process
// CHECK: allocation-failure-assumed-not.c:[[#DEF+25]]:5: note: 'fatal' called from here in the child process
// CHECK: allocation-failure-assumed-not.c:[[#DEF+8]]:5: note: 'db' closed here in the child process by sqlite3_close()
// CHECK: allocation-failure-assumed-not.c:[[#DEF]]:17: note: leave the child with _exit()
