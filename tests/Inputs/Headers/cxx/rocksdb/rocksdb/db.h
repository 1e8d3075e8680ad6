// Mock of RocksDB include/rocksdb/db.h (ROCKSDB_NAMESPACE is rocksdb).
#ifndef FORKSAFE_MOCK_ROCKSDB_DB_H
#define FORKSAFE_MOCK_ROCKSDB_DB_H
#include <string>
#include <vector>
namespace rocksdb {
class Slice {
public:
  Slice(const char *s);
  Slice(const std::string &s);
};
class Status {
public:
  bool ok() const;
};
struct DBOptions {
  bool create_if_missing = false;
};
struct ColumnFamilyOptions {};
struct Options : public DBOptions, public ColumnFamilyOptions {};
struct ReadOptions {};
struct WriteOptions {};
class ColumnFamilyHandle;
struct ColumnFamilyDescriptor {};
class DB {
public:
  static Status Open(const Options &options, const std::string &name,
                     DB **dbptr);
  static Status Open(const DBOptions &db_options, const std::string &name,
                     const std::vector<ColumnFamilyDescriptor> &column_families,
                     std::vector<ColumnFamilyHandle *> *handles, DB **dbptr);
  static Status OpenForReadOnly(const Options &options, const std::string &name,
                                DB **dbptr, bool error_if_wal_file_exists = false);
  static Status OpenAsSecondary(const Options &options, const std::string &name,
                                const std::string &secondary_path, DB **dbptr);
  DB() {}
  virtual ~DB();
  virtual Status Close();
  virtual Status Put(const WriteOptions &options, ColumnFamilyHandle *column_family,
                     const Slice &key, const Slice &value) = 0;
  virtual Status Put(const WriteOptions &options, const Slice &key,
                     const Slice &value);
  virtual Status Get(const ReadOptions &options, ColumnFamilyHandle *column_family,
                     const Slice &key, std::string *value) = 0;
  virtual Status Get(const ReadOptions &options, const Slice &key,
                     std::string *value);
  virtual Status Flush() ;
};
} // namespace rocksdb
#endif
