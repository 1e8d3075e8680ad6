// RocksDB C++ API: a rocksdb::TransactionDB (out-parameter 3 of
// TransactionDB::Open) opened before the fork; the child starts a
// transaction on it and writes through a member it inherits from
// StackableDB. The fix opens the database in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/rocksdb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/rocksdb -DFIXED | count 0
#include <rocksdb/utilities/transaction_db.h>
#include <unistd.h>

rocksdb::TransactionDB *txn_db;
// CHECK: rocksdb-cpp-transactiondb.cpp:[[#DEF:@LINE-1]]:25: warning: 'txn_db' (RocksDB (C++ API)) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

static void transfer();

int main() {
  rocksdb::Options options;
#ifndef FIXED
  rocksdb::TransactionDB::Open(options, rocksdb::TransactionDBOptions(), "/var/lib/app/ledger", &txn_db);
  // CHECK: rocksdb-cpp-transactiondb.cpp:[[#@LINE-1]]:3: note: 'txn_db' created here by rocksdb::TransactionDB::Open()
#endif
  if (fork() == 0) {
    // CHECK: rocksdb-cpp-transactiondb.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'txn_db'
#ifdef FIXED
    rocksdb::TransactionDB::Open(options, rocksdb::TransactionDBOptions(), "/var/lib/app/ledger", &txn_db);
#endif
    transfer();
    // CHECK: rocksdb-cpp-transactiondb.cpp:[[#@LINE-1]]:5: note: 'transfer' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void transfer() {
  rocksdb::Transaction *txn = txn_db->BeginTransaction(rocksdb::WriteOptions());
  // CHECK: rocksdb-cpp-transactiondb.cpp:[[#@LINE-1]]:31: note: 'txn_db' used here in the child process by rocksdb::TransactionDB::BeginTransaction()
  txn->Put("alice", "90");
  txn->Commit();
  txn_db->Put(rocksdb::WriteOptions(), nullptr, "audit", "transfer");
}
// CHECK: rocksdb-cpp-transactiondb.cpp:[[#DEF]]:25: note: open the rocksdb::DB in the process that uses it, after fork(); never Close() or delete an inherited DB in a child
