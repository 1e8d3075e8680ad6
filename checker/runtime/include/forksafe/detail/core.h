/* forksafe runtime core: process generation, ownership records, handle
 * registry and the async-signal-safe report path.
 *
 * Do not include directly: use <forksafe/runtime.h>. This file is always the
 * full implementation; runtime.h decides whether checks are compiled in.
 * Linux + GCC/Clang only (uses __atomic builtins so it also works in C99).
 *
 * Shared state lives in weak globals, so every translation unit (C or C++,
 * any shared object that exports them) sees one generation and one registry.
 */
#ifndef FORKSAFE_DETAIL_CORE_H
#define FORKSAFE_DETAIL_CORE_H

#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FORKSAFE_INLINE static inline __attribute__((unused))
#define FORKSAFE_LIKELY(x) __builtin_expect(!!(x), 1)
#define FORKSAFE_UNLIKELY(x) __builtin_expect(!!(x), 0)
/* Weak + default visibility: one copy per process even across shared objects
 * built with -fvisibility=hidden (the dynamic linker picks the first). */
#define FORKSAFE_WEAK __attribute__((weak, visibility("default")))

/* Strict -std=c99 hides the BSD/Linux mmap extensions; the header must still
 * work there (e.g. via -include), so declare what it needs. */
#ifndef MAP_ANONYMOUS
#if defined(__mips__)
#define MAP_ANONYMOUS 0x800
#elif defined(__alpha__)
#define MAP_ANONYMOUS 0x10
#else
#define MAP_ANONYMOUS 0x20
#endif
#ifndef __cplusplus
extern int madvise(void *addr, size_t len, int advice);
#endif
#endif
#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18 /* Linux 4.14; older libc headers lack it */
#endif

/* How forks are detected in this process. */
enum {
  FORKSAFE_MODE_UNINIT = 0,
  FORKSAFE_MODE_WIPEONFORK = 1,   /* kernel zeroes our page in every child */
  FORKSAFE_MODE_ATFORK_GETPID = 2 /* fallback: atfork handler + getpid() */
};

/* Ownership record of one handle. Fields are accessed with relaxed atomics
 * so a record can be (re)written while other threads check it. */
typedef struct forksafe__record {
  uint64_t generation; /* 0 = not recorded */
  pid_t pid;
  int line;
  const char *kind; /* "MYSQL", "PGconn", ... */
  const char *name; /* variable name or NULL */
  const char *file;
} forksafe__record;

/* What a handler receives. `message` is the full text (with newline). */
typedef struct forksafe_violation {
  const char *func;      /* function called on the foreign handle */
  const char *call_file; /* call site, may be NULL */
  int call_line;
  const void *handle;
  const char *kind, *name, *file;
  int line;
  pid_t owner_pid, pid;
  uint64_t owner_generation, generation;
  const char *message;
  size_t message_len;
} forksafe_violation;

typedef void (*forksafe_handler_fn)(const forksafe_violation *v, void *ctx);

#ifndef FORKSAFE_REGISTRY_SIZE
#define FORKSAFE_REGISTRY_SIZE 4096 /* power of two */
#endif

/* Registry slot keys: 0 = empty, 1 = deleted, else the handle address. */
typedef struct forksafe__slot {
  uintptr_t key;
  forksafe__record owner;
} forksafe__slot;

typedef struct forksafe__state {
  uint64_t *gen_word;      /* in the wipe page (WIPEONFORK mode), else NULL */
  uint64_t counter;        /* last generation handed out; inherited on fork */
  uint64_t fallback_word;  /* fallback: generation << 32 | pid */
  uint64_t fallback_prev;  /* fallback: word before the last overwrite */
  int mode;
  int atfork_installed;
  forksafe_handler_fn handler;
  void *handler_ctx;
  forksafe__slot slots[FORKSAFE_REGISTRY_SIZE];
} forksafe__state;

/* One definition across all TUs (weak); zero-initialised, so no constructor. */
FORKSAFE_WEAK forksafe__state forksafe__g;

#define FORKSAFE__LD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define FORKSAFE__ST(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)

/* ---- process generation ------------------------------------------------ */

FORKSAFE_INLINE uint64_t forksafe__next_counter(void) {
  return __atomic_add_fetch(&forksafe__g.counter, 1, __ATOMIC_RELAXED);
}

/* atfork child handler (fallback mode): forget the generation. */
FORKSAFE_INLINE void forksafe__atfork_child(void) {
  __atomic_store_n(&forksafe__g.fallback_word, 0, __ATOMIC_RELAXED);
}

/* Map the page and arm it, BoringSSL style: first prove madvise rejects a
 * bogus advice (some emulators accept anything), then ask for WIPEONFORK. */
