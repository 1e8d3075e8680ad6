#!/usr/bin/env bash
# Scale test (not run by CI): a generated C program of $SCALE_TUS TUs and
# 10 functions each (default 5,000 TUs, 50,000 functions, 55,000 globals, deep
# call chains, recursion, function pointers, MySQL handles connected before
# fork() and queried in the children), analysed with forksafe -j1 and -j2
# (no cache). Checks that both finish, records wall time and peak RSS, and
# that the findings are identical (diff).
#
#   bash integration/benchmark/scale.sh
#
# Knobs: SCALE_TUS (5000), BENCH_DIR (/tmp/bench), FORKSAFE
# (/tmp/bench-build/bin/forksafe; run.sh builds it), FS_TIMEOUT (3600 s),
# MEM_LIMIT_KB (12 GiB).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/bench}
SCALE_TUS=${SCALE_TUS:-5000}
FORKSAFE=${FORKSAFE:-/tmp/bench-build/bin/forksafe}
FS_TIMEOUT=${FS_TIMEOUT:-3600}       # per forksafe run; a killed run exits 137
MEM_LIMIT_KB=${MEM_LIMIT_KB:-12582912} # address space per run (no OOM killer)
[ -x "$FORKSAFE" ] || { echo "scale.sh: no forksafe at $FORKSAFE (run run.sh first or set FORKSAFE)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "scale.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

prog="$BENCH_DIR/scale-$SCALE_TUS"
# The program is reused only if the same generator made it: a program left
# by an older gen-scale.py (whose children never reached a query) once made
# "0 findings" look like an analysis bug.
stamp="$(sha256sum "$here/gen-scale.py" | cut -c1-16) --tus $SCALE_TUS"
if [ "$(cat "$prog/.done" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$prog"
  python3 "$here/gen-scale.py" "$prog" --tus "$SCALE_TUS"
  echo "$stamp" > "$prog/.done"
fi
out="$BENCH_DIR/scale-out-$SCALE_TUS"
rm -rf "$out"
mkdir -p "$out"
for j in 1 2; do
  echo "== forksafe -j$j on $SCALE_TUS generated TUs" >&2
  (ulimit -v "$MEM_LIMIT_KB"
   python3 "$here/measure.py" --label "j$j" --stdout "$out/j$j.out" --stderr "$out/j$j.err" -- \
     timeout -s KILL "$FS_TIMEOUT" "$FORKSAFE" -p "$prog" --no-cache -j "$j") | tee "$out/m-j$j.json"
done
n1=$(grep -c ': warning: ' "$out/j1.out" || true)
n2=$(grep -c ': warning: ' "$out/j2.out" || true)
rc1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rc"])' "$out/m-j1.json")
rc2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rc"])' "$out/m-j2.json")
if [ "$rc1" -gt 1 ] || [ "$rc2" -gt 1 ]; then
  same="not comparable: a run did not finish (exit $rc1 / $rc2; 137 = killed at FS_TIMEOUT, 139 = SIGSEGV)"
elif diff -q "$out/j1.out" "$out/j2.out" >/dev/null; then same=identical; else same=DIFFERENT; fi
python3 - "$out" "$SCALE_TUS" "$n1" "$n2" "$same" <<'EOF' | tee "$out/results.md"
import json, os, sys
out, tus, n1, n2, same = sys.argv[1:6]
print("| run (%s TUs) | wall s | user s | sys s | exit | coordinator peak | run peak (coord. or worker) | findings |" % tus)
print("|---|---|---|---|---|---|---|---|")
for j, n in (("1", n1), ("2", n2)):
    m = json.load(open(os.path.join(out, "m-j%s.json" % j)))
    print("| forksafe -j%s | %.1f | %.1f | %.1f | %s | %.0f MiB | %.0f MiB | %s |" % (
        j, m["wall"], m["user"], m["sys"], m["rc"], m["coordinator_hwm_kb"] / 1024,
        m["max_rss_kb"] / 1024, n))
print("\nfindings at -j1 and -j2: %s" % same)
EOF
[ "$same" = identical ]
