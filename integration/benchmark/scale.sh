#!/usr/bin/env bash
# Scale test (scripts/test.sh runs it): a generated C program of $SCALE_TUS
# TUs and 10 functions each (default 5,000 TUs, 50,000 functions, 55,000
# globals, deep call chains, recursion, function pointers, MySQL handles
# connected before fork() and queried in the children), analysed with
# forksafe at each -j in $SCALE_JOBS (no cache). Fails unless every run
# finishes, peak RSS stays under MAX_RSS_MB, every run reports exactly the
# findings the generator planted (one per handle), and the runs' outputs are
# identical (diff). Records wall time and peak RSS in results.md.
#
#   bash integration/benchmark/scale.sh
#
# Knobs: SCALE_TUS (5000), SCALE_JOBS ("1 2"), BENCH_DIR (/tmp/bench),
# FORKSAFE (/tmp/bench-build/bin/forksafe; run.sh builds it), FS_TIMEOUT
# (3600 s), MEM_LIMIT_KB (12 GiB, address space), MAX_RSS_MB (2048).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/bench}
SCALE_TUS=${SCALE_TUS:-5000}
SCALE_JOBS=${SCALE_JOBS:-1 2}
MAX_RSS_MB=${MAX_RSS_MB:-2048}
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
expected=$(cat "$prog/expected-findings")
for j in $SCALE_JOBS; do
  echo "== forksafe -j$j on $SCALE_TUS generated TUs" >&2
  (ulimit -v "$MEM_LIMIT_KB"
   python3 "$here/measure.py" --label "j$j" --stdout "$out/j$j.out" --stderr "$out/j$j.err" -- \
     timeout -s KILL "$FS_TIMEOUT" "$FORKSAFE" -p "$prog" --no-cache -j "$j") | tee "$out/m-j$j.json"
done
python3 - "$out" "$SCALE_TUS" "$expected" "$MAX_RSS_MB" $SCALE_JOBS <<'EOF' | tee "$out/results.md"
import json, os, sys
out, tus, expected, max_rss = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
jobs = sys.argv[5:]
print("| run (%s TUs) | wall s | user s | sys s | exit | coordinator peak | run peak (coord. or worker) | findings |" % tus)
print("|---|---|---|---|---|---|---|---|")
problems, outputs = [], {}
for j in jobs:
    m = json.load(open(os.path.join(out, "m-j%s.json" % j)))
    text = open(os.path.join(out, "j%s.out" % j)).read()
    outputs[j] = text
    n = text.count(": warning: ")
    peak = m["max_rss_kb"] / 1024
    print("| forksafe -j%s | %.1f | %.1f | %.1f | %s | %.0f MiB | %.0f MiB | %d |" % (
        j, m["wall"], m["user"], m["sys"], m["rc"], m["coordinator_hwm_kb"] / 1024, peak, n))
    if m["rc"] != 1:  # 1: findings; 137 = killed at FS_TIMEOUT, 139 = SIGSEGV
        problems.append("-j%s exited with %s" % (j, m["rc"]))
    if n != expected:
        problems.append("-j%s reported %d findings, %d planted" % (j, n, expected))
    if peak > max_rss:
        problems.append("-j%s peaked at %.0f MiB > %d MiB" % (j, peak, max_rss))
if len(set(outputs.values())) > 1:
    problems.append("the outputs at %s differ" % ", ".join("-j" + j for j in jobs))
print("\nplanted findings: %d; %s" % (expected, "; ".join(problems) if problems else
      "every run found all of them, under %d MiB, identical output" % max_rss))
sys.exit(1 if problems else 0)
EOF
