// A local struct whose connection a callee creates through the pointer it
// is handed: 'struct job j; job_setup(&j, dsn);' stores a new connection
// into j->conn, then the process forks and the child queries j.conn, the
// parent's connection.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// With FIXED the child sets its own job up after the fork: silent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
// With TWO_JOBS the parent sets up its job and the child another local of
// the same type, which it sets up itself: two objects, one history each,
// silent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DTWO_JOBS | count 0
#include <mysql.h>
#include <unistd.h>

struct job {
  int id;
  MYSQL *conn;
};

// The warning is at main's 'struct job j;' below; the notes follow in order.
// CHECK: scope-local-struct-filled-by-callee.c:[[#DEF:@LINE+10]]:14: warning: 'j.conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
static int job_setup(struct job *j, const char *dsn) {
  j->conn = mysql_init(NULL);
  // CHECK: scope-local-struct-filled-by-callee.c:[[#@LINE+1]]:8: note: 'j.conn' connected here by mysql_real_connect()
  if (!mysql_real_connect(j->conn, dsn, "u", "p", "jobs", 0, NULL, 0))
    return -1;
  return 0;
}

int main(int argc, char **argv) {
  struct job j;
#ifdef TWO_JOBS
  struct job mine;
#endif
#if !defined(FIXED)
  if (job_setup(&j, argv[1]) != 0)
    return 1;
#endif
  // CHECK: scope-local-struct-filled-by-callee.c:[[#@LINE+1]]:7: note: fork() forks here; the child inherits 'j.conn'
  if (fork() == 0) {
#if defined(FIXED)
    if (job_setup(&j, argv[1]) != 0)
      _exit(1);
#elif defined(TWO_JOBS)
    if (job_setup(&mine, argv[1]) != 0)
      _exit(1);
    mysql_query(mine.conn, "UPDATE jobs SET state = 1");
    _exit(0);
#endif
    // CHECK: scope-local-struct-filled-by-callee.c:[[#@LINE+1]]:5: note: 'j.conn' used here in the child process by mysql_query()
    mysql_query(j.conn, "UPDATE jobs SET state = 1");
    _exit(0);
  }
  return 0;
}
// CHECK: scope-local-struct-filled-by-callee.c:[[#DEF]]:14: note: create the handle lazily in each process
