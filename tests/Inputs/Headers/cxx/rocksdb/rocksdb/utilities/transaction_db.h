// Mock of RocksDB include/rocksdb/utilities/transaction_db.h.
#ifndef FORKSAFE_MOCK_ROCKSDB_TRANSACTION_DB_H
#define FORKSAFE_MOCK_ROCKSDB_TRANSACTION_DB_H
#include <rocksdb/utilities/stackable_db.h>
namespace rocksdb {
struct TransactionDBOptions {};
struct TransactionOptions {};
class Transaction {
public:
  virtual ~Transaction() {}
  virtual Status Put(const Slice &key, const Slice &value) = 0;
  virtual Status Commit() = 0;
};
class TransactionDB : public StackableDB {
public:
  static Status Open(const Options &options,
                     const TransactionDBOptions &txn_db_options,
                     const std::string &dbname, TransactionDB **dbptr);
  static Status Open(const DBOptions &db_options,
                     const TransactionDBOptions &txn_db_options,
                     const std::string &dbname,
                     const std::vector<ColumnFamilyDescriptor> &column_families,
                     std::vector<ColumnFamilyHandle *> *handles,
                     TransactionDB **dbptr);
  ~TransactionDB() override {}
  virtual Transaction *BeginTransaction(
      const WriteOptions &write_options,
      const TransactionOptions &txn_options = TransactionOptions(),
      Transaction *old_txn = nullptr) = 0;
protected:
  explicit TransactionDB(DB *db) : StackableDB(db) {}
};
} // namespace rocksdb
#endif
