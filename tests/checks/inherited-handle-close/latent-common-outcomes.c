// An indirect call whose possible functions all do the same to the handle
// (and fork or not alike) is no choice: the loggers below differ only in
// where they write. The child's path needs one choice (which event handler
// runs), so the close is reported. With TOUCHES one logger also closes the
// connection, and the path through the other logger becomes a second
// choice: the finding is then the close inside that logger (one choice).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DTOUCHES | FileCheck %s --check-prefix=TOUCH
// TOUCH: warning: 'g_conn' (MySQL/MariaDB C API) is inherited by a child process and closed there
// TOUCH-NOT: note: latent:
#include <mysql.h>
#include <stdio.h>
#include <syslog.h>
#include <unistd.h>

MYSQL *g_conn;
// CHECK: latent-common-outcomes.c:[[#DEF:@LINE-1]]:8: warning: 'g_conn' (MySQL/MariaDB C API) is inherited by a child process and closed there

static void log_stderr(const char *m) { fputs(m, stderr); }
static void log_syslog(const char *m) {
  syslog(LOG_INFO, "%s", m);
#ifdef TOUCHES
  mysql_close(g_conn);
#endif
}
static void (*log_fn)(const char *);

static void on_session_end(void) { mysql_close(g_conn); }
static void on_timer(void) {}
static void (*handlers[2])(void);

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 2)
    log_fn = log_syslog;
  else
    log_fn = log_stderr;
  handlers[0] = on_timer;
  handlers[1] = on_session_end;
  g_conn = mysql_init(0);
  mysql_real_connect(g_conn, "h", "u", "p", "d", 0, 0, 0);
  if (fork() == 0) {
    log_fn("child started");
    handlers[argc > 1]();
    _exit(0);
  }
  mysql_close(g_conn);
  return 0;
}
// CHECK: latent-common-outcomes.c:[[#DEF+25]]:3: note: 'g_conn' connected here by mysql_real_connect()
// CHECK: latent-common-outcomes.c:[[#DEF+26]]:7: note: fork() forks here; the child inherits 'g_conn'
// CHECK: latent-common-outcomes.c:[[#DEF+28]]:5: note: 'function pointer' called from here in the child process
// CHECK: latent-common-outcomes.c:[[#DEF+12]]:36: note: 'g_conn' closed here in the child process by mysql_close()
// CHECK: latent-common-outcomes.c:[[#DEF]]:8: note: leave the child with _exit()
