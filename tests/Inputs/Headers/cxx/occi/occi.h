// Mock of Oracle OCCI <occi.h> (occiControl.h): abstract classes in
// namespace oracle::occi, created through Environment's static factory and
// its virtual member functions (Oracle C++ Call Interface Developer's Guide,
// "OCCI Classes and Methods"). Oracle ships no Debian package: mock only.
#ifndef FORKSAFE_MOCK_OCCI_H
#define FORKSAFE_MOCK_OCCI_H
#include <string>
namespace oracle {
namespace occi {
class ResultSet {
public:
  enum Status { END_OF_FETCH = 0, DATA_AVAILABLE };
  virtual Status next(unsigned int numRows = 1) = 0;
  virtual int getInt(unsigned int colIndex) = 0;
};
class Statement {
public:
  virtual ResultSet *executeQuery(const std::string &sql = "") = 0;
  virtual unsigned int executeUpdate(const std::string &sql = "") = 0;
};
class Connection {
public:
  virtual ~Connection() {}
  virtual Statement *createStatement(const std::string &sql = "") = 0;
  virtual void terminateStatement(Statement *statement) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};
class StatelessConnectionPool {
public:
  virtual ~StatelessConnectionPool() {}
  virtual Connection *getConnection(const std::string &tag = "") = 0;
  virtual void releaseConnection(Connection *connection,
                                 const std::string &tag = "") = 0;
};
class Environment {
public:
  enum Mode { DEFAULT = 0, OBJECT = 2, SHARED = 4, NO_USERCALLBACKS = 8,
              THREADED_MUTEXED = 16, THREADED_UNMUTEXED = 32 };
  virtual ~Environment() {}
  static Environment *createEnvironment(Mode mode = DEFAULT, void *ctxp = 0,
                                        void *(*malocfp)(void *, size_t) = 0,
                                        void *(*ralocfp)(void *, void *, size_t) = 0,
                                        void (*mfreefp)(void *, void *) = 0);
  static void terminateEnvironment(Environment *env);
  virtual Connection *createConnection(const std::string &userName,
                                       const std::string &password,
                                       const std::string &connectString = "") = 0;
  virtual void terminateConnection(Connection *connection) = 0;
  virtual StatelessConnectionPool *createStatelessConnectionPool(
      const std::string &userName, const std::string &password,
      const std::string &connectString = "", unsigned int maxConn = 1,
      unsigned int minConn = 0, unsigned int incrConn = 1) = 0;
  virtual void terminateStatelessConnectionPool(StatelessConnectionPool *pool) = 0;
  virtual unsigned int getCurrentHeapSize() const = 0;
};
} // namespace occi
} // namespace oracle
#endif
