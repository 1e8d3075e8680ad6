// Against the real <zmq.hpp> (cppzmq-dev): a zmq::context_t and a
// zmq::socket_t made before the fork. The child makes a socket on the
// inherited context (a use of it) and sends on the inherited socket (a
// member of zmq::detail::socket_base). The fix closes both in the child,
// the safe discard libzmq supports, and makes new ones.
// REQUIRES: cppzmq-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <unistd.h>
#include <zmq.hpp>

zmq::context_t ctx;
// CHECK: cppzmq.cpp:[[#@LINE-1]]:16: warning: 'ctx' (cppzmq (ZeroMQ C++)) is live when the process forks
// CHECK: note: 'ctx' created here by zmq::context_t::context_t()
// CHECK: note: 'ctx' used here in the child process by zmq::socket_t::socket_t()
zmq::socket_t sock(ctx, zmq::socket_type::push);
// CHECK: cppzmq.cpp:[[#@LINE-1]]:15: warning: 'sock' (cppzmq (ZeroMQ C++)) is live when the process forks
// CHECK: note: 'sock' created here by zmq::socket_t::socket_t()
// CHECK: note: 'sock' used here in the child process by zmq::detail::socket_base::send()

int main() {
  sock.connect("tcp://collector:5555");
  if (fork() == 0) {
#ifdef FIXED
    sock.close();
    ctx.close();
    zmq::context_t ctx;
    zmq::socket_t sock(ctx, zmq::socket_type::push);
    sock.connect("tcp://collector:5555");
#endif
    zmq::socket_t pull(ctx, zmq::socket_type::pull);
    sock.send(zmq::str_buffer("done"), zmq::send_flags::none);
    _exit(0);
  }
  return 0;
}
