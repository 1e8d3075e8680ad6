// libssh2: a session that finished its handshake before fork; the child
// opens a channel on it through the libssh2_channel_open_session() macro
// (libssh2_channel_open_ex) and writes packets with the parent's keys and
// sequence numbers. The fix makes a session of its own in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/libssh2 | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/libssh2 -DFIXED | count 0
#include <libssh2.h>
#include <unistd.h>

static LIBSSH2_SESSION *ssh;
// CHECK: libssh2.c:[[#DEF:@LINE-1]]:25: warning: 'ssh' (libssh2) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void start(int sock) {
  ssh = libssh2_session_init();
  libssh2_session_handshake(ssh, sock);
  // CHECK: libssh2.c:[[#@LINE-1]]:3: note: 'ssh' connected here by libssh2_session_handshake()
  libssh2_userauth_password(ssh, "deploy", "secret");
}

int main(int argc, char **argv) {
  int sock = argc;
  start(sock);
  if (fork() == 0) {
    // CHECK: libssh2.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'ssh'
    LIBSSH2_CHANNEL *ch;
#ifdef FIXED
    start(sock);
#endif
    ch = libssh2_channel_open_session(ssh);
    // CHECK: libssh2.c:[[#@LINE-1]]:10: note: 'ssh' used here in the child process by libssh2_channel_open_ex()
    libssh2_channel_exec(ch, "uptime");
    libssh2_channel_read(ch, argv[0], 1);
    libssh2_channel_free(ch);
    _exit(0);
  }
  return 0;
}
// CHECK: libssh2.c:[[#DEF]]:25: note: create and handshake the session (libssh2_session_init() and libssh2_session_handshake()) in each process after fork(); never call libssh2_session_disconnect(), libssh2_session_free(), libssh2_channel_close() or libssh2_channel_free() on inherited objects in the child: leave the child with _exit()
