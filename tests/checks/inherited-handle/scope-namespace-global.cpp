// A namespace-scope global in C++.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <libpq-fe.h>
#include <unistd.h>

namespace app {
PGconn *primary;
// CHECK: scope-namespace-global.cpp:[[#DEF:@LINE-1]]:9: warning: 'app::primary' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
} // namespace app

int main() {
  app::primary = PQconnectdb("dbname=app");
  // CHECK: scope-namespace-global.cpp:[[#@LINE-1]]:18: note: 'app::primary' created here by PQconnectdb()
  if (fork() == 0) {
    // CHECK: scope-namespace-global.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'app::primary'
#ifdef FIXED
    app::primary = PQconnectdb("dbname=app");
#endif
    PQexec(app::primary, "SELECT 1");
    // CHECK: scope-namespace-global.cpp:[[#@LINE-1]]:5: note: 'app::primary' used here in the child process by PQexec()
    _exit(0);
  }
  return 0;
}
// CHECK: scope-namespace-global.cpp:[[#DEF]]:9: note: create the handle lazily
