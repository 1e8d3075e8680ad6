// AMQP-CPP and the static-destructor trap: a global AMQP::Connection (bytes
// go through the application's ConnectionHandler to its socket) is
// destroyed by exit() in the child; ~ConnectionImpl closes the connection
// "in a nice fashion", i.e. sends connection.close on the parent's socket.
// The fix leaves the child with _exit().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/amqp-cpp | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/amqp-cpp -DFIXED | count 0
#include <amqpcpp.h>
#include <stdlib.h>
#include <unistd.h>

class SocketHandler : public AMQP::ConnectionHandler {
public:
  void onData(AMQP::Connection *connection, const char *buffer,
              std::size_t size) override {
    (void)::write(fd, buffer, size);
    (void)connection;
  }
  int fd = -1;
};

SocketHandler handler;
AMQP::Connection connection(&handler, AMQP::Login("guest", "guest"), "/");
// CHECK: amqp-cpp-exit.cpp:[[#DEF:@LINE-1]]:18: warning: 'connection' (AMQP-CPP) is inherited by a child process and closed there: ~ConnectionImpl closes the connection 'in a nice fashion': a connection.close frame on the shared socket [forksafe-inherited-handle-close]
// CHECK: amqp-cpp-exit.cpp:[[#DEF]]:18: note: 'connection' created here by AMQP::Connection::Connection()

int main() {
  if (fork() == 0) {
    // CHECK: amqp-cpp-exit.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'connection'
#ifdef FIXED
    _exit(0);
#else
    exit(0);
    // CHECK: amqp-cpp-exit.cpp:[[#@LINE-1]]:5: note: exit() runs the destructors of static objects here
    // CHECK: amqp-cpp-exit.cpp:[[#DEF]]:18: note: 'connection' closed here in the child process by AMQP::Connection::~Connection()
#endif
  }
  return 0;
}
// CHECK: amqp-cpp-exit.cpp:[[#DEF]]:18: note: leave the child with _exit()
