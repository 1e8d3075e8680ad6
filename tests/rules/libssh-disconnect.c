// libssh: the child is done with an inherited session and calls
// ssh_disconnect(), which sends SSH_MSG_DISCONNECT with the parent's keys:
// the server ends the parent's session. The fix drops the session with
// ssh_silent_disconnect(), which only closes the socket.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libssh | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libssh -DFIXED | count 0
#include <libssh/libssh.h>
#include <unistd.h>

ssh_session session;
// CHECK: libssh-disconnect.c:[[#DEF:@LINE-1]]:13: warning: 'session' (libssh) is inherited by a child process and closed there: sends SSH_MSG_DISCONNECT (with the parent's keys and sequence numbers) and closes the socket: the server ends the parent's session [forksafe-inherited-handle-close]

int main(void) {
  session = ssh_new();
  ssh_options_set(session, SSH_OPTIONS_HOST, "build.example.org");
  ssh_connect(session);
  // CHECK: libssh-disconnect.c:[[#@LINE-1]]:3: note: 'session' connected here by ssh_connect()
  if (fork() == 0) {
    // CHECK: libssh-disconnect.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'session'
#ifdef FIXED
    ssh_silent_disconnect(session);
#else
    ssh_disconnect(session);
    // CHECK: libssh-disconnect.c:[[#@LINE-1]]:5: note: 'session' closed here in the child process by ssh_disconnect()
#endif
    ssh_free(session);
    _exit(0);
  }
  ssh_userauth_publickey_auto(session, NULL, NULL);
  return 0;
}
// CHECK: libssh-disconnect.c:[[#DEF]]:13: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
