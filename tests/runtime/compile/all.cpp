// Compile test: every header in strict C++11, with checks on and off.
#include <forksafe/guarded.hpp>
#include <forksafe/runtime.h>
#include <forksafe/shim/all.h>

int compile_test_cxx();
int compile_test_cxx() {
  forksafe_owner o;
  FORKSAFE_OWNER_INIT(&o, "T", "o");
  FORKSAFE_CHECK(&o, "use");
  (void)o;
  int v = 1;
  forksafe::guarded<int *> g(&v, "v");
  forksafe::per_process<int> p([] { return 7; });
  return *g.get() + p.get() + static_cast<int>(forksafe::generation() != 0);
}
