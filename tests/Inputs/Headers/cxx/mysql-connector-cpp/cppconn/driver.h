// Mock of jdbc/cppconn/driver.h.
#ifndef FORKSAFE_MOCK_CPPCONN_DRIVER_H
#define FORKSAFE_MOCK_CPPCONN_DRIVER_H
#include <cppconn/connection.h>
namespace sql {
class Driver {
protected:
  virtual ~Driver() {}
public:
  virtual Connection *connect(const sql::SQLString &hostName,
                              const sql::SQLString &userName,
                              const sql::SQLString &password) = 0;
  virtual int getMajorVersion() = 0;
  virtual void threadInit() = 0;
  virtual void threadEnd() = 0;
};
} // namespace sql
extern "C" sql::Driver *get_driver_instance();
#endif
