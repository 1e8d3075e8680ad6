// A spawn helper that hands the pid back through an out-parameter and
// returns only a status: 'if (spawn_worker(i, &pid) < 0) ...; if (pid == 0)'.
// The fork result flows through '*out = p' into the caller's variable, so the
// caller's test splits child from parent: each worker reconnects before it
// serves, and only the parent keeps using the startup connection. With BUG
// the worker serves on the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <hiredis.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static redisContext *cache;
// CHECK: fork-wrapper-out-param.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when the process forks with fork() and is used in the child process
static pid_t children[4];

static int spawn_worker(int slot, pid_t *out) {
  pid_t p = fork();
  if (p < 0)
    return -1;
  if (p > 0)
    children[slot] = p;
  *out = p;
  return 0;
}

static void serve(int slot) {
#ifndef BUG
  cache = redisConnect("127.0.0.1", 6379); /* the worker's own connection */
#endif
  for (int i = 0; i < 1000; ++i)
    freeReplyObject(redisCommand(cache, "INCR worker:%d", slot));
}

int main(void) {
  cache = redisConnect("127.0.0.1", 6379);
  freeReplyObject(redisCommand(cache, "DEL workers"));
  for (int i = 0; i < 4; ++i) {
    pid_t pid;
    if (spawn_worker(i, &pid) < 0)
      continue;
    if (pid == 0) {
      serve(i);
      exit(0);
    }
  }
  freeReplyObject(redisCommand(cache, "SET workers 4"));
  while (wait(NULL) > 0) {
  }
  return 0;
}
// CHECK: fork-wrapper-out-param.c:[[#DEF+23]]:11: note: 'cache' created here by redisConnect()
// CHECK: fork-wrapper-out-param.c:[[#DEF+27]]:9: note: 'spawn_worker' called from here
// CHECK: fork-wrapper-out-param.c:[[#DEF+5]]:13: note: fork() forks here; the child inherits 'cache'
// CHECK: fork-wrapper-out-param.c:[[#DEF+30]]:7: note: 'serve' called from here in the child process
// CHECK: fork-wrapper-out-param.c:[[#DEF+19]]:21: note: 'cache' used here in the child process by redisCommand()
// CHECK: fork-wrapper-out-param.c:[[#DEF]]:22: note: connect in each process after fork()
