// libssh2: a child that ends an inherited session "cleanly" with
// libssh2_session_disconnect() sends SSH_MSG_DISCONNECT with the parent's
// keys and sequence numbers; libssh2 has no close without I/O, so the fix
// leaves the child with _exit() and the session alone.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libssh2 | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libssh2 -DFIXED | count 0
#include <libssh2.h>
#include <unistd.h>

LIBSSH2_SESSION *session;
// CHECK: libssh2-disconnect.c:[[#DEF:@LINE-1]]:18: warning: 'session' (libssh2) is inherited by a child process and closed there: sends SSH_MSG_DISCONNECT with the parent's keys and sequence numbers: the server ends the parent's session [forksafe-inherited-handle-close]

int main(int argc, char **argv) {
  (void)argv;
  session = libssh2_session_init();
  libssh2_session_handshake(session, argc);
  // CHECK: libssh2-disconnect.c:[[#@LINE-1]]:3: note: 'session' connected here by libssh2_session_handshake()
  if (fork() == 0) {
    // CHECK: libssh2-disconnect.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'session'
#ifndef FIXED
    libssh2_session_disconnect(session, "child done");
    // CHECK: libssh2-disconnect.c:[[#@LINE-1]]:5: note: 'session' closed here in the child process by libssh2_session_disconnect_ex()
    libssh2_session_free(session);
#endif
    _exit(0);
  }
  libssh2_userauth_password(session, "deploy", "secret");
  return 0;
}
// CHECK: libssh2-disconnect.c:[[#DEF]]:18: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
