// Berkeley DB: handles come from out-parameters (db_env_create, db_create)
// and methods are function-pointer fields, named '__db_env::open' and
// '__db::get' in the rules. The environment is process-bound.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/berkeleydb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/berkeleydb -DFIXED | count 0
#include <db.h>
#include <unistd.h>

static DB_ENV *env;
static DB *db;
// CHECK: berkeleydb.c:[[#DEF:@LINE-1]]:12: warning: 'db' (Berkeley DB) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

static void open_all(void) {
  db_env_create(&env, 0);
  env->open(env, "/var/lib/app/env", DB_CREATE | DB_INIT_MPOOL, 0);
  db_create(&db, env, 0);
  db->open(db, NULL, "jobs.db", NULL, DB_BTREE, DB_CREATE, 0644);
  // CHECK: berkeleydb.c:[[#@LINE-1]]:3: note: 'db' connected here by __db::open()
}

int main(void) {
  DBT key = {"k", 1}, val = {0};
#ifndef FIXED
  open_all();
#endif
  if (fork() == 0) {
    // CHECK: berkeleydb.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
    open_all();
#endif
    db->get(db, NULL, &key, &val, 0);
    // CHECK: berkeleydb.c:[[#@LINE-1]]:5: note: 'db' used here in the child process by __db::get()
    _exit(0);
  }
  return 0;
}
// CHECK: berkeleydb.c:[[#DEF]]:12: note: create and open the DB_ENV and DB handles in each process after fork(); never close inherited handles in a child
