// Mock of SQLiteCpp's umbrella header include/SQLiteCpp/SQLiteCpp.h.
#ifndef FORKSAFE_MOCK_SQLITECPP_H
#define FORKSAFE_MOCK_SQLITECPP_H
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#endif
