// libssh: a session connected and authenticated before fork; the child opens
// a channel on it and runs a command, writing packets with the parent's keys
// and sequence numbers. The fix connects a session of its own in the child
// and drops the inherited one with ssh_silent_disconnect() ("Suitable if you
// forked and want to destroy this session").
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/libssh | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/libssh -DFIXED | count 0
#include <libssh/libssh.h>
#include <unistd.h>

static ssh_session ssh;
// CHECK: libssh.c:[[#DEF:@LINE-1]]:20: warning: 'ssh' (libssh) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void connect_to(const char *host) {
  ssh = ssh_new();
  ssh_options_set(ssh, SSH_OPTIONS_HOST, host);
  ssh_connect(ssh);
  // CHECK: libssh.c:[[#@LINE-1]]:3: note: 'ssh' connected here by ssh_connect()
  ssh_userauth_publickey_auto(ssh, NULL, NULL);
}

static void run(const char *cmd);

int main(void) {
  connect_to("backup.example.org");
  if (fork() == 0) {
    // CHECK: libssh.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'ssh'
#ifdef FIXED
    ssh_silent_disconnect(ssh);
    ssh_free(ssh);
    connect_to("backup.example.org");
#endif
    run("uptime");
    // CHECK: libssh.c:[[#@LINE-1]]:5: note: 'run' called from here in the child process
    _exit(0);
  }
  run("df -h");
  ssh_disconnect(ssh);
  ssh_free(ssh);
  return 0;
}

static void run(const char *cmd) {
  char buf[256];
  ssh_channel ch = ssh_channel_new(ssh);
  // CHECK: libssh.c:[[#@LINE-1]]:20: note: 'ssh' used here in the child process by ssh_channel_new()
  ssh_channel_open_session(ch);
  ssh_channel_request_exec(ch, cmd);
  ssh_channel_read(ch, buf, sizeof buf, 0);
  ssh_channel_send_eof(ch);
  ssh_channel_close(ch);
  ssh_channel_free(ch);
}
// CHECK: libssh.c:[[#DEF]]:20: note: connect (ssh_new() and ssh_connect()) in each process after fork(); in a child, drop an inherited session with ssh_silent_disconnect() or ssh_free(), never ssh_disconnect(), ssh_channel_close() or ssh_channel_free() on its open channels
