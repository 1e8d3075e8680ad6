// A PID guard in the accessor: 'if (!conn || owner != getpid()) {
// reconnect; owner = getpid(); }'. After a fork the child's pid differs from
// the one recorded before it, so the child's first use through db()
// reconnects. Every spelling of the guard makes the child safe. With BUG
// the worker queries 'conn' directly: the guard runs only in the parent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DGETPID_FIRST | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DEARLY_RETURN | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DLOCAL_PID | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DOWNER_STRUCT | count 0
#include <mysql.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: remedy-pid-guard.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
#ifdef OWNER_STRUCT
static struct {
  pid_t pid;
  int reconnects;
} owner;
#else
static pid_t owner;
#endif

static void reconnect(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "app", "pw", "app", 0, NULL, 0);
}

static MYSQL *db(void) {
#if defined(GETPID_FIRST)
  if (conn == NULL || getpid() != owner) {
    reconnect();
    owner = getpid();
  }
#elif defined(EARLY_RETURN)
  if (conn && owner == getpid())
    return conn;
  reconnect();
  owner = getpid();
#elif defined(LOCAL_PID)
  pid_t self = getpid();
  if (!conn || self != owner) {
    reconnect();
    owner = self;
  }
#elif defined(OWNER_STRUCT)
  if (!conn || owner.pid != getpid()) {
    reconnect();
    owner.pid = getpid();
    owner.reconnects++;
  }
#else
  if (!conn || owner != getpid()) {
    reconnect();
    owner = getpid();
  }
#endif
  return conn;
}

static void worker(void) {
#ifdef BUG
  mysql_query(conn, "SELECT take_job()");
#else
  mysql_query(db(), "SELECT take_job()");
#endif
}

int main(void) {
  mysql_query(db(), "UPDATE jobs SET owner = NULL");
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker();
      _exit(0);
    }
  mysql_query(db(), "UPDATE stats SET workers = 4");
  return 0;
}
// CHECK: remedy-pid-guard.c:[[#DEF+13]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: remedy-pid-guard.c:[[#DEF+59]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: remedy-pid-guard.c:[[#DEF+60]]:7: note: 'worker' called from here in the child process
// CHECK: remedy-pid-guard.c:[[#DEF+50]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: remedy-pid-guard.c:[[#DEF]]:15: note: create the handle lazily
