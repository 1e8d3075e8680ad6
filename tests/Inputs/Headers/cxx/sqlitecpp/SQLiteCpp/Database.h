// Mock of SQLiteCpp 3.x include/SQLiteCpp/Database.h.
#ifndef FORKSAFE_MOCK_SQLITECPP_DATABASE_H
#define FORKSAFE_MOCK_SQLITECPP_DATABASE_H
#include <memory>
#include <string>
struct sqlite3;
namespace SQLite {
extern const int OPEN_READONLY;
extern const int OPEN_READWRITE;
extern const int OPEN_CREATE;
class Column;
class Database {
public:
  Database(const char *apFilename, const int aFlags = OPEN_READONLY,
           const int aBusyTimeoutMs = 0, const char *apVfs = nullptr);
  Database(const std::string &aFilename, const int aFlags = OPEN_READONLY,
           const int aBusyTimeoutMs = 0, const std::string &aVfs = "");
  Database(const Database &) = delete;
  Database &operator=(const Database &) = delete;
  Database(Database &&aDatabase) = default;
  ~Database() = default;
  void setBusyTimeout(const int aBusyTimeoutMs);
  int exec(const char *apQueries);
  int exec(const std::string &aQueries);
  Column execAndGet(const char *apQuery);
  bool tableExists(const char *apTableName) const;
  long long getLastInsertRowid() const noexcept;
  int getChanges() const noexcept;
  void backup(const char *apFilename, int aType);

private:
  struct Deleter {
    void operator()(sqlite3 *apSQLite);
  };
  std::unique_ptr<sqlite3, Deleter> mSQLitePtr;
  std::string mFilename;
};
} // namespace SQLite
#endif
