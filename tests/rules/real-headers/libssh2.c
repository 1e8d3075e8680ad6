// Against the real <libssh2.h> (libssh2-1-dev, libssh2 1.10), where most of
// the API is macros over *_ex functions. The child runs a command on a
// channel opened before fork ('channel') and frees the inherited session,
// which closes the parent's open channels ('session'). The fix makes its
// own session and channel in the child.
// REQUIRES: libssh2-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <libssh2.h>
#include <unistd.h>

LIBSSH2_SESSION *session;
// CHECK: libssh2.c:[[#@LINE-1]]:18: warning: 'session' (libssh2) is inherited by a child process and closed there: closes every channel still open on the session
LIBSSH2_CHANNEL *channel;
// CHECK: note: 'session' connected here by libssh2_session_handshake()
// CHECK: note: 'session' closed here in the child process by libssh2_session_free()
// CHECK: libssh2.c:[[#@LINE-3]]:18: warning: 'channel' (libssh2) is connected when the process forks
// CHECK: note: 'channel' created here by libssh2_channel_open_ex()
// CHECK: note: 'channel' used here in the child process by libssh2_channel_process_startup()

static void start(int sock) {
  session = libssh2_session_init();
  libssh2_session_handshake(session, sock);
  libssh2_userauth_password(session, "deploy", "secret");
  channel = libssh2_channel_open_session(session);
}

int main(int argc, char **argv) {
  (void)argv;
#ifndef FIXED
  start(argc);
#endif
  if (fork() == 0) {
#ifdef FIXED
    start(argc);
#endif
    libssh2_channel_exec(channel, "uptime");
    libssh2_session_free(session);
    _exit(0);
  }
  return 0;
}
