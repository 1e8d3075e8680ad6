// Uses through a local alias ('MYSQL *db = g_db;') and through a macro.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DVIA_MACRO | FileCheck %s --check-prefix=MACRO --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <unistd.h>

MYSQL *g_db;
// CHECK: alias-and-macro.c:[[#DEF:@LINE-1]]:8: warning: 'g_db' (MySQL/MariaDB C API)
// MACRO: alias-and-macro.c:[[#MDEF:@LINE-2]]:8: warning: 'g_db' (MySQL/MariaDB C API)
#define DB g_db
#define QUERY(sql) mysql_query(DB, sql)

static void open_db(void) {
  MYSQL *c = mysql_init(NULL);
  mysql_real_connect(c, "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: alias-and-macro.c:[[#@LINE-1]]:3: note: 'g_db' connected here by mysql_real_connect()
  // MACRO: alias-and-macro.c:[[#@LINE-2]]:3: note: 'g_db' connected here by mysql_real_connect()
  g_db = c;
}

int main(void) {
#ifndef FIXED
  open_db();
#endif
  if (fork() == 0) {
    // CHECK: alias-and-macro.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'g_db'
    // MACRO: alias-and-macro.c:[[#@LINE-2]]:7: note: fork() forks here; the child inherits 'g_db'
#ifdef FIXED
    open_db();
#endif
#ifdef VIA_MACRO
    QUERY("SELECT 1");
    // MACRO: alias-and-macro.c:[[#@LINE-1]]:5: note: 'g_db' used here in the child process by mysql_query()
#else
    MYSQL *db = g_db;
    mysql_query(db, "SELECT 1");
    // CHECK: alias-and-macro.c:[[#@LINE-1]]:5: note: 'g_db' used here in the child process by mysql_query()
#endif
    _exit(0);
  }
  return 0;
}
// CHECK: alias-and-macro.c:[[#DEF]]:8: note: create the handle lazily
// MACRO: alias-and-macro.c:[[#MDEF]]:8: note: create the handle lazily
