// Mock of LevelDB include/leveldb/db.h (and options.h, status.h, slice.h).
#ifndef FORKSAFE_MOCK_LEVELDB_DB_H
#define FORKSAFE_MOCK_LEVELDB_DB_H
#include <string>
namespace leveldb {
class Slice {
public:
  Slice(const char *s);
  Slice(const std::string &s);
};
class Status {
public:
  bool ok() const;
};
struct Options {
  bool create_if_missing = false;
};
struct ReadOptions {};
struct WriteOptions {};
class Iterator;
class Snapshot;
class WriteBatch;
class DB {
public:
  static Status Open(const Options &options, const std::string &name,
                     DB **dbptr);
  DB() = default;
  DB(const DB &) = delete;
  virtual ~DB();
  virtual Status Put(const WriteOptions &options, const Slice &key,
                     const Slice &value) = 0;
  virtual Status Delete(const WriteOptions &options, const Slice &key) = 0;
  virtual Status Write(const WriteOptions &options, WriteBatch *updates) = 0;
  virtual Status Get(const ReadOptions &options, const Slice &key,
                     std::string *value) = 0;
  virtual Iterator *NewIterator(const ReadOptions &options) = 0;
  virtual const Snapshot *GetSnapshot() = 0;
  virtual void ReleaseSnapshot(const Snapshot *snapshot) = 0;
  virtual void CompactRange(const Slice *begin, const Slice *end) = 0;
};
Status DestroyDB(const std::string &name, const Options &options);
} // namespace leveldb
#endif
