// Against the real <openssl/ssl.h> (libssl-dev).
// REQUIRES: openssl-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <openssl/ssl.h>
#include <unistd.h>

SSL *tls;
// CHECK: openssl.c:[[#@LINE-1]]:6: warning: 'tls' (OpenSSL TLS (libssl)) is connected when the process forks
// CHECK: note: 'tls' connected here by SSL_connect()
// CHECK: note: 'tls' used here in the child process by SSL_read()

int main(int argc, char **argv) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  tls = SSL_new(ctx);
  SSL_set_fd(tls, argc);
#ifndef FIXED
  SSL_connect(tls);
#endif
  if (fork() == 0) {
#ifdef FIXED
    SSL_accept(tls);
#endif
    SSL_read(tls, argv[0], 1);
    SSL_write(tls, argv[0], 1);
    _exit(0);
  }
  SSL_shutdown(tls);
  SSL_free(tls);
  return 0;
}
