#!/usr/bin/env bash
# Quick start, command 1: set up, build forksafe, and run it on the bundled
# example (a prefork server with the bug).
#   bash scripts/example.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
export CC=clang-19 CXX=clang++-19
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" --target forksafe -j "$(nproc)"
example="$root/integration/examples/prefork-server"
cmake -S "$example" -B "$root/build/example" -G Ninja >/dev/null
echo
echo "\$ forksafe -p build/example"
status=0
"$root/build/bin/forksafe" -p "$root/build/example" || status=$?
echo
if [ "$status" -eq 1 ]; then
  echo "forksafe found the bug above (exit code 1: findings)."
  exit 0
fi
echo "unexpected exit code $status from forksafe" >&2
exit 1
