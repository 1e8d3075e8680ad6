// Mock of AMQP-CPP include/amqpcpp.h (connection.h, connectionhandler.h,
// login.h, address.h, channel.h, linux_tcp/tcpconnection.h, tcphandler.h,
// tcpchannel.h).
#ifndef FORKSAFE_MOCK_AMQPCPP_H
#define FORKSAFE_MOCK_AMQPCPP_H
#include <cstdint>
#include <string>
namespace AMQP {
class Connection;
class TcpConnection;
class Login {
public:
  Login();
  Login(std::string user, std::string password);
};
class Address {
public:
  Address(const char *address);
  Address(const std::string &address);
};
class ConnectionHandler {
public:
  virtual ~ConnectionHandler() = default;
  virtual void onData(Connection *connection, const char *buffer,
                      std::size_t size) = 0;
};
class Connection {
public:
  Connection(ConnectionHandler *handler, const Login &login,
             const std::string &vhost);
  Connection(ConnectionHandler *handler, const Login &login);
  Connection(ConnectionHandler *handler, const std::string &vhost);
  Connection(ConnectionHandler *handler);
  Connection(const Connection &connection) = delete;
  virtual ~Connection();
  uint64_t parse(const char *buffer, std::size_t size);
  bool close();
  bool ready() const;
  std::size_t channels() const;
  bool heartbeat();
};
class TcpHandler {
public:
  virtual ~TcpHandler() = default;
};
class TcpConnection {
public:
  TcpConnection(TcpHandler *handler, const Address &address);
  TcpConnection(const TcpConnection &) = delete;
  virtual ~TcpConnection() noexcept;
  void process(int fd, int flags);
  void flush();
  bool close(bool immediate = false);
  bool ready() const;
  std::size_t channels() const;
  bool heartbeat();
};
class Deferred {
public:
  Deferred &onSuccess(void (*callback)());
};
class Channel {
public:
  Channel(Connection *connection);
  Channel(const Channel &channel) = delete;
  virtual ~Channel();
  bool connected();
  Deferred &declareQueue(const std::string &name, int flags = 0);
  bool publish(const std::string &exchange, const std::string &routingKey,
               const std::string &message, int flags = 0);
  Deferred &consume(const std::string &queue, int flags = 0);
  Deferred &close();
};
class TcpChannel : public Channel {
public:
  TcpChannel(TcpConnection *connection);
  virtual ~TcpChannel() {}
};
} // namespace AMQP
#endif
