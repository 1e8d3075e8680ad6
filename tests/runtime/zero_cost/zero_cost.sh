#!/usr/bin/env bash
# zero_cost.sh CC INCLUDE_DIR [LIB_CFLAGS...]: prove that the shims and the C
# API compile to nothing when off. calls.c is compiled plain and with
# `-include forksafe/shim/all.h` (NDEBUG, and FORKSAFE_DISABLE) at -O0 and
# -O2; the assembly must be byte-identical. As a control, the enabled build
# must differ (so the comparison can fail).
set -euo pipefail
cc=$1 inc=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
asm() { # out flags...
  local out=$1; shift
  "$cc" -std=c99 -g0 -fno-asynchronous-unwind-tables -I"$inc" "$@" -S -o "$tmp/$out"
}
for opt in -O0 -O2; do
  asm plain$opt.s "$opt" -DNDEBUG "$@" "$here/calls.c"
  asm ndebug$opt.s "$opt" -DNDEBUG -include forksafe/shim/all.h "$@" "$here/calls.c"
  asm disable$opt.s "$opt" -DFORKSAFE_DISABLE -include forksafe/shim/all.h "$@" "$here/calls.c"
  asm enabled$opt.s "$opt" -DFORKSAFE_ENABLE -include forksafe/shim/all.h "$@" "$here/calls.c"
  for v in ndebug disable; do
    if cmp -s "$tmp/plain$opt.s" "$tmp/$v$opt.s"; then
      echo "ok: shimmed calls ($v, $opt) identical to plain calls ($(grep -c 'call' "$tmp/plain$opt.s") calls)"
    else
      echo "FAIL: shimmed calls ($v, $opt) differ from plain calls:"; diff "$tmp/plain$opt.s" "$tmp/$v$opt.s" | head -20
      fail=1
    fi
  done
  if cmp -s "$tmp/plain$opt.s" "$tmp/enabled$opt.s"; then
    echo "FAIL: enabled build ($opt) is identical to plain: the comparison proves nothing"; fail=1
  fi
  asm api_off$opt.s "$opt" -DNDEBUG "$here/api.c"
  asm api_on$opt.s "$opt" -DFORKSAFE_ENABLE "$here/api.c"
  if grep -qi forksafe "$tmp/api_off$opt.s"; then
    echo "FAIL: C API under NDEBUG ($opt) left forksafe code or data:"; grep -i forksafe "$tmp/api_off$opt.s" | head; fail=1
  else
    echo "ok: C API under NDEBUG ($opt) emits no forksafe code or data"
  fi
  grep -qi forksafe "$tmp/api_on$opt.s" || { echo "FAIL: enabled C API ($opt) emitted nothing"; fail=1; }
done
exit $fail
