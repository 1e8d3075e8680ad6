#!/usr/bin/env bash
# Build (if needed) and run the check benchmark, then print ns/check and the
# ratio vs getpid(). Uses build-bench/ at the repo root unless BUILD_DIR is set.
#   bash tests/runtime/bench/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
if [ ! -f "$build/build.ninja" ]; then
  CC=${CC:-clang-19} CXX=${CXX:-clang++-19} cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DFORKSAFE_BUILD_CHECKER=OFF >/dev/null
fi
cmake --build "$build" -j 2 --target rt_bench >/dev/null
bin=$(find "$build" -name rt_bench -type f -perm -u+x | head -1)
json=$(mktemp)
trap 'rm -f "$json"' EXIT
"$bin" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
       --benchmark_out="$json" --benchmark_out_format=json
python3 - "$json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ns = {b["run_name"]: b["real_time"] for b in d["benchmarks"] if b.get("aggregate_name") == "median"}
def g(n): return ns.get(n)
print()
print("median ns per iteration (%s, %d cpus)" % (d["context"].get("host_name", "?"), d["context"]["num_cpus"]))
for k, v in ns.items(): print("  %-32s %8.2f" % (k, v))
base = g("BM_loop_nocheck")
for name in ("BM_loop_forksafe_owner", "BM_loop_forksafe_registry"):
    if g(name) is None: continue
    c = g(name) - base
    print("%s: %.2f ns/check over the empty loop; getpid() check %.1f ns: %.0fx faster (%.0fx per iteration)"
          % (name, c, g("BM_loop_getpid") - base, (g("BM_loop_getpid") - base) / max(c, 0.01),
             g("BM_loop_getpid") / g(name)))
if g("BM_call_nocheck"):
    c = g("BM_call_forksafe_registry") - g("BM_call_nocheck")
    p = g("BM_call_getpid") - g("BM_call_nocheck")
    print("before sqlite3_get_autocommit(): forksafe +%.2f ns, getpid +%.1f ns (%.0fx)" % (c, p, p / max(c, 0.01)))
PY
