/* Compile test: every header in strict C99, with checks on and off. */
#include <forksafe/runtime.h>
#include <forksafe/shim/all.h>

int compile_test_c(void);
int compile_test_c(void) {
  forksafe_owner o;
  FORKSAFE_OWNER_INIT(&o, "T", "o");
  FORKSAFE_CHECK(&o, "use");
  FORKSAFE_REGISTER(&o, "T", "o");
  FORKSAFE_CHECK_HANDLE(&o, "use");
  FORKSAFE_UNREGISTER(&o);
  (void)o;
  return forksafe_generation() != 0 && FORKSAFE_OWNER_IS_CURRENT(&o);
}
