// Child branch recognised in 'if ((pid = fork()) == 0)'.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <hiredis.h>
#include <sys/types.h>
#include <unistd.h>

static redisContext *cache;
// CHECK: child-branch-assign-in-condition.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

int main(void) {
  pid_t pid;
  cache = redisConnect("127.0.0.1", 6379);
  // CHECK: child-branch-assign-in-condition.c:[[#@LINE-1]]:11: note: 'cache' created here by redisConnect()
  if ((pid = fork()) == 0) {
    // CHECK: child-branch-assign-in-condition.c:[[#@LINE-1]]:14: note: fork() forks here; the child inherits 'cache'
#ifdef FIXED
    cache = redisConnect("127.0.0.1", 6379); /* the child's own connection */
#endif
    redisCommand(cache, "INCR hits");
    // CHECK-NOT: note: 'cache' used
    // CHECK: child-branch-assign-in-condition.c:[[#@LINE-2]]:5: note: 'cache' used here in the child process by redisCommand()
    _exit(0);
  }
  return pid < 0;
}
// CHECK: child-branch-assign-in-condition.c:[[#DEF]]:22: note: connect in each process after fork(), or call redisReconnect() in the child before any other use
