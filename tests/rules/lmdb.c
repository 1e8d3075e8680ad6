// LMDB: 'Use an MDB_env* in the process which opened it, not after fork()'.
// The environment is process-bound: beginning a transaction in the child is
// a finding. The fix opens the environment in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/lmdb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/lmdb -DFIXED | count 0
#include <lmdb.h>
#include <unistd.h>

static MDB_env *env;
// CHECK: lmdb.c:[[#DEF:@LINE-1]]:17: warning: 'env' (LMDB) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

static void lookup(void);

int main(void) {
  mdb_env_create(&env);
#ifndef FIXED
  mdb_env_open(env, "/var/lib/app/db", MDB_RDONLY, 0644);
  // CHECK: lmdb.c:[[#@LINE-1]]:3: note: 'env' connected here by mdb_env_open()
#endif
  if (fork() == 0) {
    // CHECK: lmdb.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'env'
#ifdef FIXED
    mdb_env_open(env, "/var/lib/app/db", MDB_RDONLY, 0644);
#endif
    lookup();
    // CHECK: lmdb.c:[[#@LINE-1]]:5: note: 'lookup' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void lookup(void) {
  MDB_txn *txn;
  MDB_dbi dbi;
  MDB_val key = {3, "job"}, data;
  mdb_txn_begin(env, NULL, MDB_RDONLY, &txn);
  // CHECK: lmdb.c:[[#@LINE-1]]:3: note: 'env' used here in the child process by mdb_txn_begin()
  mdb_dbi_open(txn, NULL, 0, &dbi);
  mdb_get(txn, dbi, &key, &data);
  mdb_txn_abort(txn);
}
// CHECK: lmdb.c:[[#DEF]]:17: note: open the MDB_env (mdb_env_create + mdb_env_open) in each process after fork(); a child may only close the inherited descriptor (mdb_env_get_fd) before exec