FORKSAFE_INLINE int forksafe__init(void) {
  int mode = __atomic_load_n(&forksafe__g.mode, __ATOMIC_ACQUIRE);
  if (mode != FORKSAFE_MODE_UNINIT) return mode;
#ifndef FORKSAFE_FORCE_FALLBACK
  {
    long psz = sysconf(_SC_PAGESIZE);
    size_t len = psz > 0 ? (size_t)psz : 4096;
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      if (madvise(p, len, -1) != 0 && madvise(p, len, MADV_WIPEONFORK) == 0) {
        uint64_t *w = (uint64_t *)p;
        uint64_t *expect = NULL;
        if (__atomic_compare_exchange_n(&forksafe__g.gen_word, &expect, w, 0,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
          /* a 0 word means "forked since last look"; the slow path fills it */
          __atomic_store_n(&forksafe__g.mode, FORKSAFE_MODE_WIPEONFORK, __ATOMIC_RELEASE);
          return FORKSAFE_MODE_WIPEONFORK;
        }
        munmap(p, len); /* another thread won the race and armed its page */
        return FORKSAFE_MODE_WIPEONFORK;
      }
      munmap(p, len);
    }
  }
#endif
  if (!__atomic_exchange_n(&forksafe__g.atfork_installed, 1, __ATOMIC_ACQ_REL))
    pthread_atfork(NULL, NULL, forksafe__atfork_child);
  __atomic_store_n(&forksafe__g.mode, FORKSAFE_MODE_ATFORK_GETPID, __ATOMIC_RELEASE);
  return FORKSAFE_MODE_ATFORK_GETPID;
}

/* Slow path: first use, first use after a fork, or fallback mode. Lock-free
 * (a lock could be held by a parent thread that does not exist in the child).
 * New generations come from a counter inherited across fork, so they only
 * grow along a line of descent: no descendant reuses an ancestor's value. */
