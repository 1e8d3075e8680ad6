#!/usr/bin/env bash
# Configure and build integration/cmake/example against the forksafe
# installed at PREFIX, then run its check targets:
#   server_fixed-forksafe (in ALL) passes, server_bug-forksafe fails with the
#   finding, and the forksafe used is PREFIX's.
#   downstream.sh PREFIX WORKDIR
set -euo pipefail
prefix=$1 work=$2
: "${CMAKE_COMMAND:=cmake}" "${CC:=cc}" "${DOWNSTREAM_EXAMPLE:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work"
# Only PREFIX may provide forksafe: no package registry, no system install.
"$CMAKE_COMMAND" -S "$DOWNSTREAM_EXAMPLE" -B "$work" -G Ninja \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF \
  -DCMAKE_SYSTEM_PREFIX_PATH="$prefix" >"$work.configure.log" 2>&1 \
  || { cat "$work.configure.log"; fail "configure of the downstream project"; }
grep -q "forksafe_DIR:PATH=$prefix/" "$work/CMakeCache.txt" \
  || fail "find_package(forksafe) did not find $prefix: $(grep forksafe_DIR "$work/CMakeCache.txt")"
grep -q "$prefix/bin/forksafe -p" "$work/build.ninja" \
  || fail "the check targets do not run $prefix/bin/forksafe"
# forksafe::runtime gives the include directory of the installed headers.
grep -q -- "-I$prefix/include\|-isystem $prefix/include" "$work/build.ninja" \
  || fail "forksafe::runtime does not add $prefix/include"

# Default build: compiles everything and runs server_fixed-forksafe (ALL).
"$CMAKE_COMMAND" --build "$work" >"$work.build.log" 2>&1 \
  || { cat "$work.build.log"; fail "default build (with server_fixed-forksafe) failed"; }
grep -q "forksafe: checking server_fixed" "$work.build.log" \
  || { cat "$work.build.log"; fail "server_fixed-forksafe did not run in the default build"; }

# The buggy server: the check target fails and names the handle.
if "$CMAKE_COMMAND" --build "$work" --target server_bug-forksafe >"$work.bug.log" 2>&1; then
  cat "$work.bug.log"; fail "server_bug-forksafe succeeded on the buggy source"
fi
grep -q "db.c:.*warning: 'g_db' (MySQL/MariaDB C API) is connected when the process forks.*\[forksafe-inherited-handle\]" "$work.bug.log" \
  || { cat "$work.bug.log"; fail "server_bug-forksafe failed without the finding"; }
# Whole program across targets: the fork is in server_bug.c, the handle in libdb.
grep -q "server_bug.c:.*note: fork() forks here" "$work.bug.log" \
  || { cat "$work.bug.log"; fail "the finding does not point at the fork in server_bug.c"; }

# The fixed server passes.
"$CMAKE_COMMAND" --build "$work" --target server_fixed-forksafe >"$work.fixed.log" 2>&1 \
  || { cat "$work.fixed.log"; fail "server_fixed-forksafe failed on the fixed source"; }
echo "downstream OK against $prefix"
