// Child branch recognised as the else of 'if (pid > 0) { parent } else'.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <hiredis.h>
#include <sys/types.h>
#include <unistd.h>

redisContext *rc;
// CHECK: child-branch-else.c:[[#DEF:@LINE-1]]:15: warning: 'rc' (hiredis)

int main(void) {
  rc = redisConnect("localhost", 6379);
  // CHECK: child-branch-else.c:[[#@LINE-1]]:8: note: 'rc' created here by redisConnect()
  pid_t pid = fork();
  // CHECK: child-branch-else.c:[[#@LINE-1]]:15: note: fork() forks here; the child inherits 'rc'
  if (pid > 0) {
    redisCommand(rc, "PING");
  } else {
#ifdef FIXED
    redisReconnect(rc); /* a safe reset: hiredis closes the fd and reconnects */
#endif
    redisCommand(rc, "PING");
    // CHECK: child-branch-else.c:[[#@LINE-1]]:5: note: 'rc' used here in the child process by redisCommand()
  }
  return 0;
}
// CHECK: child-branch-else.c:[[#DEF]]:15: note: connect in each process
