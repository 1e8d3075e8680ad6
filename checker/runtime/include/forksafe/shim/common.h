/* Helpers shared by the drop-in shims. Not for direct use. */
#ifndef FORKSAFE_SHIM_COMMON_H
#define FORKSAFE_SHIM_COMMON_H
#include "../runtime.h"

#if FORKSAFE_ENABLED
/* Typed "check, then hand the handle back", so a shim macro can wrap the
 * handle argument in place and evaluate it exactly once. */
#define FORKSAFE__SHIM_CHECKER(T, fname)                                                  \
  FORKSAFE_INLINE T *fname(T *h, const char *func, const char *file, int line) {          \
    if (h) forksafe__check_handle(h, func, file, line);                                   \
    return h;                                                                              \
  }

/* Typed "register the result of a connect call if it is a live handle". */
#define FORKSAFE__SHIM_REGISTRAR(T, fname, kind, ok_expr)                                  \
  FORKSAFE_INLINE T *fname(T *h, const char *name, const char *file, int line) {          \
    if (h && (ok_expr)) {                                                                  \
      if (name && name[0] == '&') ++name;                                                  \
      forksafe__register(h, kind, name, file, line);                                      \
    }                                                                                      \
    return h;                                                                              \
  }

/* Before a library close/free: 1 = go ahead (and forget the handle); 0 = the
 * handle belongs to another process and the handler chose to continue, so
 * the caller must abandon it (the library's close would talk on the parent's
 * socket or, for SQLite, delete files under the parent). */
FORKSAFE_INLINE int forksafe__shim_close(const void *h, const char *func, const char *file,
                                         int line) {
  forksafe__record *o = h ? forksafe__lookup(h) : NULL;
  if (!o) return 1;
  if (!forksafe__owner_check(h, o, func, file, line)) return 0;
  forksafe__unregister(h);
  return 1;
}
#endif
#endif /* FORKSAFE_SHIM_COMMON_H */
