// Against the real <rocksdb/db.h> and <rocksdb/utilities/transaction_db.h>
// (librocksdb-dev): a DB from rocksdb::DB::Open (out-parameter 2) and a
// TransactionDB from rocksdb::TransactionDB::Open (out-parameter 3), both
// opened before the fork and used in the child, the TransactionDB through
// a member it inherits from StackableDB and one of its own.
// REQUIRES: rocksdb-cpp-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <rocksdb/db.h>
#include <rocksdb/utilities/transaction_db.h>
#include <string>
#include <unistd.h>

rocksdb::DB *db;
// CHECK: rocksdb-cpp.cpp:[[#@LINE-1]]:14: warning: 'db' (RocksDB (C++ API)) is live when the process forks
// CHECK: note: 'db' created here by rocksdb::DB::Open()
// CHECK: note: 'db' used here in the child process by rocksdb::DB::Get()
rocksdb::TransactionDB *txn_db;
// CHECK: rocksdb-cpp.cpp:[[#@LINE-1]]:25: warning: 'txn_db' (RocksDB (C++ API)) is live when the process forks
// CHECK: note: 'txn_db' created here by rocksdb::TransactionDB::Open()
// CHECK: note: 'txn_db' used here in the child process by rocksdb::StackableDB::Put()
rocksdb::TransactionDB *other_db;
// CHECK: rocksdb-cpp.cpp:[[#@LINE-1]]:25: warning: 'other_db' (RocksDB (C++ API)) is live when the process forks
// CHECK: note: 'other_db' used here in the child process by rocksdb::TransactionDB::BeginTransaction()

static void open_all(const rocksdb::Options &options) {
  rocksdb::DB::Open(options, "/var/lib/app/kv", &db);
  rocksdb::TransactionDB::Open(options, rocksdb::TransactionDBOptions(), "/var/lib/app/txn", &txn_db);
  rocksdb::TransactionDB::Open(options, rocksdb::TransactionDBOptions(), "/var/lib/app/other", &other_db);
}

int main() {
  rocksdb::Options options;
  options.create_if_missing = true;
#ifndef FIXED
  open_all(options);
#endif
  if (fork() == 0) {
#ifdef FIXED
    open_all(options);
#endif
    std::string value;
    db->Get(rocksdb::ReadOptions(), "k", &value);
    txn_db->Put(rocksdb::WriteOptions(), txn_db->DefaultColumnFamily(), "k", "v");
    rocksdb::Transaction *txn = other_db->BeginTransaction(rocksdb::WriteOptions());
    txn->Commit();
    _exit(0);
  }
  return 0;
}
