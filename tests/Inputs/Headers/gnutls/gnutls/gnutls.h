/* Mock of <gnutls/gnutls.h> (GnuTLS 3.7 names and signatures). */
#ifndef FORKSAFE_MOCK_GNUTLS_H
#define FORKSAFE_MOCK_GNUTLS_H
#include <stddef.h>
#include <sys/types.h>
typedef struct gnutls_session_int *gnutls_session_t;
typedef enum { GNUTLS_SHUT_RDWR = 0, GNUTLS_SHUT_WR = 1 } gnutls_close_request_t;
#define GNUTLS_CLIENT (1 << 1)
int gnutls_init(gnutls_session_t *session, unsigned int flags);
void gnutls_transport_set_int2(gnutls_session_t session, int r, int s);
#define gnutls_transport_set_int(s, i) gnutls_transport_set_int2(s, i, i)
int gnutls_handshake(gnutls_session_t session);
ssize_t gnutls_record_send(gnutls_session_t session, const void *data,
                           size_t data_size);
ssize_t gnutls_record_recv(gnutls_session_t session, void *data,
                           size_t data_size);
int gnutls_bye(gnutls_session_t session, gnutls_close_request_t how);
void gnutls_deinit(gnutls_session_t session);
#endif
