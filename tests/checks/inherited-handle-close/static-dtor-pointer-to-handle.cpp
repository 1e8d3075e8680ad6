// A scope guard with static storage that closes a global handle through a
// pointer to it: 'ConnGuard guard{&g_pg}', '~ConnGuard() { PQfinish(*slot); }'.
// A child that returns from main runs it and sends Terminate on the
// parent's session. Without BUG the child leaves with _exit().
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <unistd.h>

static PGconn *g_pg;
// CHECK: static-dtor-pointer-to-handle.cpp:[[#DEF:@LINE-1]]:16: warning: 'g_pg' (PostgreSQL libpq) is inherited by a child process and closed there: sends Terminate ('X') on the shared socket (and a TLS close_notify): the server ends the parent's session [forksafe-inherited-handle-close]

class ConnGuard {
public:
  explicit ConnGuard(PGconn **slot) : slot_(slot) {}
  ~ConnGuard() {
    if (*slot_)
      PQfinish(*slot_);
  }

private:
  PGconn **slot_;
};

static ConnGuard guard{&g_pg};

static void run_job(int id) { (void)id; }

int main() {
  g_pg = PQconnectdb("dbname=jobs");
  pid_t pid = fork();
  if (pid == 0) {
    run_job(1);
#ifndef BUG
    _exit(0);
#endif
  }
  if (pid > 0)
    PQclear(PQexec(g_pg, "UPDATE jobs SET started = true"));
  return 0;
}
// CHECK: static-dtor-pointer-to-handle.cpp:[[#DEF+20]]:10: note: 'g_pg' created here by PQconnectdb()
// CHECK: static-dtor-pointer-to-handle.cpp:[[#DEF+21]]:15: note: fork() forks here; the child inherits 'g_pg'
// CHECK: static-dtor-pointer-to-handle.cpp:[[#DEF+19]]:5: note: returning from main runs the destructors of static objects
// CHECK: static-dtor-pointer-to-handle.cpp:[[#DEF+15]]:18: note: 'ConnGuard::~ConnGuard' called from here in the child process
// CHECK: static-dtor-pointer-to-handle.cpp:[[#DEF+8]]:7: note: 'g_pg' closed here in the child process by PQfinish()
// CHECK: static-dtor-pointer-to-handle.cpp:[[#DEF]]:16: note: leave the child with _exit()
