// A for loop that calls through the element its counter indexes, on every
// iteration and with no early exit, calls each element's function:
// 'for (i = 0; i < NDRIVERS; i++) if (drivers[i] && drivers[i]->tidy)
// drivers[i]->tidy();'. The drivers are registered at run time (not a
// static table whose rows the analysis reads), so the call may reach any
// driver's tidy; every one of them runs, not one of them, and the MySQL
// driver's tidy closes the connection before the fork (exim's
// search_tidyup() pattern). Correct program: silent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// With BY_NAME the loop tidies only the driver whose name matches
// ('if (strcmp(drivers[i]->name, "pgsql") == 0)'): one element's function
// runs, the connection stays open and the child uses it: reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBY_NAME | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <string.h>
#include <unistd.h>

#define NDRIVERS 3
struct lookup_driver {
  const char *name;
  void (*tidy)(void);
};

static MYSQL *conn;
// CHECK: loop-calls-each-element.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
static void mysql_tidy(void) {
  if (conn) {
    mysql_close(conn);
    conn = NULL;
  }
}
static void pgsql_tidy(void) {}
static void ldap_tidy(void) {}

static struct lookup_driver mysql_driver = {"mysql", mysql_tidy};
static struct lookup_driver pgsql_driver = {"pgsql", pgsql_tidy};
static struct lookup_driver ldap_driver = {"ldap", ldap_tidy};
static struct lookup_driver *drivers[NDRIVERS];

static void register_drivers(void) {
  drivers[0] = &mysql_driver;
  drivers[1] = &pgsql_driver;
  drivers[2] = &ldap_driver;
}

static void search_tidyup(void) {
  for (int i = 0; i < NDRIVERS; i++)
#ifdef BY_NAME
    if (strcmp(drivers[i]->name, "pgsql") == 0)
#else
    if (drivers[i] && drivers[i]->tidy)
#endif
      drivers[i]->tidy();
}

static void lookup(const char *query) {
  if (!conn) {
    conn = mysql_init(0);
    mysql_real_connect(conn, "db", "u", "p", "mail", 0, 0, 0);
  }
  mysql_query(conn, query);
}

int main(void) {
  register_drivers();
  lookup("SELECT 1");
  search_tidyup();
  if (fork() == 0) {
    lookup("SELECT 2");
    _exit(0);
  }
  lookup("SELECT 3");
  return 0;
}
// CHECK: loop-calls-each-element.c:[[#DEF+35]]:5: note: 'conn' connected here by mysql_real_connect()
// CHECK: loop-calls-each-element.c:[[#DEF+44]]:7: note: fork() forks here; the child inherits 'conn'
// CHECK: loop-calls-each-element.c:[[#DEF+45]]:5: note: 'lookup' called from here in the child process
// CHECK: loop-calls-each-element.c:[[#DEF+37]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: loop-calls-each-element.c:[[#DEF]]:15: note: create the handle lazily in each process
