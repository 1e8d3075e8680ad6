// cppzmq: a context and a socket made before the fork; the child sends on
// the inherited socket. libzmq detects the fork itself, so the fix is to
// close the inherited socket and context in the child (only their
// descriptors are closed) and make new ones.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/cppzmq | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/cppzmq -DFIXED | count 0
#include <unistd.h>
#include <zmq.hpp>

zmq::context_t ctx;
zmq::socket_t sock(ctx, zmq::socket_type::push);
// CHECK: cppzmq.cpp:[[#DEF:@LINE-1]]:15: warning: 'sock' (cppzmq (ZeroMQ C++)) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]
// CHECK: cppzmq.cpp:[[#DEF]]:15: note: 'sock' created here by zmq::socket_t::socket_t()

static void report(zmq::socket_t &out);

int main() {
  sock.connect("tcp://collector:5555");
  if (fork() == 0) {
    // CHECK: cppzmq.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'sock'
#ifdef FIXED
    sock.close();
    ctx.close();
    zmq::context_t child_ctx;
    zmq::socket_t child_sock(child_ctx, zmq::socket_type::push);
    child_sock.connect("tcp://collector:5555");
    report(child_sock);
#else
    report(sock);
    // CHECK: cppzmq.cpp:[[#@LINE-1]]:5: note: 'report' called from here in the child process
#endif
    _exit(0);
  }
  return 0;
}

static void report(zmq::socket_t &out) {
  out.send(zmq::buffer("done"));
  // CHECK: cppzmq.cpp:[[#@LINE-1]]:3: note: 'sock' used here in the child process by zmq::detail::socket_base::send()
}
// CHECK: cppzmq.cpp:[[#DEF]]:15: note: create the zmq::context_t and its sockets in each process after fork(); in a child, close() every inherited zmq::socket_t and the inherited zmq::context_t
// CHECK: cppzmq.cpp:[[#DEF]]:15: note: fix-it: make 'sock' a forksafe::per_process<zmq::socket_t>, which each process creates on first use (a child never uses or closes its parent's)
