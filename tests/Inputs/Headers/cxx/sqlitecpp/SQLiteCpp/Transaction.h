// Mock of SQLiteCpp 3.x include/SQLiteCpp/Transaction.h.
#ifndef FORKSAFE_MOCK_SQLITECPP_TRANSACTION_H
#define FORKSAFE_MOCK_SQLITECPP_TRANSACTION_H
namespace SQLite {
class Database;
enum class TransactionBehavior { DEFERRED, IMMEDIATE, EXCLUSIVE };
class Transaction {
public:
  explicit Transaction(Database &aDatabase);
  explicit Transaction(Database &aDatabase, TransactionBehavior behavior);
  Transaction(const Transaction &) = delete;
  ~Transaction();
  void commit();
};
} // namespace SQLite
#endif
