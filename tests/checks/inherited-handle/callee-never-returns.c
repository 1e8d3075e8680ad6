// A callee that never returns ends the path even when it is not declared
// noreturn and runs before the handle exists: usage() always exits, so the
// second 'argc < 2' test only sees argc >= 2 and the connect-and-fork block
// under it cannot run. Before the handle exists the engine takes most
// callees as writes of unknown values (it does not summarise them); one
// whose every path exits is still followed. With MAY_RETURN usage() returns
// when 'lenient' is set, and the child's query is reported.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DMAY_RETURN | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static redisContext *cache;
// CHECK: callee-never-returns.c:[[#DEF:@LINE-1]]:22: warning: 'cache' (hiredis) is connected when the process forks with fork() and is used in the child process
int lenient;

static void usage(const char *prog) {
  fprintf(stderr, "usage: %s HOST\n", prog);
#ifdef MAY_RETURN
  if (lenient)
    return;
#endif
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 2)
    usage(argv[0]);
  if (argc < 2) {
    cache = redisConnect("127.0.0.1", 6379);
    if (fork() == 0) {
      redisCommand(cache, "PING");
      _exit(0);
    }
  }
  return 0;
}
// CHECK: callee-never-returns.c:[[#DEF+17]]:13: note: 'cache' created here by redisConnect()
// CHECK: callee-never-returns.c:[[#DEF+18]]:9: note: fork() forks here; the child inherits 'cache'
// CHECK: callee-never-returns.c:[[#DEF+19]]:7: note: 'cache' used here in the child process by redisCommand()
// CHECK: callee-never-returns.c:[[#DEF]]:22: note: connect in each process after fork()
