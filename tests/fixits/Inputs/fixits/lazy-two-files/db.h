#ifndef APP_DB_H
#define APP_DB_H
#include <pqxx/pqxx>

extern pqxx::connection db;
void restock(int item);

#endif
