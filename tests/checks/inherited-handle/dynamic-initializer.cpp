// A global's dynamic initialiser runs before main, so before any fork.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <hiredis.h>
#include <unistd.h>

#ifdef FIXED
redisContext *sessions = nullptr;
#else
redisContext *sessions = redisConnect("127.0.0.1", 6379);
// CHECK: dynamic-initializer.cpp:[[#DEF:@LINE-1]]:15: warning: 'sessions' (hiredis)
// CHECK: dynamic-initializer.cpp:[[#@LINE-2]]:26: note: 'sessions' created here by redisConnect()
#endif

int main() {
  if (fork() == 0) {
    // CHECK: dynamic-initializer.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'sessions'
#ifdef FIXED
    sessions = redisConnect("127.0.0.1", 6379);
#endif
    redisCommand(sessions, "GET user:1");
    // CHECK: dynamic-initializer.cpp:[[#@LINE-1]]:5: note: 'sessions' used here in the child process by redisCommand()
    _exit(0);
  }
  return 0;
}
// CHECK: dynamic-initializer.cpp:[[#DEF]]:15: note: connect in each process
// CHECK: dynamic-initializer.cpp:[[#DEF]]:15: note: fix-it: make 'sessions' a forksafe::per_process<redisContext *>, which each process creates on first use (a child never uses or closes its parent's)
