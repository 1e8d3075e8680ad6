// Mock of jdbc/driver/mysql_driver.h (installed as <mysql_driver.h>).
#ifndef FORKSAFE_MOCK_MYSQL_DRIVER_H
#define FORKSAFE_MOCK_MYSQL_DRIVER_H
#include <cppconn/driver.h>
namespace sql {
namespace mysql {
class MySQL_Driver : public sql::Driver {
public:
  MySQL_Driver();
  virtual ~MySQL_Driver();
  sql::Connection *connect(const sql::SQLString &hostName,
                           const sql::SQLString &userName,
                           const sql::SQLString &password);
  int getMajorVersion();
  void threadInit();
  void threadEnd();
};
MySQL_Driver *get_mysql_driver_instance();
MySQL_Driver *get_driver_instance();
} // namespace mysql
} // namespace sql
#endif
