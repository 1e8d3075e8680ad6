// exit() in the child runs the destructors of static objects: a global
// pqxx::connection sends Terminate on the parent's connection.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libpqxx | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libpqxx -DFIXED | count 0
#include <pqxx/pqxx>
#include <stdlib.h>
#include <unistd.h>

pqxx::connection db{"dbname=app"};
// CHECK: exit-with-global-raii.cpp:[[#DEF:@LINE-1]]:18: warning: 'db' (libpqxx) is inherited by a child process and closed there: the destructor calls PQfinish, which sends Terminate on the shared socket [forksafe-inherited-handle-close]
// CHECK: exit-with-global-raii.cpp:[[#DEF]]:18: note: 'db' created here by pqxx::connection::connection()

int main() {
  if (fork() == 0) {
    // CHECK: exit-with-global-raii.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
    _exit(0);
#else
    exit(0);
    // CHECK: exit-with-global-raii.cpp:[[#@LINE-1]]:5: note: exit() runs the destructors of static objects here
    // CHECK: exit-with-global-raii.cpp:[[#DEF]]:18: note: 'db' closed here in the child process by pqxx::connection::~connection()
#endif
  }
  return 0;
}
// CHECK: exit-with-global-raii.cpp:[[#DEF]]:18: note: leave the child with _exit()
