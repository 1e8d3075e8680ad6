// Defines the connection that main.cpp forks with; db.h declares it.
#include "db.h"

pqxx::connection db{"dbname=shop"};

void restock(int item) {
  pqxx::work txn{db};
  txn.exec("UPDATE stock SET n = n + 1");
  txn.commit();
  (void)item;
}
