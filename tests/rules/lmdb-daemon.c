// Process-bound: even daemon(), where the parent exits at once, leaves the
// child with an environment (and a transaction) opened by another process.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/lmdb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/lmdb -DFIXED | count 0
#include <lmdb.h>
#include <unistd.h>

MDB_env *env;
MDB_txn *txn;
// CHECK: lmdb-daemon.c:[[#DEF:@LINE-1]]:10: warning: 'txn' (LMDB) is open when the process forks with daemon() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

int main(void) {
  MDB_dbi dbi;
  MDB_val key = {1, "k"}, val = {1, "v"};
  mdb_env_create(&env);
#ifndef FIXED
  mdb_env_open(env, "/var/lib/app/db", 0, 0644);
  mdb_txn_begin(env, NULL, 0, &txn);
  // CHECK: lmdb-daemon.c:[[#@LINE-1]]:3: note: 'txn' created here by mdb_txn_begin()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: lmdb-daemon.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'txn' belongs to the parent
    return 1;
#ifdef FIXED
  mdb_env_open(env, "/var/lib/app/db", 0, 0644);
  mdb_txn_begin(env, NULL, 0, &txn);
#endif
  mdb_dbi_open(txn, NULL, 0, &dbi);
  // CHECK: lmdb-daemon.c:[[#@LINE-1]]:3: note: 'txn' used here in the child process by mdb_dbi_open()
  mdb_put(txn, dbi, &key, &val, 0);
  mdb_txn_commit(txn);
  return 0;
}
// CHECK: lmdb-daemon.c:[[#DEF]]:10: note: open the MDB_env
