/* Mock of rabbitmq-c's <amqp_tcp_socket.h>. */
#ifndef FORKSAFE_MOCK_AMQP_TCP_SOCKET_H
#define FORKSAFE_MOCK_AMQP_TCP_SOCKET_H
#include "amqp.h"
amqp_socket_t *amqp_tcp_socket_new(amqp_connection_state_t state);
#endif
