// The wrapper returns a struct by value that carries the pid
// ('struct proc_info pi = start_child(rank, "desc"); if (pi.pid == 0)'): the
// fork result flows through the member of the returned struct. The log
// shipper child ships files and exits; the parent writes the start record.
// With BUG the shipper logs its progress on the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

struct proc_info {
  pid_t pid;
  int rank;
  const char *desc;
};

static MYSQL *conn;
// CHECK: fork-wrapper-struct-return.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static struct proc_info start_child(int rank, const char *desc) {
  struct proc_info pi;
  pi.rank = rank;
  pi.desc = desc;
  pi.pid = fork();
  return pi;
}

static void ship_logs(void) {
  for (int i = 0; i < 10; ++i) {
#ifdef BUG
    mysql_query(conn, "UPDATE shipper SET batches = batches + 1");
#endif
    sleep(1);
  }
}

int main(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "app", "pw", "logs", 0, NULL, 0);
  struct proc_info pi = start_child(1, "log shipper");
  if (pi.pid < 0)
    return 1;
  if (pi.pid == 0) {
    ship_logs();
    exit(0);
  }
  mysql_query(conn, "INSERT INTO starts VALUES (NOW())");
  return 0;
}
// CHECK: fork-wrapper-struct-return.c:[[#DEF+22]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: fork-wrapper-struct-return.c:[[#DEF+23]]:25: note: 'start_child' called from here
// CHECK: fork-wrapper-struct-return.c:[[#DEF+7]]:12: note: fork() forks here; the child inherits 'conn'
// CHECK: fork-wrapper-struct-return.c:[[#DEF+27]]:5: note: 'ship_logs' called from here in the child process
// CHECK: fork-wrapper-struct-return.c:[[#DEF+14]]:5: note: 'conn' used here in the child process by mysql_query()
// CHECK: fork-wrapper-struct-return.c:[[#DEF]]:15: note: create the handle lazily
