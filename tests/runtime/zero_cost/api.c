/* The C API used directly. Under NDEBUG the assembly must not mention
 * forksafe at all (no code, no data); with FORKSAFE_ENABLE it must. */
#include <forksafe/runtime.h>

struct conn { forksafe_owner owner; int fd; };

int query(struct conn *c) {
  FORKSAFE_CHECK(&c->owner, "query");
  FORKSAFE_CHECK_HANDLE(c, "query");
  return c->fd;
}

void open_conn(struct conn *c) {
  FORKSAFE_OWNER_INIT(&c->owner, "conn", "c");
  FORKSAFE_REGISTER(c, "conn", "c");
  c->fd = 3;
}
