// Against the real <amqp.h> (librabbitmq-dev): amqp_connection_state_t is
// 'typedef struct amqp_connection_state_t_ *amqp_connection_state_t'.
// REQUIRES: rabbitmq-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <unistd.h>

amqp_connection_state_t conn;
// CHECK: rabbitmq-c.c:[[#@LINE-1]]:25: warning: 'conn' (rabbitmq-c (librabbitmq)) is connected when the process forks
// CHECK: note: 'conn' connected here by its first use, amqp_login()
// CHECK: note: 'conn' used here in the child process by amqp_basic_publish()

int main(void) {
  conn = amqp_new_connection();
  amqp_socket_t *socket = amqp_tcp_socket_new(conn);
  amqp_socket_open(socket, "localhost", 5672);
#ifndef FIXED
  amqp_login(conn, "/", 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, "guest", "guest");
  amqp_channel_open(conn, 1);
#endif
  if (fork() == 0) {
#ifdef FIXED
    amqp_login(conn, "/", 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, "guest", "guest");
#endif
    amqp_basic_publish(conn, 1, amqp_cstring_bytes(""), amqp_cstring_bytes("jobs"), 0, 0, NULL,
                       amqp_cstring_bytes("done"));
    _exit(0);
  }
  amqp_connection_close(conn, AMQP_REPLY_SUCCESS);
  amqp_destroy_connection(conn);
  return 0;
}
