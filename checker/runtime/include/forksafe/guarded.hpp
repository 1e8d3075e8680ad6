// forksafe/guarded.hpp: C++ wrappers (C++11 and later).
//
//   forksafe::guarded<MYSQL*> conn(mysql_init(nullptr), "conn");
//   mysql_query(conn.get(), "...");      // checks the process on each access
//
//   forksafe::per_process<MYSQL*> db(connect_fn, mysql_close);
//   mysql_query(db.get(), "...");        // a fresh connection in each process
//
// guarded<T> checks only when FORKSAFE_ENABLED (debug); per_process<T> is a
// remedy, not a check, so it works in every build.
#ifndef FORKSAFE_GUARDED_HPP
#define FORKSAFE_GUARDED_HPP

#include "runtime.h"
#include "detail/core.h" // per_process needs the generation in all builds

#include <atomic>
#include <cstdint>
#include <functional>
#include <new>
#include <sched.h>
#include <stdexcept>
#include <string>
#include <utility>

namespace forksafe {

// Current process generation (changes in every fork-like child). Always live.
inline std::uint64_t generation() { return forksafe__generation(); }

// Thrown by the handler installed with throw_on_violation().
class fork_violation : public std::runtime_error {
 public:
  explicit fork_violation(const forksafe_violation &v)
      : std::runtime_error(std::string(v.message, v.message_len ? v.message_len - 1 : 0)) {}
};

// Make violations throw fork_violation instead of aborting (C++ callers only:
// the exception travels through the inline check, not through the C library).
inline void throw_on_violation() {
  forksafe__set_handler([](const forksafe_violation *v, void *) { throw fork_violation(*v); },
                        nullptr);
}
// Log the message and let the call go on.
inline void log_and_continue() { forksafe__set_handler(forksafe_handler_log_and_continue, nullptr); }
// Back to the default: write the message and abort().
inline void abort_on_violation() { forksafe__set_handler(nullptr, nullptr); }

// A value (usually a handle pointer) plus its owner record; every access
// checks that it happens in the process that created it.
template <class T>
class guarded {
 public:
  explicit guarded(T value, const char *name = nullptr, const char *kind = nullptr,
                   const char *file = __builtin_FILE(), int line = __builtin_LINE())
      : value_(std::move(value)) {
#if FORKSAFE_ENABLED
    forksafe__owner_init(&owner_, kind, name, file, line);
#else
    (void)name, (void)kind, (void)file, (void)line;
#endif
  }
  guarded(const guarded &) = delete;
  guarded &operator=(const guarded &) = delete;

  // The default arguments capture the caller's file:line for the message.
  T &get(const char *file = __builtin_FILE(), int line = __builtin_LINE()) {
    return checked("forksafe::guarded::get", file, line);
  }
  T &operator*() { return checked("forksafe::guarded::operator*", nullptr, 0); }
  T &operator->() { return checked("forksafe::guarded::operator->", nullptr, 0); }
  // True when this process created the value (always true when disabled).
  bool owned_here() const {
#if FORKSAFE_ENABLED
    return forksafe__owner_current(&owner_) != 0;
#else
    return true;
#endif
  }
  // Access without a check (e.g. to abandon the handle on purpose).
  T &unchecked() { return value_; }

 private:
  T &checked(const char *func, const char *file, int line) {
#if FORKSAFE_ENABLED
    forksafe__owner_check(this, &owner_, func, file, line);
#else
    (void)func, (void)file, (void)line;
#endif
    return value_;
  }

  T value_;
#if FORKSAFE_ENABLED
  forksafe__record owner_;
#endif
};

// A handle created lazily, once per process. In a process that inherited a
// handle (a fork child), get() *abandons* it (no close: that would send
// COM_QUIT / Terminate on the parent's socket) and creates a new one. The
// destructor closes only a handle this process created, so a global
// per_process is also safe when a child calls exit().
template <class T>
class per_process {
 public:
  using factory_type = std::function<T()>;
  using closer_type = std::function<void(T &)>;

  // `close` defaults to destroying T (fine for RAII types and plain values).
  explicit per_process(factory_type make, closer_type close = closer_type())
      : make_(std::move(make)), close_(std::move(close)) {}
  per_process(const per_process &) = delete;
  per_process &operator=(const per_process &) = delete;

  ~per_process() {
    if (gen_.load() != 0 && gen_.load() == forksafe__generation()) destroy();
    // else: empty, or inherited from an ancestor process: abandon it.
  }

  // The handle of this process, created on first use here.
  T &get() {
    std::uint64_t g = forksafe__generation();
    if (__builtin_expect(gen_.load(std::memory_order_acquire) == g, 1)) return *ptr();
    return slow_get(g);
  }
  T &operator*() { return get(); }
  T *operator->() { return &get(); }

  // True when this process has already created its handle.
  bool has_value_here() const { return gen_.load() != 0 && gen_.load() == forksafe__generation(); }

  // Close this process's handle now (the next get() makes a new one).
  void reset() {
    lock(forksafe__generation());
    if (gen_.load() == forksafe__generation()) destroy();
    gen_.store(0);
    lock_.store(0, std::memory_order_release);
  }

 private:
  T *ptr() { return reinterpret_cast<T *>(storage_); }

  // Fork-safe spin lock: it holds the owner's generation, so a lock held by a
  // parent thread at fork time (that thread does not exist in the child) is
  // recognised as stale and taken over instead of deadlocking.
  void lock(std::uint64_t g) {
    for (;;) {
      std::uint64_t w = lock_.load(std::memory_order_acquire);
      if (w != g && lock_.compare_exchange_weak(w, g, std::memory_order_acquire)) return;
      sched_yield();
    }
  }

  T &slow_get(std::uint64_t g) {
    lock(g);
    struct unlock_on_exit {
      std::atomic<std::uint64_t> &l;
      ~unlock_on_exit() { l.store(0, std::memory_order_release); }
    } unlock{lock_};
    if (gen_.load() != g) {
      // gen_ != 0 here means an inherited handle: forget it without closing.
      gen_.store(0);
      ::new (static_cast<void *>(storage_)) T(make_());
      gen_.store(g, std::memory_order_release);
    }
    return *ptr();
  }

  void destroy() {
    if (close_) close_(*ptr());
    ptr()->~T();
    gen_.store(0);
  }

  factory_type make_;
  closer_type close_;
  std::atomic<std::uint64_t> gen_{0};  // generation that created storage_, 0 = empty
  std::atomic<std::uint64_t> lock_{0}; // 0 = free, else holder's generation
  alignas(T) unsigned char storage_[sizeof(T)];
};

}  // namespace forksafe

#endif  // FORKSAFE_GUARDED_HPP
