// OpenSSL: a TLS session established before fork; a write from the child
// reuses the parent's keys and sequence numbers. The fix handshakes in the
// child and discards the inherited SSL* quietly (SSL_free is not harmful).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/openssl | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/openssl -DFIXED | count 0
#include <openssl/ssl.h>
#include <unistd.h>

static SSL *tls;
// CHECK: openssl.c:[[#DEF:@LINE-1]]:13: warning: 'tls' (OpenSSL TLS (libssl)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

int main(int argc, char **argv) {
  int fd = argc;
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  tls = SSL_new(ctx);
  SSL_set_fd(tls, fd);
  SSL_connect(tls);
  // CHECK: openssl.c:[[#@LINE-1]]:3: note: 'tls' connected here by SSL_connect()
  if (fork() == 0) {
    // CHECK: openssl.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'tls'
#ifdef FIXED
    SSL_set_quiet_shutdown(tls, 1);
    SSL_free(tls);
    tls = SSL_new(ctx);
    SSL_set_fd(tls, fd);
    SSL_connect(tls);
#endif
    SSL_write(tls, argv[0], 1);
    // CHECK: openssl.c:[[#@LINE-1]]:5: note: 'tls' used here in the child process by SSL_write()
    _exit(0);
  }
  SSL_shutdown(tls);
  SSL_free(tls);
  return 0;
}
// CHECK: openssl.c:[[#DEF]]:13: note: do the TLS handshake in each process after fork(); in a child, discard an inherited SSL* with SSL_set_quiet_shutdown(ssl, 1) and SSL_free(), never SSL_shutdown()
