// Against the real <lmdb.h> (liblmdb-dev).
// REQUIRES: lmdb-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <lmdb.h>
#include <unistd.h>

MDB_env *env;
// CHECK: lmdb.c:[[#@LINE-1]]:10: warning: 'env' (LMDB) is open when the process forks
MDB_txn *txn;
// CHECK: note: 'env' connected here by mdb_env_open()
// CHECK: note: 'env' used here in the child process by mdb_env_sync()
// CHECK: lmdb.c:[[#@LINE-3]]:10: warning: 'txn' (LMDB) is open when the process forks
// CHECK: note: 'txn' created here by mdb_txn_begin()
// CHECK: note: 'txn' used here in the child process by mdb_get()

int main(void) {
  MDB_dbi dbi = 1;
  MDB_val key = {1, "k"}, val;
  mdb_env_create(&env);
#ifndef FIXED
  mdb_env_open(env, "/var/lib/app/db", 0, 0644);
  mdb_txn_begin(env, NULL, MDB_RDONLY, &txn);
#endif
  if (fork() == 0) {
#ifdef FIXED
    mdb_env_open(env, "/var/lib/app/db", 0, 0644);
    mdb_txn_begin(env, NULL, MDB_RDONLY, &txn);
#endif
    mdb_env_sync(env, 1);
    mdb_get(txn, dbi, &key, &val);
    mdb_txn_abort(txn);
    _exit(0);
  }
  mdb_env_close(env);
  return 0;
}
