/* Mock of rabbitmq-c's <amqp.h>: the handle is a typedef of a pointer to struct. */
#ifndef FORKSAFE_MOCK_AMQP_H
#define FORKSAFE_MOCK_AMQP_H
#include <stddef.h>
#include <stdint.h>
typedef uint16_t amqp_channel_t;
typedef struct amqp_bytes_t_ { size_t len; void *bytes; } amqp_bytes_t;
typedef struct amqp_rpc_reply_t_ { int reply_type; } amqp_rpc_reply_t;
typedef struct amqp_channel_open_ok_t_ amqp_channel_open_ok_t;
typedef struct amqp_basic_properties_t_ amqp_basic_properties_t;
typedef enum amqp_sasl_method_enum_ { AMQP_SASL_METHOD_PLAIN = 0 } amqp_sasl_method_enum;
typedef struct amqp_connection_state_t_ *amqp_connection_state_t;
typedef struct amqp_socket_t_ amqp_socket_t;
amqp_connection_state_t amqp_new_connection(void);
int amqp_socket_open(amqp_socket_t *self, const char *host, int port);
amqp_rpc_reply_t amqp_login(amqp_connection_state_t state, char const *vhost, int channel_max,
                            int frame_max, int heartbeat, amqp_sasl_method_enum sasl_method, ...);
amqp_channel_open_ok_t *amqp_channel_open(amqp_connection_state_t state, amqp_channel_t channel);
int amqp_basic_publish(amqp_connection_state_t state, amqp_channel_t channel, amqp_bytes_t exchange,
                       amqp_bytes_t routing_key, int mandatory, int immediate,
                       struct amqp_basic_properties_t_ const *properties, amqp_bytes_t body);
amqp_bytes_t amqp_cstring_bytes(char const *cstr);
amqp_rpc_reply_t amqp_connection_close(amqp_connection_state_t state, int code);
int amqp_destroy_connection(amqp_connection_state_t state);
#endif
