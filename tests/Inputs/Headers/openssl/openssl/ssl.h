/* Mock of <openssl/ssl.h> (OpenSSL 3 names and signatures). */
#ifndef FORKSAFE_MOCK_OPENSSL_SSL_H
#define FORKSAFE_MOCK_OPENSSL_SSL_H
typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
const SSL_METHOD *TLS_client_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
SSL *SSL_new(SSL_CTX *ctx);
int SSL_set_fd(SSL *s, int fd);
int SSL_connect(SSL *ssl);
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_write(SSL *ssl, const void *buf, int num);
void SSL_set_quiet_shutdown(SSL *ssl, int mode);
int SSL_shutdown(SSL *s);
void SSL_free(SSL *ssl);
#endif
