// A call through a pointer that a function returns: 'handler_fn fn =
// find_command(verb); fn(&req);'. find_command returns what the statically
// initialised 'commands[].fn' fields hold, so the worker's call reaches the
// command handlers only. admin_purge has the same type and queries the
// master's connection, but it is registered with admin_register(), which
// stores it in the admin console's table that only the master calls. With
// BUG the STATS command counts on the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct request {
  char verb[16];
  char arg[64];
};
typedef int (*handler_fn)(struct request *req);

static MYSQL *db;
// CHECK: fnptr-points-to-return-value.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static int cmd_get(struct request *req) { return printf("GET %s\n", req->arg) < 0; }
static int cmd_stats(struct request *req) {
#ifdef BUG
  mysql_query(db, "SELECT COUNT(*) FROM sessions");
#endif
  return printf("STATS %s\n", req->arg) < 0;
}

static const struct command {
  const char *verb;
  handler_fn fn;
} commands[] = {{"GET", cmd_get}, {"STATS", cmd_stats}};

static handler_fn find_command(const char *verb) {
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; ++i)
    if (strcmp(commands[i].verb, verb) == 0)
      return commands[i].fn;
  return NULL;
}

static struct admin_command {
  const char *name;
  handler_fn fn;
} admin[8];
static int nadmin;

static void admin_register(const char *name, handler_fn fn) {
  admin[nadmin].name = name;
  admin[nadmin].fn = fn;
  nadmin++;
}

static int admin_purge(struct request *req) {
  (void)req;
  return mysql_query(db, "DELETE FROM sessions WHERE expired");
}

static void worker(void) {
  struct request req;
  while (scanf("%15s %63s", req.verb, req.arg) == 2) {
    handler_fn fn = find_command(req.verb);
    if (fn)
      fn(&req);
  }
}

int main(void) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "db", "app", "pw", "app", 0, NULL, 0);
  admin_register("purge", admin_purge);
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker();
      _exit(0);
    }
  struct request r = {"purge", ""};
  for (int i = 0; i < nadmin; ++i)
    admin[i].fn(&r);
  return 0;
}
// CHECK: fnptr-points-to-return-value.c:[[#DEF+51]]:3: note: 'db' connected here by mysql_real_connect()
// CHECK: fnptr-points-to-return-value.c:[[#DEF+54]]:9: note: fork() forks here; the child inherits 'db'
// CHECK: fnptr-points-to-return-value.c:[[#DEF+55]]:7: note: 'worker' called from here in the child process
// CHECK: fnptr-points-to-return-value.c:[[#DEF+45]]:7: note: 'fn' called from here in the child process
// CHECK: fnptr-points-to-return-value.c:[[#DEF+6]]:3: note: 'db' used here in the child process by mysql_query()
// CHECK: fnptr-points-to-return-value.c:[[#DEF]]:15: note: create the handle lazily
