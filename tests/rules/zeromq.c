// libzmq: a socket connected before fork and used in the child. Contexts and
// sockets are plain void *: forksafe tracks them through the zmq_* calls that
// name them (rules/zeromq.json). The fix is libzmq's own discard: in the
// child, zmq_close() the inherited socket and zmq_ctx_term() the context,
// then make new ones.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/zeromq | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/zeromq -DFIXED | count 0
#include <zmq.h>
#include <unistd.h>

static void *ctx;
static void *push;
// CHECK: zeromq.c:[[#DEF:@LINE-1]]:14: warning: 'push' (ZeroMQ (libzmq)) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main(void) {
  ctx = zmq_ctx_new();
  push = zmq_socket(ctx, ZMQ_PUSH);
  zmq_connect(push, "tcp://localhost:5555");
  // CHECK: zeromq.c:[[#@LINE-1]]:3: note: 'push' connected here by zmq_connect()
  if (fork() == 0) {
    // CHECK: zeromq.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'push'
#ifdef FIXED
    zmq_close(push);
    zmq_ctx_term(ctx);
    ctx = zmq_ctx_new();
    push = zmq_socket(ctx, ZMQ_PUSH);
    zmq_connect(push, "tcp://localhost:5555");
#endif
    zmq_send(push, "job", 3, 0);
    // CHECK: zeromq.c:[[#@LINE-1]]:5: note: 'push' used here in the child process by zmq_send()
    _exit(0);
  }
  zmq_send(push, "job", 3, 0);
  return 0;
}
// CHECK: zeromq.c:[[#DEF]]:14: note: create the context (zmq_ctx_new) and its sockets in each process after fork(); in a child, zmq_close() every inherited socket and zmq_ctx_term() the inherited context before making a new one
