// Handles with static storage created by their dynamic initialisers, before
// main, then used by forked children: one class object, one smart pointer
// and one C pointer, referenced as an operand, through '->' and through '.'.
#include <cppconn/driver.h>
#include <cppconn/statement.h>
#include <hiredis.h>
#include <memory>
#include <pqxx/pqxx>
#include <unistd.h>

pqxx::connection db{"dbname=shop"};
static std::unique_ptr<sql::Connection> orders(
    get_driver_instance()->connect("tcp://127.0.0.1:3306", "app", "secret"));
redisContext *cache = redisConnect("127.0.0.1", 6379);

static void restock(int item) {
  pqxx::work txn{db};
  txn.exec("UPDATE stock SET n = n + 1");
  txn.commit();
  std::unique_ptr<sql::Statement> stmt(orders->createStatement());
  stmt->executeUpdate("UPDATE counters SET n = n + 1");
  redisCommand(cache, "INCR item:%d", item);
}

int main() {
  for (int item = 0; item < 8; ++item)
    if (fork() == 0) {
      restock(item);
      _exit(0);
    }
  return db.is_open() ? 0 : 1;
}
