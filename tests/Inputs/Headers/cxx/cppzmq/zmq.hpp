// Mock of cppzmq 4.x zmq.hpp: context_t, and socket_t whose connect, bind,
// send and recv are declared in its base class zmq::detail::socket_base.
#ifndef FORKSAFE_MOCK_CPPZMQ_HPP
#define FORKSAFE_MOCK_CPPZMQ_HPP
#include <cstddef>
#include <string>
namespace zmq {
enum class socket_type : int { req = 3, rep = 4, push = 8, pull = 7 };
enum class send_flags : int { none = 0, dontwait = 1, sndmore = 2 };
enum class recv_flags : int { none = 0, dontwait = 1 };
class const_buffer {
public:
  const_buffer(const void *data, std::size_t size);
};
const_buffer buffer(const std::string &s);
class message_t {
public:
  message_t();
  ~message_t();
};
class context_t {
public:
  context_t();
  explicit context_t(int io_threads_, int max_sockets_ = 1023);
  context_t(const context_t &) = delete;
  ~context_t() noexcept;
  int setctxopt(int option_, int optval_);
  int getctxopt(int option_);
  void close() noexcept;
  void shutdown() noexcept;
  void *handle() noexcept;
};
namespace detail {
class socket_base {
public:
  socket_base() noexcept;
  explicit socket_base(void *handle) noexcept;
  void bind(std::string const &addr);
  void bind(const char *addr_);
  void connect(std::string const &addr);
  void connect(const char *addr_);
  void disconnect(const char *addr_);
  std::size_t send(const void *buf_, std::size_t len_, int flags_ = 0);
  bool send(const_buffer buf, send_flags flags = send_flags::none);
  bool recv(message_t &msg, recv_flags flags = recv_flags::none);
  void *handle() noexcept;
protected:
  void *_handle;
};
} // namespace detail
class socket_t : public detail::socket_base {
public:
  socket_t() noexcept;
  socket_t(context_t &context_, int type_);
  socket_t(context_t &context_, socket_type type_);
  socket_t(socket_t &&rhs) noexcept;
  socket_t(const socket_t &) = delete;
  ~socket_t() noexcept;
  void close() noexcept;
};
} // namespace zmq
#endif
