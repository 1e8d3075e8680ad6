#!/usr/bin/env bash
# cmake --install into a fresh prefix; a downstream project uses it.
set -euo pipefail
work=$1
: "${CMAKE_COMMAND:=cmake}" "${FORKSAFE_BUILD_DIR:?}"
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work"; mkdir -p "$work"
prefix="$work/prefix"
"$CMAKE_COMMAND" --install "$FORKSAFE_BUILD_DIR" --prefix "$prefix" >"$work/install.log" \
  || { cat "$work/install.log"; fail "cmake --install"; }
for f in bin/forksafe share/forksafe/rules/mysql.json include/forksafe/runtime.h \
         lib/cmake/forksafe/forksafeConfig.cmake lib/cmake/forksafe/forksafeConfigVersion.cmake \
         lib/cmake/forksafe/forksafeTargets.cmake lib/cmake/forksafe/ForksafeCheck.cmake \
         lib/pkgconfig/forksafe-runtime.pc; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
bash "$here/downstream.sh" "$prefix" "$work/downstream"
