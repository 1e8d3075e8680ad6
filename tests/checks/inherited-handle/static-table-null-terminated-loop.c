// A loop over a static table that ends at its null entry
// ('for (i = 0; drivers[i].name; i++)') visits each row: the names are
// string literals, so no row before the terminator ends it. Here it calls
// every lookup driver's tidy function before the fork (exim's
// search_tidyup() pattern), so the MySQL connection is closed and the
// child connects its own. Correct program: silent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// With NO_MYSQL_TIDY the mysql row has no tidy function: the connection
// stays open across the fork and the child's lookup uses it: reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DNO_MYSQL_TIDY | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <unistd.h>

struct lookup_driver {
  const char *name;
  void (*tidy)(void);
};

static MYSQL *conn;
// CHECK: static-table-null-terminated-loop.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
static void mysql_tidy(void) {
  if (conn) {
    mysql_close(conn);
    conn = NULL;
  }
}
static void pgsql_tidy(void) {}
static void ldap_tidy(void) {}

static struct lookup_driver drivers[] = {
#ifdef NO_MYSQL_TIDY
    {"mysql", 0},
#else
    {"mysql", mysql_tidy},
#endif
    {"pgsql", pgsql_tidy},
    {"ldap", ldap_tidy},
    {0, 0},
};

static void search_tidyup(void) {
  for (int i = 0; drivers[i].name; i++)
    if (drivers[i].tidy)
      drivers[i].tidy();
}

static void lookup(const char *query) {
  if (!conn) {
    conn = mysql_init(0);
    mysql_real_connect(conn, "db", "u", "p", "mail", 0, 0, 0);
  }
  mysql_query(conn, query);
}

int main(void) {
  lookup("SELECT 1");
  search_tidyup();
  if (fork() == 0) {
    lookup("SELECT 2");
    _exit(0);
  }
  lookup("SELECT 3");
  return 0;
}
// CHECK: static-table-null-terminated-loop.c:[[#DEF+31]]:5: note: 'conn' connected here by mysql_real_connect()
// CHECK: static-table-null-terminated-loop.c:[[#DEF+39]]:7: note: fork() forks here; the child inherits 'conn'
// CHECK: static-table-null-terminated-loop.c:[[#DEF+40]]:5: note: 'lookup' called from here in the child process
// CHECK: static-table-null-terminated-loop.c:[[#DEF+33]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: static-table-null-terminated-loop.c:[[#DEF]]:15: note: create the handle lazily in each process
