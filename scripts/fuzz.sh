#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60) and fails on the
# first crash, leak, timeout or violated property. CI runs it after the ASan
# tests (scripts/test.sh); docs/fuzzing.md has the long local run.
#   bash scripts/fuzz.sh [SECONDS]
# Environment:
#   FORKSAFE_FUZZ_BUILD    build directory with bin/fuzz/ (default build-asan)
#   FORKSAFE_FUZZ_TARGETS  targets to run (default: all four)
#   FORKSAFE_FUZZ_OUT      where crashing inputs are kept (default
#                          BUILD/fuzz-artifacts)
# Each target starts from a temporary copy of its seed corpus and past
# crashes (tests/fuzz/corpus/T, tests/fuzz/regressions/T): nothing is
# written into the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${FORKSAFE_FUZZ_BUILD:-$root/build-asan}
targets=${FORKSAFE_FUZZ_TARGETS:-RuleLoader FactsLoader CompileCommands ReportEscaping}
out=${FORKSAFE_FUZZ_OUT:-$build/fuzz-artifacts}

work=$(mktemp -d "${TMPDIR:-/tmp}/forksafe-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=0
for t in $targets; do
  exe=$build/bin/fuzz/Fuzz$t
  if [ ! -x "$exe" ]; then
    echo "fuzz.sh: $exe missing: configure with -DFORKSAFE_SANITIZE=address,undefined" \
         "(clang), see docs/fuzzing.md" >&2
    exit 2
  fi
  corpus=$work/$t
  mkdir -p "$corpus"
  cp "$root/tests/fuzz/corpus/$t/"* "$corpus/"
  if [ -d "$root/tests/fuzz/regressions/$t" ]; then
    cp "$root/tests/fuzz/regressions/$t/"* "$corpus/"
  fi
  args=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560
        -print_final_stats=1 -artifact_prefix="$out/$t-")
  if [ -f "$root/tests/fuzz/dict/$t.dict" ]; then
    args+=(-dict="$root/tests/fuzz/dict/$t.dict")
  fi
  start=$(date +%s)
  if (cd "$work" && "$exe" "${args[@]}" "$corpus" > "$work/$t.log" 2>&1); then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
    echo "fuzz $t: ok, ${runs:-?} inputs in $(( $(date +%s) - start )) s," \
         "corpus $(ls "$corpus" | wc -l) files"
  else
    failed=1
    echo "fuzz $t: FAILED after $(( $(date +%s) - start )) s; the end of its log:"
    tail -n 80 "$work/$t.log"
    echo "fuzz $t: the input is in $out/ (ls -t $out | head). Fix the bug, then"
    echo "  copy the input to tests/fuzz/regressions/$t/ (docs/fuzzing.md)."
  fi
done
exit $failed
