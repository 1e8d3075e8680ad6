// A module parameter used as a mode (kamailio usrloc's db_mode): the
// configuration parser writes it once, and the program only tells its
// values apart (==, !=, switch; 'api->db_mode = db_mode' copies it). A
// working configuration gives it one of those values, so the master's
// child_init(PROC_INIT) takes one of the switch's cases, and in each of
// them it returns before connecting: the timer process inherits nothing.
// (Here the timer process does not run child_init, so no later switch
// could re-decide db_mode: only the mode's domain rules the default out.)
// Correct program: silent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// With MASTER_CONNECTS the master connects in WRITE_BACK mode: reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DMASTER_CONNECTS | FileCheck %s --implicit-check-not="{{warning|note}}:"
// With ORDERED the program also orders db_mode ('db_mode > WRITE_BACK'):
// values past the cases mean something to it, the switch's default side
// is possible, and the master connects on it: reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DORDERED | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdio.h>
#include <unistd.h>

#define NO_DB 0
#define WRITE_THROUGH 1
#define WRITE_BACK 2
#define PROC_INIT (-127)
#define PROC_TIMER (-1)

MYSQL *ul_dbh;
// CHECK: config-global-mode-domain.c:[[#DEF:@LINE-1]]:8: warning: 'ul_dbh' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
int db_mode = NO_DB;
struct param_export {
  const char *name;
  int *value;
};
struct param_export params[] = {{"db_mode", &db_mode}, {0, 0}};
struct usrloc_api {
  int db_mode;
};

void bind_usrloc(struct usrloc_api *api) { api->db_mode = db_mode; }

static int child_init(int rank) {
  printf("child_init(%d) in db_mode %d\n", rank, db_mode);
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
#ifdef ORDERED
  if (db_mode > WRITE_BACK)
    return;
#endif
  if (db_mode != NO_DB)
    mysql_query(ul_dbh, "DELETE FROM location WHERE expires < NOW()");
}

int main(void) {
  struct usrloc_api api;
  bind_usrloc(&api);
  child_init(PROC_INIT);
  if (fork() == 0) {
    timer();
    _exit(0);
  }
  return 0;
}
// CHECK: config-global-mode-domain.c:{{[0-9]+}}:3: note: 'ul_dbh' connected here by mysql_real_connect()
// CHECK: config-global-mode-domain.c:{{[0-9]+}}:7: note: fork() forks here; the child inherits 'ul_dbh'
// CHECK: config-global-mode-domain.c:{{[0-9]+}}:5: note: 'timer' called from here in the child process
// CHECK: config-global-mode-domain.c:{{[0-9]+}}:5: note: 'ul_dbh' used here in the child process by mysql_query()
// CHECK: config-global-mode-domain.c:[[#DEF]]:8: note: create the handle lazily
