#!/usr/bin/env bash
# Quick start, command 2: set up, build and run every test (the CI entry point).
#   bash scripts/test.sh
# Builds into build/ (normal) and build-asan/ (the checker under ASan+UBSan,
# and its libFuzzer targets), runs ctest in both, then fuzzes each target
# for 60 s (FORKSAFE_FUZZ_SECONDS; FORKSAFE_SKIP_FUZZ=1 skips it), then
# builds the CLI under ThreadSanitizer (build-tsan/) and runs the lit tests
# of its threaded and -j paths (FORKSAFE_SKIP_TSAN=1 skips it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
jobs=$(nproc)
export CC=clang-19 CXX=clang++-19
# setup.sh installed the real headers: a real-header test that finds them
# missing fails instead of being skipped (tests/frameworks/real-headers).
export FORKSAFE_REQUIRE_REAL_HEADERS=1

cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j "$jobs"
(cd "$root/build" && ctest --output-on-failure -j "$jobs")

if [ "${FORKSAFE_SKIP_ASAN:-0}" != 1 ]; then
  cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DFORKSAFE_SANITIZE=address,undefined >/dev/null
  cmake --build "$root/build-asan" -j "$jobs"
  (cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     ctest --output-on-failure -j "$jobs" -L checker)
  # The libFuzzer targets built in build-asan, briefly (docs/fuzzing.md).
  if [ "${FORKSAFE_SKIP_FUZZ:-0}" != 1 ]; then
    bash "$root/scripts/fuzz.sh" "${FORKSAFE_FUZZ_SECONDS:-60}"
  fi
fi

# ThreadSanitizer over the code that runs threads or -j workers: 'forksafe
# link' parses facts files on -j threads, the analysis runs on its own
# thread, extraction forks -j workers. Only the CLI is built (a sanitizer
# that sees races needs no plugin or fuzzers); the lit tests of those paths
# run with it.
if [ "${FORKSAFE_SKIP_TSAN:-0}" != 1 ]; then
  cmake -S "$root" -B "$root/build-tsan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DFORKSAFE_SANITIZE=thread -DFORKSAFE_FUZZ=OFF >/dev/null
  cmake --build "$root/build-tsan" -j "$jobs" --target forksafe
  TSAN_OPTIONS=halt_on_error=1 python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv \
    --filter 'whole-program/|cli/|hardening/' "$root/build-tsan/tests"
fi