__attribute__((noinline, unused)) static uint64_t forksafe__generation_slow(void) {
  int mode = forksafe__init();
  if (mode == FORKSAFE_MODE_WIPEONFORK) {
    uint64_t *w = __atomic_load_n(&forksafe__g.gen_word, __ATOMIC_ACQUIRE);
    for (;;) {
      uint64_t g = __atomic_load_n(w, __ATOMIC_ACQUIRE);
      if (g != 0) return g;
      uint64_t next = forksafe__next_counter();
      uint64_t zero = 0;
      if (__atomic_compare_exchange_n(w, &zero, next, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return next;
    }
  }
  {
    /* Fallback: the atfork handler zeroes the word in glibc fork() children;
     * the pid comparison catches raw clone/SYS_fork/_Fork children. A vfork
     * child shares our memory and may overwrite the word: `fallback_prev`
     * keeps the overwritten value so the parent can take its own back. */
    uint32_t pid = (uint32_t)getpid();
    for (;;) {
      uint64_t word = __atomic_load_n(&forksafe__g.fallback_word, __ATOMIC_ACQUIRE);
      uint64_t prev = __atomic_load_n(&forksafe__g.fallback_prev, __ATOMIC_ACQUIRE);
      uint64_t next;
      if (word != 0 && (uint32_t)word == pid) return word >> 32;
      if (word != 0 && prev != 0 && (uint32_t)prev == pid) {
        __atomic_compare_exchange_n(&forksafe__g.fallback_word, &word, prev, 0, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE);
        continue;
      }
      next = forksafe__next_counter() & 0xffffffffu;
      if (next == 0) next = forksafe__next_counter() & 0xffffffffu;
      if (word != 0) __atomic_store_n(&forksafe__g.fallback_prev, word, __ATOMIC_RELEASE);
      if (__atomic_compare_exchange_n(&forksafe__g.fallback_word, &word, (next << 32) | pid, 0,
                                      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return next;
    }
  }
}

/* The current process generation (never 0). Fast path: two loads and a test,
 * no syscall, no lock. Threads and vfork children share it, fork-like
 * children (fork, SYS_fork, clone without CLONE_VM, _Fork) get a new one. */
FORKSAFE_INLINE uint64_t forksafe__generation(void) {
  /* acquire pairs with the CAS that published the page (free on x86) */
  uint64_t *w = __atomic_load_n(&forksafe__g.gen_word, __ATOMIC_ACQUIRE);
  if (FORKSAFE_LIKELY(w != NULL)) {
    uint64_t g = FORKSAFE__LD(w);
    if (FORKSAFE_LIKELY(g != 0)) return g;
  }
  return forksafe__generation_slow();
}

FORKSAFE_INLINE int forksafe__mode(void) { return forksafe__init(); }

/* ---- report path (async-signal-safe: no malloc, no stdio, no locks) ----- */

typedef struct forksafe__buf {
  char *p;
  size_t len, cap;
} forksafe__buf;

FORKSAFE_INLINE void forksafe__puts(forksafe__buf *b, const char *s) {
  if (!s) s = "?";
  while (*s && b->len + 1 < b->cap) b->p[b->len++] = *s++;
}

FORKSAFE_INLINE void forksafe__putu(forksafe__buf *b, uint64_t v) {
  char tmp[24];
  int n = 0;
  do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n && b->len + 1 < b->cap) b->p[b->len++] = tmp[--n];
}

FORKSAFE_INLINE const char *forksafe__basename(const char *f) {
  const char *s = f;
  if (!f) return f;
  for (; *f; ++f)
    if (*f == '/') s = f + 1;
  return s;
}

FORKSAFE_INLINE void forksafe__write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    p += w;
    n -= (size_t)w;
  }
}

/* Builtin handler: print the message and let the call go on. */
FORKSAFE_INLINE void forksafe_handler_log_and_continue(const forksafe_violation *v, void *ctx) {
  (void)ctx;
  forksafe__write_all(2, v->message, v->message_len);
}

FORKSAFE_INLINE void forksafe__set_handler(forksafe_handler_fn fn, void *ctx) {
  __atomic_store_n(&forksafe__g.handler_ctx, ctx, __ATOMIC_RELAXED);
  __atomic_store_n(&forksafe__g.handler, fn, __ATOMIC_RELEASE);
}

/* Called when a handle is used in a process that did not create it. Writes
 * one line to stderr and aborts, unless a handler is installed; if the
 * handler returns, the caller goes on. */
__attribute__((noinline, cold, unused)) static void
forksafe__report(const void *handle, const forksafe__record *o, const char *func,
                 const char *call_file, int call_line, uint64_t gen) {
  int saved_errno = errno;
  char msg[1024];
  forksafe__buf b = {msg, 0, sizeof msg};
  forksafe_violation v;
  forksafe_handler_fn h;
  memset(&v, 0, sizeof v);
  v.func = func;
  v.call_file = call_file;
  v.call_line = call_line;
  v.handle = handle;
  v.kind = FORKSAFE__LD(&o->kind);
  v.name = FORKSAFE__LD(&o->name);
  v.file = FORKSAFE__LD(&o->file);
  v.line = FORKSAFE__LD(&o->line);
  v.owner_pid = FORKSAFE__LD(&o->pid);
  v.owner_generation = FORKSAFE__LD(&o->generation);
  v.pid = getpid();
  v.generation = gen;

  forksafe__puts(&b, "forksafe: ");
  forksafe__puts(&b, func);
  forksafe__puts(&b, "() called on ");
  forksafe__puts(&b, v.kind ? v.kind : "a");
  forksafe__puts(&b, " handle ");
  if (v.name) {
    forksafe__puts(&b, "'");
    forksafe__puts(&b, v.name);
    forksafe__puts(&b, "' ");
  }
  forksafe__puts(&b, "created at ");
  forksafe__puts(&b, forksafe__basename(v.file));
  forksafe__puts(&b, ":");
  forksafe__putu(&b, (uint64_t)(v.line < 0 ? 0 : v.line));
  forksafe__puts(&b, " by pid ");
  forksafe__putu(&b, (uint64_t)v.owner_pid);
  forksafe__puts(&b, " (generation ");
  forksafe__putu(&b, v.owner_generation);
  forksafe__puts(&b, "), but this is pid ");
  forksafe__putu(&b, (uint64_t)v.pid);
  forksafe__puts(&b, " (generation ");
  forksafe__putu(&b, gen);
  forksafe__puts(&b, ")");
  if (call_file) {
    forksafe__puts(&b, ", call at ");
    forksafe__puts(&b, forksafe__basename(call_file));
    forksafe__puts(&b, ":");
    forksafe__putu(&b, (uint64_t)(call_line < 0 ? 0 : call_line));
  }
  forksafe__puts(&b, ": a handle must not cross fork(); create it in each process "
                     "(forksafe::per_process) or reconnect after fork, and never close "
                     "the inherited one in the child\n");
  if (b.len + 1 >= b.cap) b.p[b.len - 1] = '\n';
  b.p[b.len] = '\0';
  v.message = msg;
  v.message_len = b.len;

  h = __atomic_load_n(&forksafe__g.handler, __ATOMIC_ACQUIRE);
  if (h) {
    h(&v, __atomic_load_n(&forksafe__g.handler_ctx, __ATOMIC_RELAXED));
    errno = saved_errno;
    return;
  }
  forksafe__write_all(2, msg, b.len);
  abort();
}

/* ---- ownership records --------------------------------------------------- */

FORKSAFE_INLINE void forksafe__owner_init(forksafe__record *o, const char *kind, const char *name,
                                          const char *file, int line) {
  FORKSAFE__ST(&o->generation, (uint64_t)0); /* readers treat 0 as "unrecorded" */
  FORKSAFE__ST(&o->pid, getpid());
  FORKSAFE__ST(&o->kind, kind);
  FORKSAFE__ST(&o->name, name);
  FORKSAFE__ST(&o->file, file);
  FORKSAFE__ST(&o->line, line);
  __atomic_store_n(&o->generation, forksafe__generation(), __ATOMIC_RELEASE);
}

/* 1 when the record belongs to this process (or was never recorded). */
FORKSAFE_INLINE int forksafe__owner_current(const forksafe__record *o) {
  uint64_t g = FORKSAFE__LD(&o->generation);
  return g == 0 || g == forksafe__generation();
}

/* Returns 1 if fine, 0 if foreign and the handler chose to continue. */
FORKSAFE_INLINE int forksafe__owner_check(const void *handle, const forksafe__record *o,
                                          const char *func, const char *file, int line) {
  uint64_t g = FORKSAFE__LD(&o->generation);
  uint64_t cur = forksafe__generation();
  if (FORKSAFE_LIKELY(g == cur || g == 0)) return 1;
  forksafe__report(handle, o, func, file, line, cur);
  return 0;
}

/* ---- registry: handle address -> owner record (lock-free, open addressing) */

FORKSAFE_INLINE size_t forksafe__hash(uintptr_t k) {
  uint64_t x = (uint64_t)k;
  x ^= x >> 29;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 32;
  return (size_t)x & (FORKSAFE_REGISTRY_SIZE - 1);
}

FORKSAFE_INLINE forksafe__record *forksafe__lookup(const void *h) {
  uintptr_t k = (uintptr_t)h;
  size_t i = forksafe__hash(k), n;
  if (k <= 1) return NULL;
  for (n = 0; n < FORKSAFE_REGISTRY_SIZE; ++n, i = (i + 1) & (FORKSAFE_REGISTRY_SIZE - 1)) {
    uintptr_t s = __atomic_load_n(&forksafe__g.slots[i].key, __ATOMIC_ACQUIRE);
    if (s == k) return &forksafe__g.slots[i].owner;
    if (s == 0) return NULL;
  }
  return NULL;
}

/* Record `h` as owned by this process (overwrites an older record, e.g. an
 * address reused by the allocator in a child). Returns 0 if the table is full:
 * the handle then simply goes unchecked. */
FORKSAFE_INLINE int forksafe__register(const void *h, const char *kind, const char *name,
                                       const char *file, int line) {
  uintptr_t k = (uintptr_t)h;
  forksafe__record *o = forksafe__lookup(h);
  size_t i = forksafe__hash(k), n;
  if (k <= 1) return 0;
  for (n = 0; !o && n < FORKSAFE_REGISTRY_SIZE; ++n, i = (i + 1) & (FORKSAFE_REGISTRY_SIZE - 1)) {
    uintptr_t s = __atomic_load_n(&forksafe__g.slots[i].key, __ATOMIC_ACQUIRE);
    if (s == k) o = &forksafe__g.slots[i].owner;
    else if ((s == 0 || s == 1) &&
             __atomic_compare_exchange_n(&forksafe__g.slots[i].key, &s, k, 0, __ATOMIC_ACQ_REL,
                                         __ATOMIC_ACQUIRE))
      o = &forksafe__g.slots[i].owner;
  }
  if (!o) return 0;
  forksafe__owner_init(o, kind, name, file, line);
  return 1;
}

FORKSAFE_INLINE void forksafe__unregister(const void *h) {
  forksafe__record *o = forksafe__lookup(h);
  if (!o) return;
  FORKSAFE__ST(&o->generation, (uint64_t)0);
  /* key -> tombstone; the slot struct is the first member, so back up */
  __atomic_store_n(&((forksafe__slot *)((char *)o - offsetof(forksafe__slot, owner)))->key,
                   (uintptr_t)1, __ATOMIC_RELEASE);
}

/* Check a registered handle; unknown handles pass. 1 = fine, 0 = foreign and
 * the handler returned. */
FORKSAFE_INLINE int forksafe__check_handle(const void *h, const char *func, const char *file,
                                           int line) {
  forksafe__record *o = forksafe__lookup(h);
  if (!o) return 1;
  return forksafe__owner_check(h, o, func, file, line);
}

/* 1 when `h` is registered and owned by another generation. */
FORKSAFE_INLINE int forksafe__is_foreign(const void *h) {
  forksafe__record *o = forksafe__lookup(h);
  return o && !forksafe__owner_current(o);
}

#ifdef __cplusplus
}
#endif
#endif /* FORKSAFE_DETAIL_CORE_H */
