// A child that returns from main runs the static destructors too.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libpqxx | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libpqxx -DFIXED | count 0
#include <pqxx/pqxx>
#include <unistd.h>

pqxx::connection db{"dbname=app"};
// CHECK: return-from-main.cpp:[[#DEF:@LINE-1]]:18: warning: 'db' (libpqxx) is inherited by a child process and closed there
// CHECK: return-from-main.cpp:[[#DEF]]:18: note: 'db' created here by pqxx::connection::connection()

static void work() {}

int main() {
  pid_t pid = fork();
  // CHECK: return-from-main.cpp:[[#FORK:@LINE-1]]:15: note: fork() forks here; the child inherits 'db'
  // CHECK: return-from-main.cpp:[[#FORK-1]]:5: note: returning from main runs the destructors of static objects
  if (pid == 0) {
    work();
#ifdef FIXED
    _exit(0);
#endif
  }
  return 0;
}
// CHECK: return-from-main.cpp:[[#DEF]]:18: note: 'db' closed here in the child process by pqxx::connection::~connection()
// CHECK: return-from-main.cpp:[[#DEF]]:18: note: leave the child with _exit()
