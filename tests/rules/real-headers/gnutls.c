// Against the real <gnutls/gnutls.h> (libgnutls28-dev, GnuTLS 3.7). 'tls'
// is established before fork and the child reads from it; 'upstream' is
// established before fork and the child ends it with gnutls_bye(). The fix
// handshakes both in the child.
// REQUIRES: gnutls-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <gnutls/gnutls.h>
#include <unistd.h>

gnutls_session_t tls;
// CHECK: gnutls.c:[[#@LINE-1]]:18: warning: 'tls' (GnuTLS) is connected when the process forks
gnutls_session_t upstream;
// CHECK: note: 'tls' connected here by gnutls_handshake()
// CHECK: note: 'tls' used here in the child process by gnutls_record_recv()
// CHECK: gnutls.c:[[#@LINE-3]]:18: warning: 'upstream' (GnuTLS) is inherited by a child process and closed there: sends a close_notify alert
// CHECK: note: 'upstream' connected here by gnutls_handshake()
// CHECK: note: 'upstream' closed here in the child process by gnutls_bye()

static void handshake(gnutls_session_t *s, int fd) {
  gnutls_init(s, GNUTLS_CLIENT);
  gnutls_transport_set_int(*s, fd);
  gnutls_handshake(*s);
}

static void handshake_all(int fd) {
  handshake(&tls, fd);
  handshake(&upstream, fd + 1);
}

int main(int argc, char **argv) {
  char buf[64];
  (void)argv;
#ifndef FIXED
  handshake_all(argc);
#endif
  if (fork() == 0) {
#ifdef FIXED
    handshake_all(argc);
#endif
    gnutls_record_recv(tls, buf, sizeof buf);
    gnutls_bye(upstream, GNUTLS_SHUT_WR);
    _exit(0);
  }
  gnutls_record_send(tls, "x", 1);
  return 0;
}
