// GnuTLS: the child ends its work on an inherited session with gnutls_bye(),
// which writes a close_notify alert with the parent's keys and sequence
// numbers. gnutls_deinit() frees the session without I/O: the fix.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/gnutls | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/gnutls -DFIXED | count 0
#include <gnutls/gnutls.h>
#include <unistd.h>

gnutls_session_t session;
// CHECK: gnutls-bye.c:[[#DEF:@LINE-1]]:18: warning: 'session' (GnuTLS) is inherited by a child process and closed there: sends a close_notify alert with the parent's keys and sequence numbers: the peer sees the parent's session end (or a MAC failure) [forksafe-inherited-handle-close]

int main(int argc, char **argv) {
  (void)argv;
  gnutls_init(&session, GNUTLS_CLIENT);
  gnutls_transport_set_int(session, argc);
  gnutls_handshake(session);
  // CHECK: gnutls-bye.c:[[#@LINE-1]]:3: note: 'session' connected here by gnutls_handshake()
  if (fork() == 0) {
    // CHECK: gnutls-bye.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'session'
#ifndef FIXED
    gnutls_bye(session, GNUTLS_SHUT_WR);
    // CHECK: gnutls-bye.c:[[#@LINE-1]]:5: note: 'session' closed here in the child process by gnutls_bye()
#endif
    gnutls_deinit(session);
    _exit(0);
  }
  gnutls_record_send(session, "ping", 4);
  return 0;
}
// CHECK: gnutls-bye.c:[[#DEF]]:18: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
