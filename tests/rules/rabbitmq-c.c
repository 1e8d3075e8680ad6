// rabbitmq-c: the handle type is amqp_connection_state_t, a typedef of a
// pointer to struct. amqp_new_connection only allocates; amqp_login is the
// first use on the socket (a use with 'connects'). Publishing from the child
// interleaves frames on the parent's connection.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/rabbitmq-c | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/rabbitmq-c -DFIXED | count 0
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <unistd.h>

static amqp_connection_state_t conn;
// CHECK: rabbitmq-c.c:[[#DEF:@LINE-1]]:32: warning: 'conn' (rabbitmq-c (librabbitmq)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void open_connection(void) {
  conn = amqp_new_connection();
  amqp_socket_t *socket = amqp_tcp_socket_new(conn);
  amqp_socket_open(socket, "localhost", 5672);
  amqp_login(conn, "/", 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, "guest", "guest");
  // CHECK: rabbitmq-c.c:[[#@LINE-1]]:3: note: 'conn' connected here by its first use, amqp_login()
  amqp_channel_open(conn, 1);
}

int main(void) {
#ifndef FIXED
  open_connection();
#endif
  if (fork() == 0) {
    // CHECK: rabbitmq-c.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'conn'
#ifdef FIXED
    open_connection();
#endif
    amqp_basic_publish(conn, 1, amqp_cstring_bytes(""), amqp_cstring_bytes("jobs"), 0, 0, NULL,
                       amqp_cstring_bytes("done"));
    // CHECK: rabbitmq-c.c:[[#@LINE-2]]:5: note: 'conn' used here in the child process by amqp_basic_publish()
    _exit(0);
  }
  return 0;
}

// CHECK: rabbitmq-c.c:[[#DEF]]:32: note: open the AMQP connection (amqp_new_connection, socket, amqp_login) in each process after fork(); in a child, never call amqp_connection_close() or amqp_destroy_connection() on an inherited connection
