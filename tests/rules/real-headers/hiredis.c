// Against the real <hiredis/hiredis.h> and <hiredis/async.h> (libhiredis-dev).
// REQUIRES: hiredis-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <hiredis/hiredis.h>
#include <hiredis/async.h>
#include <unistd.h>

redisContext *rc;
// CHECK: hiredis.c:[[#@LINE-1]]:15: warning: 'rc' (hiredis) is connected when the process forks
redisAsyncContext *ac;
// CHECK: note: 'rc' created here by redisConnect()
// CHECK: note: 'rc' used here in the child process by redisCommand()
// CHECK: hiredis.c:[[#@LINE-3]]:20: warning: 'ac' (hiredis) is connected when the process forks
// CHECK: note: 'ac' created here by redisAsyncConnect()
// CHECK: note: 'ac' used here in the child process by redisAsyncCommand()

int main(void) {
  rc = redisConnect("localhost", 6379);
#ifndef FIXED
  ac = redisAsyncConnect("localhost", 6379);
#endif
  if (fork() == 0) {
#ifdef FIXED
    redisReconnect(rc);
    ac = redisAsyncConnect("localhost", 6379);
#endif
    redisCommand(rc, "PING");
    redisAsyncCommand(ac, NULL, NULL, "PING");
    _exit(0);
  }
  redisAsyncFree(ac);
  redisFree(rc);
  return 0;
}
