// A zmq context owns I/O and reaper threads (thread-owning): one created
// before daemon() is the exited parent's, and making a socket on it in the
// child is a use. The fix creates the context after daemon().
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/zeromq | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/zeromq -DFIXED | count 0
#include <zmq.h>
#include <unistd.h>

static void *ctx;
// CHECK: zeromq-daemon.c:[[#DEF:@LINE-1]]:14: warning: 'ctx' (ZeroMQ (libzmq)) is live when the process forks with daemon() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main(void) {
#ifndef FIXED
  ctx = zmq_ctx_new();
  // CHECK: zeromq-daemon.c:[[#@LINE-1]]:9: note: 'ctx' created here by zmq_ctx_new()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: zeromq-daemon.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'ctx' belongs to the parent
    return 1;
#ifdef FIXED
  ctx = zmq_ctx_new();
#endif
  void *pull = zmq_socket(ctx, ZMQ_PULL);
  // CHECK: zeromq-daemon.c:[[#@LINE-1]]:16: note: 'ctx' used here in the child process by zmq_socket()
  zmq_bind(pull, "tcp://*:5555");
  return 0;
}
// CHECK: zeromq-daemon.c:[[#DEF]]:14: note: create the context (zmq_ctx_new)
