// forkpty() forks like fork(); the child gets a pseudo-terminal.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <hiredis.h>
#include <pty.h>
#include <unistd.h>

redisContext *events;
// CHECK: fork-point-forkpty.c:[[#DEF:@LINE-1]]:15: warning: 'events' (hiredis) is connected when the process forks with forkpty()

int main(void) {
  int master;
  events = redisConnectUnix("/run/redis.sock");
  // CHECK: fork-point-forkpty.c:[[#@LINE-1]]:12: note: 'events' created here by redisConnectUnix()
  if (forkpty(&master, NULL, NULL, NULL) == 0) {
    // CHECK: fork-point-forkpty.c:[[#@LINE-1]]:7: note: forkpty() forks here; the child inherits 'events'
#ifndef FIXED
    redisCommand(events, "PUBLISH shell started");
    // CHECK: fork-point-forkpty.c:[[#@LINE-1]]:5: note: 'events' used here in the child process by redisCommand()
#endif
    execlp("/bin/sh", "sh", (char *)NULL);
    _exit(127);
  }
  redisCommand(events, "PUBLISH shell spawned");
  return 0;
}
// CHECK: fork-point-forkpty.c:[[#DEF]]:15: note: connect in each process
