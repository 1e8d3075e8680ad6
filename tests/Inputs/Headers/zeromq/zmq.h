/* Mock of libzmq's <zmq.h>: contexts and sockets are plain void *. */
#ifndef FORKSAFE_MOCK_ZMQ_H
#define FORKSAFE_MOCK_ZMQ_H
#include <stddef.h>
#define ZMQ_PUSH 8
#define ZMQ_PULL 7
typedef struct zmq_msg_t { unsigned char _[64]; } zmq_msg_t;
void *zmq_ctx_new (void);
int zmq_ctx_term (void *context);
int zmq_ctx_destroy (void *context);
void *zmq_socket (void *, int type_);
int zmq_close (void *s_);
int zmq_connect (void *s_, const char *addr_);
int zmq_bind (void *s_, const char *addr_);
int zmq_send (void *s_, const void *buf_, size_t len_, int flags_);
int zmq_recv (void *s_, void *buf_, size_t len_, int flags_);
int zmq_msg_send (zmq_msg_t *msg_, void *s_, int flags_);
#endif
