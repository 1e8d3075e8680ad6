/* forksafe/runtime.h: catch a database handle used in a process that did not
 * create it (i.e. carried across fork()).
 *
 * Checks are on in debug builds and compile to nothing when NDEBUG or
 * FORKSAFE_DISABLE is defined. FORKSAFE_ENABLE forces them on under NDEBUG
 * (FORKSAFE_DISABLE wins over both).
 *
 * C API (all macros, so call sites record __FILE__/__LINE__):
 *   forksafe_owner o;
 *   FORKSAFE_OWNER_INIT(&o, "MYSQL", "conn");   record: this process owns it
 *   FORKSAFE_CHECK(&o, "mysql_query");          abort if used in another process
 *   FORKSAFE_REGISTER(h, "MYSQL", "conn");      same, keyed by handle address
 *   FORKSAFE_CHECK_HANDLE(h, "mysql_query");    unregistered handles pass
 *   FORKSAFE_UNREGISTER(h);
 *   forksafe_set_handler(fn, ctx);              replace write+abort
 *   forksafe_generation()                       current process generation
 */
#ifndef FORKSAFE_RUNTIME_H
#define FORKSAFE_RUNTIME_H

#if defined(FORKSAFE_DISABLE)
#define FORKSAFE_ENABLED 0
#elif defined(FORKSAFE_ENABLE)
#define FORKSAFE_ENABLED 1
#elif defined(NDEBUG)
#define FORKSAFE_ENABLED 0
#else
#define FORKSAFE_ENABLED 1
#endif

#if FORKSAFE_ENABLED
#include "detail/core.h"

typedef forksafe__record forksafe_owner; /* ownership record of one handle */

#define forksafe_generation() forksafe__generation()
#define forksafe_detection_mode() forksafe__mode()
#define forksafe_set_handler(fn, ctx) forksafe__set_handler((fn), (ctx))

#define FORKSAFE_OWNER_INIT(o, kind, name) forksafe__owner_init((o), (kind), (name), __FILE__, __LINE__)
#define FORKSAFE_OWNER_IS_CURRENT(o) forksafe__owner_current(o)
#define FORKSAFE_CHECK(o, func) ((void)forksafe__owner_check((o), (o), (func), __FILE__, __LINE__))

#define FORKSAFE_REGISTER(h, kind, name) ((void)forksafe__register((h), (kind), (name), __FILE__, __LINE__))
#define FORKSAFE_UNREGISTER(h) forksafe__unregister(h)
#define FORKSAFE_CHECK_HANDLE(h, func) ((void)forksafe__check_handle((h), (func), __FILE__, __LINE__))
#define FORKSAFE_IS_FOREIGN(h) forksafe__is_foreign(h)

#else /* checks compiled out: no code, no data */

#include <stdint.h>
typedef struct forksafe_owner { char unused_; } forksafe_owner;
#define forksafe_generation() ((uint64_t)0)
#define forksafe_detection_mode() 0
#define forksafe_set_handler(fn, ctx) ((void)0)
#define FORKSAFE_OWNER_INIT(o, kind, name) ((void)0)
#define FORKSAFE_OWNER_IS_CURRENT(o) 1
#define FORKSAFE_CHECK(o, func) ((void)0)
#define FORKSAFE_REGISTER(h, kind, name) ((void)0)
#define FORKSAFE_UNREGISTER(h) ((void)0)
#define FORKSAFE_CHECK_HANDLE(h, func) ((void)0)
#define FORKSAFE_IS_FOREIGN(h) 0

#endif
#endif /* FORKSAFE_RUNTIME_H */
