// A module parameter (kamailio usrloc's db_mode): a global whose address
// only a file-scope table's initialiser takes, which the configuration
// parser writes once, before mod_init. Its value is unknown, but one run
// sees one value, so its tests agree: child_init(PROC_INIT) in the master
// connects only for a db_mode none of the switch's cases name, and then
// the worker's child_init(1) takes no case either and connects its own (a
// switch's default side is kept as two disjuncts, below and above its
// contiguous cases). Correct program: silent. With MASTER_CONNECTS the
// master also connects in WRITE_BACK mode, where the worker does not, and
// the timer's query runs on the master's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DMASTER_CONNECTS | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <unistd.h>

#define NO_DB 0
#define WRITE_THROUGH 1
#define WRITE_BACK 2
#define PROC_INIT (-127)
#define PROC_TIMER (-1)

MYSQL *ul_dbh;
// CHECK: config-global-switch.c:[[#DEF:@LINE-1]]:8: warning: 'ul_dbh' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
int db_mode = NO_DB;
struct param_export {
  const char *name;
  int *value;
};
struct param_export params[] = {{"db_mode", &db_mode}, {0, 0}};

static int child_init(int rank) {
  switch (db_mode) {
  case NO_DB:
    return 0;
  case WRITE_THROUGH:
    if (rank <= 0 && rank != PROC_TIMER)
      return 0;
    break;
  case WRITE_BACK:
#ifdef MASTER_CONNECTS
    if (rank != PROC_TIMER && rank != PROC_INIT)
#else
    if (rank != PROC_TIMER)
#endif
      return 0;
    break;
  }
  ul_dbh = mysql_init(0);
  mysql_real_connect(ul_dbh, "h", "u", "p", "d", 0, 0, 0);
  return 0;
}
static void timer(void) {
  if (db_mode != NO_DB)
    mysql_query(ul_dbh, "DELETE FROM location WHERE expires < NOW()");
}

int main(void) {
  child_init(PROC_INIT);
  if (fork() == 0) {
    child_init(1);
    timer();
    _exit(0);
  }
  return 0;
}
// CHECK: config-global-switch.c:[[#DEF+27]]:3: note: 'ul_dbh' connected here by mysql_real_connect()
// CHECK: config-global-switch.c:[[#DEF+37]]:7: note: fork() forks here; the child inherits 'ul_dbh'
// CHECK: config-global-switch.c:[[#DEF+39]]:5: note: 'timer' called from here in the child process
// CHECK: config-global-switch.c:[[#DEF+32]]:5: note: 'ul_dbh' used here in the child process by mysql_query()
// CHECK: config-global-switch.c:[[#DEF]]:8: note: create the handle lazily
