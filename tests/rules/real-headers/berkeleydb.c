// Against the real <db.h> (libdb-dev, Berkeley DB 5.3): the method names
// '__db_env::open', '__db::get'... must match the header's struct tags and
// field names.
// REQUIRES: berkeleydb-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <db.h>
#include <unistd.h>

DB_ENV *env;
// CHECK: berkeleydb.c:[[#@LINE-1]]:9: warning: 'env' (Berkeley DB) is open when the process forks
DB *db;
// CHECK: note: 'env' connected here by __db_env::open()
// CHECK: note: 'env' used here in the child process by __db_env::txn_begin()
// CHECK: berkeleydb.c:[[#@LINE-3]]:5: warning: 'db' (Berkeley DB) is open when the process forks
// CHECK: note: 'db' connected here by __db::open()
// CHECK: note: 'db' used here in the child process by __db::put()

int main(void) {
  DBT key, val;
  DB_TXN *txn;
  db_env_create(&env, 0);
  db_create(&db, NULL, 0);
#ifndef FIXED
  env->open(env, "/var/lib/app/env", DB_CREATE | DB_INIT_MPOOL | DB_INIT_TXN, 0);
  db->open(db, NULL, "jobs.db", NULL, DB_BTREE, DB_CREATE, 0644);
#endif
  if (fork() == 0) {
#ifdef FIXED
    env->open(env, "/var/lib/app/env", DB_CREATE | DB_INIT_MPOOL | DB_INIT_TXN, 0);
    db->open(db, NULL, "jobs.db", NULL, DB_BTREE, DB_CREATE, 0644);
#endif
    env->txn_begin(env, NULL, &txn, 0);
    db->put(db, txn, &key, &val, 0);
    _exit(0);
  }
  db->close(db, 0);
  env->close(env, 0);
  return 0;
}
