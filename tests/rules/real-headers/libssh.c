// Against the real <libssh/libssh.h> (libssh-dev, libssh 0.10). A channel
// opened before fork is written to by the child ('shell'), and the child
// ends the inherited session with ssh_disconnect() ('ssh'). The fix makes
// its own session and channel in the child.
// REQUIRES: libssh-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <libssh/libssh.h>
#include <unistd.h>

ssh_session ssh;
// CHECK: libssh.c:[[#@LINE-1]]:13: warning: 'ssh' (libssh) is inherited by a child process and closed there: sends SSH_MSG_DISCONNECT
ssh_channel shell;
// CHECK: note: 'ssh' connected here by ssh_connect()
// CHECK: note: 'ssh' closed here in the child process by ssh_disconnect()
// CHECK: libssh.c:[[#@LINE-3]]:13: warning: 'shell' (libssh) is connected when the process forks
// CHECK: note: 'shell' connected here by ssh_channel_open_session()
// CHECK: note: 'shell' used here in the child process by ssh_channel_write()

static void open_shell(void) {
  ssh = ssh_new();
  ssh_options_set(ssh, SSH_OPTIONS_HOST, "build.example.org");
  ssh_connect(ssh);
  ssh_userauth_publickey_auto(ssh, NULL, NULL);
  shell = ssh_channel_new(ssh);
  ssh_channel_open_session(shell);
  ssh_channel_request_shell(shell);
}

int main(void) {
#ifndef FIXED
  open_shell();
#endif
  if (fork() == 0) {
#ifdef FIXED
    open_shell();
#endif
    ssh_channel_write(shell, "make\n", 5);
    ssh_disconnect(ssh);
    _exit(0);
  }
  return 0;
}
