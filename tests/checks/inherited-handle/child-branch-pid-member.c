// The fork result stored in a struct member ('cmd->pid = fork()', as git's
// run-command does) splits the branches too: the child execs and never
// returns to the caller, so the caller's later use is the parent's.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <sys/types.h>
#include <unistd.h>

struct child_process { pid_t pid; const char *path; };
static PGconn *conn;
// CHECK: child-branch-pid-member.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq)

static int start_command(struct child_process *cmd);

int main(void) {
  struct child_process cmd = {0, "/bin/true"};
  conn = PQconnectdb("dbname=app");
  // CHECK: child-branch-pid-member.c:[[#@LINE-1]]:10: note: 'conn' created here by PQconnectdb()
  start_command(&cmd);
  // CHECK: child-branch-pid-member.c:[[#@LINE-1]]:3: note: 'start_command' called from here
  PQexec(conn, "SELECT 2"); /* only the parent returns here */
  return 0;
}

static int start_command(struct child_process *cmd) {
  cmd->pid = fork();
  // CHECK: child-branch-pid-member.c:[[#@LINE-1]]:14: note: fork() forks here; the child inherits 'conn'
  if (!cmd->pid) {
#ifdef BUG
    PQexec(conn, "SELECT 1");
    // CHECK: child-branch-pid-member.c:[[#@LINE-1]]:5: note: 'conn' used here in the child process by PQexec()
#endif
    execl(cmd->path, cmd->path, (char *)NULL);
    _exit(127);
  }
  return cmd->pid < 0 ? -1 : 0;
}
// CHECK: child-branch-pid-member.c:[[#DEF]]:16: note: create the handle lazily
