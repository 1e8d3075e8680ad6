// A helper's returned value decides whether its caller connects, also
// before any connection exists: lookup() builds its search base with
// interpolate(base_dn, user), which returns NULL while base_dn is unset
// (the string helper declines a NULL template), and then declines before
// connecting. base_dn is set only in the child (ProFTPD's mod_ldap loads
// its base DNs in sess_init, after the fork), so the master's own lookup
// never connects and the child connects on its own. Correct program:
// silent. The helpers write nothing the analysis follows, and the master
// holds no connection when it calls them: they used to be skipped and
// their result taken as unknown, so the master "connected".
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// With CONFIGURED_IN_MASTER the master sets base_dn before its lookup: it
// connects, and the child searches on the master's connection: reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DCONFIGURED_IN_MASTER | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: return-value-helper-before-handle.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
static char *base_dn;

// Replaces each pair's first string with its second (sketched: the first
// replacement only); NULL for a NULL pool or template, as ProFTPD's
// sreplace().
static char *replace_all(void *pool, char *template, ...) {
  va_list ap;
  if (pool == NULL || template == NULL)
    return NULL;
  va_start(ap, template);
  const char *with = va_arg(ap, const char *);
  va_end(ap);
  return with ? template : NULL;
}

static const char *interpolate(void *pool, char *template, const char *user) {
  const char *filter = replace_all(pool, template, "%u", user, NULL);
  if (filter == NULL)
    return NULL;
  return filter;
}

static void connect_once(void) {
  if (!conn) {
    conn = mysql_init(NULL);
    // CHECK: return-value-helper-before-handle.c:[[#@LINE+1]]:5: note: 'conn' connected here by mysql_real_connect()
    mysql_real_connect(conn, "db", "u", "p", "users", 0, NULL, 0);
  }
}

static int lookup(void *pool, const char *user);

int main(int argc, char **argv) {
  static char pool[64];
#ifdef CONFIGURED_IN_MASTER
  base_dn = getenv("BASE_DN");
#endif
  lookup(pool, argv[1]);
  // CHECK: return-value-helper-before-handle.c:[[#@LINE+1]]:7: note: fork() forks here; the child inherits 'conn'
  if (fork() == 0) {
    base_dn = getenv("BASE_DN");
    // CHECK: return-value-helper-before-handle.c:[[#@LINE+1]]:5: note: 'lookup' called from here in the child process
    lookup(pool, argv[1]);
    _exit(0);
  }
  return 0;
}

static int lookup(void *pool, const char *user) {
  const char *dn = interpolate(pool, base_dn, user);
  if (dn == NULL)
    return -1; // no base DN configured: decline
  connect_once();
  // CHECK: return-value-helper-before-handle.c:[[#@LINE+1]]:3: note: 'conn' used here in the child process by mysql_query()
  mysql_query(conn, dn);
  return 0;
}
// CHECK: return-value-helper-before-handle.c:[[#DEF]]:15: note: create the handle lazily in each process
