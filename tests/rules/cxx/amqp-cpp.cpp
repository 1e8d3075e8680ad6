// AMQP-CPP: a global TCP connection and a channel on it, constructed before
// main; the child publishes on the inherited channel. The fix builds the
// connection and channel in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/amqp-cpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/amqp-cpp -DFIXED | count 0
#include <amqpcpp.h>
#include <unistd.h>

extern AMQP::TcpHandler *handler;
#ifndef FIXED
AMQP::TcpConnection connection(handler, AMQP::Address("amqp://guest:guest@localhost/"));
AMQP::TcpChannel channel(&connection);
// CHECK: amqp-cpp.cpp:[[#DEF:@LINE-1]]:18: warning: 'channel' (AMQP-CPP) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
// CHECK: amqp-cpp.cpp:[[#DEF]]:18: note: 'channel' created here by AMQP::TcpChannel::TcpChannel()
#endif

static void publish_done(AMQP::Channel &ch);

int main() {
  if (fork() == 0) {
    // CHECK: amqp-cpp.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'channel'
#ifdef FIXED
    AMQP::TcpConnection connection(handler, AMQP::Address("amqp://guest:guest@localhost/"));
    AMQP::TcpChannel channel(&connection);
#endif
    publish_done(channel);
    // CHECK: amqp-cpp.cpp:[[#@LINE-1]]:5: note: 'publish_done' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void publish_done(AMQP::Channel &ch) {
  ch.publish("", "jobs", "done");
  // CHECK: amqp-cpp.cpp:[[#@LINE-1]]:3: note: 'channel' used here in the child process by AMQP::Channel::publish()
}
// CHECK: amqp-cpp.cpp:[[#DEF]]:18: note: create the AMQP connection and its channels in each process after fork()
// CHECK: amqp-cpp.cpp:[[#DEF]]:18: note: fix-it: make 'channel' a forksafe::per_process<AMQP::TcpChannel>, which each process creates on first use (a child never uses or closes its parent's)
