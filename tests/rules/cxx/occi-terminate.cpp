// Oracle OCCI (mock header only): a child that terminates the inherited
// connection logs off over the parent's Net8 socket. The fix leaves the
// inherited connection alone in the child.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/occi | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/occi -DFIXED | count 0
#include <occi.h>
#include <unistd.h>

oracle::occi::Environment *env;
oracle::occi::Connection *conn;
// CHECK: occi-terminate.cpp:[[#DEF:@LINE-1]]:27: warning: 'conn' (Oracle OCCI) is inherited by a child process and closed there: logoff (OCISessionEnd/OCIServerDetach) goes over the shared Net8 socket and ends the parent's session [forksafe-inherited-handle-close]

int main() {
  env = oracle::occi::Environment::createEnvironment();
  conn = env->createConnection("scott", "tiger", "//db:1521/ORCL");
  // CHECK: occi-terminate.cpp:[[#@LINE-1]]:10: note: 'conn' created here by oracle::occi::Environment::createConnection()
  if (fork() == 0) {
    // CHECK: occi-terminate.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'conn'
#ifndef FIXED
    env->terminateConnection(conn);
    // CHECK: occi-terminate.cpp:[[#@LINE-1]]:5: note: 'conn' closed here in the child process by oracle::occi::Environment::terminateConnection()
#endif
    _exit(0);
  }
  env->terminateConnection(conn);
  oracle::occi::Environment::terminateEnvironment(env);
  return 0;
}
// CHECK: occi-terminate.cpp:[[#DEF]]:27: note: leave the child with _exit()
