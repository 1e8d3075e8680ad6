// Mock of RocksDB include/rocksdb/utilities/stackable_db.h.
#ifndef FORKSAFE_MOCK_ROCKSDB_STACKABLE_DB_H
#define FORKSAFE_MOCK_ROCKSDB_STACKABLE_DB_H
#include <rocksdb/db.h>
namespace rocksdb {
class StackableDB : public DB {
public:
  explicit StackableDB(DB *db);
  ~StackableDB();
  Status Close() override;
  using DB::Put;
  Status Put(const WriteOptions &options, ColumnFamilyHandle *column_family,
             const Slice &key, const Slice &val) override;
  using DB::Get;
  Status Get(const ReadOptions &options, ColumnFamilyHandle *column_family,
             const Slice &key, std::string *value) override;
};
} // namespace rocksdb
#endif
