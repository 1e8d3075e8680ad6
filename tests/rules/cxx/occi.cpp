// Oracle OCCI (mock header only: Oracle ships no Debian package): an
// environment and a connection created in main, the child runs a statement
// on the inherited connection. The fix creates both in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/occi | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/occi -DFIXED | count 0
#include <occi.h>
#include <unistd.h>

using namespace oracle::occi;

static Environment *env;
static Connection *conn;
// CHECK: occi.cpp:[[#DEF:@LINE-1]]:20: warning: 'conn' (Oracle OCCI) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void settle();

int main() {
#ifndef FIXED
  env = Environment::createEnvironment(Environment::THREADED_MUTEXED);
  conn = env->createConnection("scott", "tiger", "//db:1521/ORCL");
  // CHECK: occi.cpp:[[#@LINE-1]]:10: note: 'conn' created here by oracle::occi::Environment::createConnection()
#endif
  if (fork() == 0) {
    // CHECK: occi.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'conn'
#ifdef FIXED
    env = Environment::createEnvironment(Environment::THREADED_MUTEXED);
    conn = env->createConnection("scott", "tiger", "//db:1521/ORCL");
#endif
    settle();
    // CHECK: occi.cpp:[[#@LINE-1]]:5: note: 'settle' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void settle() {
  Statement *stmt = conn->createStatement("UPDATE orders SET state = 'settled'");
  // CHECK: occi.cpp:[[#@LINE-1]]:21: note: 'conn' used here in the child process by oracle::occi::Connection::createStatement()
  stmt->executeUpdate();
  conn->commit();
}
// CHECK: occi.cpp:[[#DEF]]:20: note: create the OCCI Environment and its connections in each process after fork()
