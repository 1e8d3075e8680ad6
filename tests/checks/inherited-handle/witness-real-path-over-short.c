// The shortest chain must also be a real one. The snapshot process is
// started through a fork wrapper that returns the pid; its child only
// writes the snapshot and exits, so the parent's query after the wrapper
// returns is not a use in a child, however short that chain would be. Only
// the worker children, three calls down, can use the connection: without
// BUG they reconnect first, and nothing is reported; with BUG they query
// the inherited connection, which the finding must show through the
// worker's chain (and no "also inherited" note for the snapshot's fork).
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static redisContext *redis;
// CHECK: witness-real-path-over-short.c:[[#DEF:@LINE-1]]:22: warning: 'redis' (hiredis) is connected when the process forks with fork() and is used in the child process

static pid_t start_proc(const char *desc) {
  pid_t pid = fork();
  if (pid < 0)
    perror(desc);
  return pid;
}

static void write_snapshot(void) {
  FILE *f = fopen("/var/lib/app/snapshot", "w");
  if (f)
    fclose(f);
}

static void count_request(int id) {
  freeReplyObject(redisCommand(redis, "INCR requests:%d", id));
}

static void serve(void) {
  for (int id = 0; id < 100; ++id)
    count_request(id);
}

static void worker(void) {
#ifndef BUG
  redis = redisConnect("127.0.0.1", 6379);
#endif
  serve();
}

int main(void) {
  redis = redisConnect("127.0.0.1", 6379);
  pid_t snap = start_proc("snapshot");
  if (snap == 0) {
    write_snapshot();
    exit(0);
  }
  freeReplyObject(redisCommand(redis, "SET snapshot:pid %d", (int)snap));
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker();
      _exit(0);
    }
  return 0;
}
// CHECK: witness-real-path-over-short.c:[[#DEF+33]]:11: note: 'redis' created here by redisConnect()
// CHECK: witness-real-path-over-short.c:[[#DEF+41]]:9: note: fork() forks here; the child inherits 'redis'
// CHECK: witness-real-path-over-short.c:[[#DEF+42]]:7: note: 'worker' called from here in the child process
// CHECK: witness-real-path-over-short.c:[[#DEF+29]]:3: note: 'serve' called from here in the child process
// CHECK: witness-real-path-over-short.c:[[#DEF+22]]:5: note: 'count_request' called from here in the child process
// CHECK: witness-real-path-over-short.c:[[#DEF+17]]:19: note: 'redis' used here in the child process by redisCommand()
// CHECK: witness-real-path-over-short.c:[[#DEF]]:22: note: connect in each process after fork()
