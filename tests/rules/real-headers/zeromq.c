// Against the real <zmq.h> (libzmq3-dev). Contexts and sockets are void *
// there too: the rules track them through the zmq_* calls, so this passes
// only while those function names match the header.
// REQUIRES: zeromq-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <zmq.h>
#include <unistd.h>

static void *ctx;
// CHECK: zeromq.c:[[#@LINE-1]]:14: warning: 'ctx' (ZeroMQ (libzmq)) is live when the process forks with fork()
static void *push;
// CHECK: note: 'ctx' created here by zmq_ctx_new()
// CHECK: note: 'ctx' used here in the child process by zmq_socket()
// CHECK: zeromq.c:[[#@LINE-3]]:14: warning: 'push' (ZeroMQ (libzmq)) is live when the process forks with fork()
// CHECK: note: 'push' connected here by zmq_connect()
// CHECK: note: 'push' used here in the child process by zmq_send()

int main(void) {
  ctx = zmq_ctx_new();
  push = zmq_socket(ctx, ZMQ_PUSH);
  zmq_connect(push, "tcp://localhost:5555");
  if (fork() == 0) {
#ifdef FIXED
    zmq_close(push);
    zmq_ctx_term(ctx);
    ctx = zmq_ctx_new();
#endif
    void *pull = zmq_socket(ctx, ZMQ_PULL);
    zmq_bind(pull, "tcp://*:5556");
#ifdef FIXED
    push = zmq_socket(ctx, ZMQ_PUSH);
    zmq_connect(push, "tcp://localhost:5555");
#endif
    zmq_send(push, "job", 3, 0);
    _exit(0);
  }
  zmq_close(push);
  zmq_ctx_term(ctx);
  return 0;
}
