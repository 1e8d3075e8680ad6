// GnuTLS: a session established before fork; a record written by the child
// reuses the parent's keys and sequence numbers, and the peer rejects the
// next record of one of them. The fix discards the inherited session with
// gnutls_deinit() (no I/O) and handshakes a new one in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/gnutls | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/gnutls -DFIXED | count 0
#include <gnutls/gnutls.h>
#include <unistd.h>

static gnutls_session_t tls;
// CHECK: gnutls.c:[[#DEF:@LINE-1]]:25: warning: 'tls' (GnuTLS) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void handshake(int fd) {
  gnutls_init(&tls, GNUTLS_CLIENT);
  gnutls_transport_set_int(tls, fd);
  gnutls_handshake(tls);
  // CHECK: gnutls.c:[[#@LINE-1]]:3: note: 'tls' connected here by gnutls_handshake()
}

int main(int argc, char **argv) {
  int fd = argc;
  handshake(fd);
  if (fork() == 0) {
    // CHECK: gnutls.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'tls'
#ifdef FIXED
    gnutls_deinit(tls);
    handshake(fd);
#endif
    gnutls_record_send(tls, argv[0], 1);
    // CHECK: gnutls.c:[[#@LINE-1]]:5: note: 'tls' used here in the child process by gnutls_record_send()
    _exit(0);
  }
  gnutls_bye(tls, GNUTLS_SHUT_RDWR);
  gnutls_deinit(tls);
  return 0;
}
// CHECK: gnutls.c:[[#DEF]]:25: note: do the TLS handshake in each process after fork() (gnutls_init() and gnutls_handshake() in the child); in a child, discard an inherited session with gnutls_deinit() only, never gnutls_bye()
