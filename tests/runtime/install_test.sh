#!/usr/bin/env bash
# install_test.sh CMAKE RUNTIME_BINARY_DIR CC: install only checker/runtime
# into a temp prefix, then build a C program against it through the
# installed pkg-config file (headers under <forksafe/...>).
set -euo pipefail
cmake=$1 bindir=$2 cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cmake" -DCMAKE_INSTALL_PREFIX="$tmp/prefix" -P "$bindir/cmake_install.cmake" >/dev/null
pc=$(find "$tmp/prefix" -name forksafe-runtime.pc | head -1)
[ -n "$pc" ] || { echo "FAIL: forksafe-runtime.pc not installed"; exit 1; }
for h in runtime.h guarded.hpp shim/mysql.h shim/libpq.h shim/sqlite3.h shim/hiredis.h shim/all.h; do
  [ -f "$tmp/prefix/include/forksafe/$h" ] || { echo "FAIL: forksafe/$h not installed"; exit 1; }
done
cat > "$tmp/app.c" <<'C'
#include <forksafe/runtime.h>
int main(void) {
  forksafe_owner o;
  FORKSAFE_OWNER_INIT(&o, "T", "o");
  FORKSAFE_CHECK(&o, "use");
  return forksafe_generation() == 0;
}
C
flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs forksafe-runtime)
"$cc" -std=c99 "$tmp/app.c" $flags -o "$tmp/app"
"$tmp/app"
echo "ok: installed headers and forksafe-runtime.pc ($flags)"
