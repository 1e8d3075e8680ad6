// clone() without CLONE_VM makes a process that runs the callback; with
// CLONE_VM it is a thread sharing memory (not a fork).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#define _GNU_SOURCE
#include <hiredis.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>

static redisContext *redis;
// CHECK: fork-point-clone.c:[[#DEF:@LINE-1]]:22: warning: 'redis' (hiredis) is connected when the process forks with clone()

static int child_main(void *arg);

#ifdef FIXED
#define FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | SIGCHLD)
#else
#define FLAGS SIGCHLD
#endif

int main(void) {
  static char stack[65536];
  redis = redisConnect("127.0.0.1", 6379);
  // CHECK: fork-point-clone.c:[[#@LINE-1]]:11: note: 'redis' created here by redisConnect()
  clone(child_main, stack + sizeof stack, FLAGS, NULL);
  // CHECK: fork-point-clone.c:[[#@LINE-1]]:3: note: clone() forks here; the child inherits 'redis'
  // CHECK: fork-point-clone.c:[[#@LINE-2]]:3: note: 'child_main' runs in the child process created here
  return 0;
}
static int child_main(void *arg) {
  redisCommand(redis, "INCR started");
  // CHECK: fork-point-clone.c:[[#@LINE-1]]:3: note: 'redis' used here in the child process by redisCommand()
  return 0;
}
// CHECK: fork-point-clone.c:[[#DEF]]:22: note: connect in each process
