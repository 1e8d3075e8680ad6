#!/usr/bin/env bash
# forksafe on real code, side by side with the baselines, in one run.
#
#   bash integration/benchmark/run.sh
#
# Not run by CI. Idempotent: every step whose result is already there is
# skipped (sources, build, compile_commands.json, forksafe binary, synthetic
# facts). Needs root or sudo for apt-get. Work directory: $BENCH_DIR
# (default /tmp/bench), never inside the repository.
#
# What it does:
#   1. enables Debian source packages (a deb-src copy of debian.sources) if
#      none are configured, installs scripts/packages/benchmark.txt;
#   2. builds forksafe (Release, clang-19) into $FORKSAFE_BUILD unless
#      $FORKSAFE names a binary;
#   3. 'apt-get source $PKG=$VERSION' (default: git 1:2.39.5-0+deb12u3 from
#      bookworm), 'apt-get build-dep', 'bear -- make -j$JOBS' for
#      compile_commands.json;
#   4. back to back, at the same -j: cold forksafe (empty cache), clang-19
#      -fsyntax-only over the same commands, clang-tidy-19 with
#      bugprone-signal-handler over the same TUs, warm forksafe (nothing
#      changed); peak RSS of the forksafe coordinator, of the whole run
#      (coordinator or largest worker) and of clang on the largest TU;
#   5. 'forksafe link' alone on $SYNTH_TUS synthetic TUs' facts
#      (gen-facts.py) in two shapes: handles as dense as in git (8, the
#      measured target) and the generator's default (500 handles, a database
#      used everywhere: how the link scales with handles); time and peak RSS;
#   6. prints the table (also written to $BENCH_DIR/results.md) and exits 0.
#
# Knobs (environment): JOBS (2), BENCH_DIR, PKG, VERSION, BUILD_CMD (the build
# command run under bear, default 'make -j$JOBS all'), CCDB (bear | dry-run),
# PREP_CMD (dry-run: builds generated headers; default: git's), ROUNDS (1: each
# measurement is repeated ROUNDS times, interleaved, and the minimum kept),
# SYNTH_TUS (10000), FORKSAFE, FORKSAFE_BUILD (/tmp/bench-build),
# MEM_LIMIT_KB (12 GiB address space per measured command), FS_TIMEOUT (1800 s
# for each whole forksafe run), LINK_TIMEOUT (600 s for each link alone).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
JOBS=${JOBS:-2}
BENCH_DIR=${BENCH_DIR:-/tmp/bench}
PKG=${PKG:-git}
VERSION=${VERSION:-1:2.39.5-0+deb12u3}
BUILD_CMD=${BUILD_CMD:-make -j$JOBS all}
# bear: compile everything under bear (the default). dry-run: no compiling,
# compile_commands.json from 'make -n' (dryrun-ccdb.py) after PREP_CMD builds
# the generated headers: minutes instead of an hour on a loaded 2-core box.
CCDB=${CCDB:-bear}
PREP_CMD=${PREP_CMD:-make command-list.h config-list.h hook-list.h GIT-VERSION-FILE}
ROUNDS=${ROUNDS:-1}
SYNTH_TUS=${SYNTH_TUS:-10000}
FORKSAFE_BUILD=${FORKSAFE_BUILD:-/tmp/bench-build}
FORKSAFE=${FORKSAFE:-$FORKSAFE_BUILD/bin/forksafe}

log() { printf '\n== %s\n' "$*" >&2; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
mkdir -p "$BENCH_DIR"
case "$BENCH_DIR" in "$repo"/*) echo "BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac

# --- 1. packages and source repositories ------------------------------------
need=()
for p in $(cat "$repo"/scripts/packages/core.txt "$repo"/scripts/packages/benchmark.txt |
           sed -e 's/#.*//' | tr -s '[:space:]' '\n' | grep -v '^$' | sort -u); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  log "enabling Debian source packages"
  src=/etc/apt/sources.list.d/debian.sources
  sed 's/^Types: deb$/Types: deb-src/' "$src" |
    $sudo tee /etc/apt/sources.list.d/forksafe-bench-src.sources >/dev/null
  $sudo apt-get update -qq
elif ! apt-cache showsrc "$PKG" 2>/dev/null | grep -q '^Version:'; then
  $sudo apt-get update -qq
fi
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# --- 2. forksafe --------------------------------------------------------------
if [ ! -x "$FORKSAFE" ]; then
  log "building forksafe into $FORKSAFE_BUILD"
  cmake -S "$repo" -B "$FORKSAFE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
  cmake --build "$FORKSAFE_BUILD" --target forksafe -j"$JOBS"
fi

# --- 3. the benchmarked package -------------------------------------------------
srcroot="$BENCH_DIR/src-$PKG"
mkdir -p "$srcroot"
srcdir=$(find "$srcroot" -mindepth 1 -maxdepth 1 -type d -print -quit)
if [ -z "$srcdir" ]; then
  log "apt-get source $PKG=$VERSION"
  (cd "$srcroot" && apt-get source -q "$PKG=$VERSION")
  srcdir=$(find "$srcroot" -mindepth 1 -maxdepth 1 -type d -print -quit)
fi
if [ ! -s "$srcdir/compile_commands.json" ]; then
  log "apt-get build-dep $PKG=$VERSION"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get build-dep -y -qq "$PKG=$VERSION" >/dev/null
  if [ "$CCDB" = dry-run ]; then
    # No compiling: the commands 'make -n' prints (what bear would record),
    # after building the generated headers the sources include.
    log "compile_commands.json from 'make -n' (CCDB=dry-run); generated files: $PREP_CMD"
    (cd "$srcdir" && $PREP_CMD >"$BENCH_DIR/build-$PKG.log" 2>&1 &&
       $BUILD_CMD -n 2>>"$BENCH_DIR/build-$PKG.log" |
       python3 "$here/dryrun-ccdb.py" . >compile_commands.json.tmp &&
       mv compile_commands.json.tmp compile_commands.json)
  else
    log "building $PKG under bear: $BUILD_CMD"
    (cd "$srcdir" && bear -- $BUILD_CMD >"$BENCH_DIR/build-$PKG.log" 2>&1)
  fi
fi
DB="$srcdir"
ntu=$(python3 -c 'import json,os,sys; print(len({os.path.normpath(os.path.join(e["directory"],e["file"])) for e in json.load(open(sys.argv[1]))}))' "$DB/compile_commands.json")
log "$PKG $VERSION: $ntu translation units in $DB/compile_commands.json"

# --- 4. side by side ------------------------------------------------------------
out="$BENCH_DIR/out"
# REUSE_BASELINES=1: keep the clang/clang-tidy measurements of the previous
# run (same machine, same day) and measure forksafe again.
[ "${REUSE_BASELINES:-0}" = 1 ] || rm -rf "$out"
mkdir -p "$out"
have() { [ "${REUSE_BASELINES:-0}" = 1 ] && [ -s "$1" ]; }
cache="$BENCH_DIR/fs-cache"
# Every measured command runs under an address-space limit, so a blow-up is
# reported (exit 134/137 in the table) instead of waking the OOM killer on a
# shared machine; the link step also has a time limit.
MEM_LIMIT_KB=${MEM_LIMIT_KB:-12582912}
LINK_TIMEOUT=${LINK_TIMEOUT:-600}
FS_TIMEOUT=${FS_TIMEOUT:-1800}
M() { (ulimit -v "$MEM_LIMIT_KB"; exec python3 "$here/measure.py" "$@"); }
best() { # best FILE...: the measurement with the smallest wall time
  python3 - "$@" <<'EOF'
import json, sys
rs = [json.loads(open(f).read()) for f in sys.argv[1:]]
print(json.dumps(min(rs, key=lambda r: r["wall"])))
EOF
}
# A run killed by its time limit shows exit 137 in the table.
for r in $(seq 1 "$ROUNDS"); do
  log "round $r/$ROUNDS: forksafe extract (parse + facts, no link, no cache)"
  rm -rf "$out/facts"
  M --label extract --stdout "$out/extract.$r.out" --stderr "$out/extract.$r.err" -- \
    timeout -s KILL "$FS_TIMEOUT" "$FORKSAFE" extract -p "$DB" --no-cache --facts-dir="$out/facts" -j "$JOBS" \
    >"$out/m-extract.$r.json"
  cat "$out/m-extract.$r.json" >&2

  log "round $r/$ROUNDS: forksafe, cold cache"
  rm -rf "$cache"
  M --label cold --stdout "$out/cold.$r.out" --stderr "$out/cold.$r.err" -- \
    timeout -s KILL "$FS_TIMEOUT" "$FORKSAFE" -p "$DB" --cache-dir="$cache" -j "$JOBS" >"$out/m-cold.$r.json"
  cat "$out/m-cold.$r.json" >&2

  log "round $r/$ROUNDS: clang-19 -fsyntax-only"
  have "$out/m-syntax.$r.json" || M --label syntax --stdout "$out/syntax.$r.json" --stderr "$out/syntax.$r.err" -- \
    python3 "$here/replay-syntax.py" -p "$DB" -j "$JOBS" --per-tu "$out/syntax-per-tu.$r.txt" \
    >"$out/m-syntax.$r.json"
  cat "$out/m-syntax.$r.json" >&2

  log "round $r/$ROUNDS: forksafe, warm cache (nothing changed)"
  M --label warm --stdout "$out/warm.$r.out" --stderr "$out/warm.$r.err" -- \
    timeout -s KILL "$FS_TIMEOUT" "$FORKSAFE" -p "$DB" --cache-dir="$cache" -j "$JOBS" --verbose >"$out/m-warm.$r.json"
  cat "$out/m-warm.$r.json" >&2

  log "round $r/$ROUNDS: clang-tidy-19 -checks=-*,bugprone-signal-handler"
  have "$out/m-tidy.$r.json" || M --label tidy --stdout "$out/tidy.$r.out" --stderr "$out/tidy.$r.err" -- \
    run-clang-tidy-19 -quiet -j "$JOBS" -p "$DB" -checks='-*,bugprone-signal-handler' \
    >"$out/m-tidy.$r.json"
  cat "$out/m-tidy.$r.json" >&2
done
log "forksafe link alone on the extracted facts"
M --label link-real --stdout "$out/link-real.out" --stderr "$out/link-real.err" -- \
  timeout -s KILL "$LINK_TIMEOUT" "$FORKSAFE" link "$out/facts" >"$out/link-real.json"
cat "$out/link-real.json" >&2
for k in extract cold syntax warm tidy; do best "$out"/m-$k.*.json >"$out/$k.json"; done

# The largest TU (clang's peak RSS in the replay) parsed alone by both.
big=$(sort -rn "$out/syntax-per-tu.1.txt" | head -1 | cut -d' ' -f3-)
log "largest TU: $big"
python3 - "$DB" "$big" >"$out/big-cmd.sh" <<'EOF'
import json, os, shlex, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[0])))
db, big = sys.argv[1], sys.argv[2]
for e in json.load(open(os.path.join(db, "compile_commands.json"))):
    if os.path.normpath(os.path.join(e["directory"], e["file"])) == big:
        args = e.get("arguments") or shlex.split(e["command"])
        break
skip, out = False, ["clang-19"]
for a in args[1:]:
    if skip: skip = False; continue
    if a in ("-o", "-MF", "-MQ", "-MT"): skip = True; continue
    if a in ("-c", "-MD", "-MMD", "-MP"): continue
    out.append(a)
print("cd %s && exec %s -fsyntax-only" % (shlex.quote(e["directory"]), shlex.join(out)))
EOF
M --label big-clang -- bash "$out/big-cmd.sh" >"$out/big-clang.json"
M --label big-forksafe -- "$FORKSAFE" -p "$DB" --no-cache --quiet "$big" >"$out/big-forksafe.json"

# --- 5. link alone on synthetic facts --------------------------------------------
# One handle per 1,250 TUs: 8 handles, git's density (git: 501 TUs, 2
# handle variables at most); the default: one per 20 TUs, 500 handles.
synth_run() { # label, directory, gen-facts.py arguments...
  local label=$1 dir=$2
  shift 2
  if [ ! -f "$dir/.done" ]; then
    log "generating $SYNTH_TUS synthetic TUs' facts ($label: $*)"
    rm -rf "$dir"
    python3 "$here/gen-facts.py" "$dir" --tus "$SYNTH_TUS" "$@" 2>"$out/gen-$label.txt"
    touch "$dir/.done"
  fi
  cat "$out/gen-$label.txt" 2>/dev/null >&2 || true
  for r in $(seq 1 "$ROUNDS"); do
    log "round $r/$ROUNDS: forksafe link on $SYNTH_TUS synthetic TUs ($label)"
    M --label "$label" --stdout "$out/$label.$r.out" --stderr "$out/$label.$r.err" -- \
      timeout -s KILL "$LINK_TIMEOUT" "$FORKSAFE" link --verbose "$dir" >"$out/m-$label.$r.json"
    cat "$out/m-$label.$r.json" >&2
  done
  best "$out"/m-"$label".*.json >"$out/$label.json"
}
synth_run link "$BENCH_DIR/synthetic-facts-$SYNTH_TUS-git-density" --handle-every 1250
synth_run link-dense "$BENCH_DIR/synthetic-facts-$SYNTH_TUS"

# --- 6. the table ------------------------------------------------------------------
python3 - "$out" "$PKG" "$VERSION" "$ntu" "$JOBS" "$SYNTH_TUS" "$big" <<'EOF' | tee "$BENCH_DIR/results.md"
import json, os, re, sys
out, pkg, ver, ntu, jobs, synth, big = sys.argv[1:8]
L = lambda k: json.load(open(os.path.join(out, k + ".json")))
cold, syn, warm, tidy, link = L("cold"), L("syntax"), L("warm"), L("tidy"), L("link")
dense = L("link-dense")
ext, linkr = L("extract"), L("link-real")
def killed(m): return m["rc"] in (137, -9, 134, -6)
peak = lambda m: max(m["max_rss_kb"], m["coordinator_hwm_kb"], m.get("sampled_worker_hwm_kb", 0))
def secs(m): return ("> %.0f s (killed)" if killed(m) else "%.1f s") % m["wall"]
bigc, bigf = L("big-clang"), L("big-forksafe")
synres = json.load(open(os.path.join(out, "syntax.1.json")))
def findings(name):
    txt = open(os.path.join(out, name)).read()
    return len(re.findall(r": warning: .*\[forksafe-", txt))
def not_analysed(name):
    txt = open(os.path.join(out, name)).read()
    return len(re.findall(r"could not be analysed", txt))
mb = lambda kb: "%.0f MiB" % (kb / 1024.0)
def ok(b): return "met" if b else "MISSED"
rows = []
r1 = cold["wall"] / syn["wall"]
r2 = cold["wall"] / tidy["wall"]
r3 = warm["wall"] / cold["wall"]
r0 = ext["wall"] / syn["wall"]
K = lambda m: " (killed: a lower bound)" if killed(m) else ""
rows.append(("cold forksafe / clang-19 -fsyntax-only", "%s / %.1f s = **%s%.2f**%s" % (secs(cold), syn["wall"], ">" if killed(cold) else "", r1, K(cold)), "<= 1.15", ok(r1 <= 1.15 and not killed(cold))))
rows.append(("forksafe extract alone (parse + facts, no link) / clang-19 -fsyntax-only", "%s / %.1f s = **%.2f**" % (secs(ext), syn["wall"], r0), "(diagnosis)", ""))
rows.append(("forksafe link alone on these facts", "%s, %s" % (secs(linkr), mb(peak(linkr))), "(diagnosis)", ""))
rows.append(("cold forksafe / clang-tidy-19 bugprone-signal-handler", "%s / %.1f s = **%s%.2f**" % (secs(cold), tidy["wall"], ">" if killed(cold) else "", r2), "< 1", ok(r2 < 1 and not killed(cold))))
rows.append(("warm forksafe (nothing changed) / cold", "%s / %s = **%.1f %%**" % (secs(warm), secs(cold), 100 * r3), "<= 5 %", ok(r3 <= 0.05 and not killed(warm))))
rows.append(("forksafe link, %s synthetic TUs, 8 handles: time" % synth, "**%s** (exit %s)" % (secs(link), link["rc"]), "<= 2 s", ok(link["wall"] <= 2 and not killed(link))))
rows.append(("forksafe link, %s synthetic TUs, 8 handles: peak RSS" % synth, "**%s**" % mb(peak(link)), "<= 1 GiB", ok(peak(link) <= 1 << 20 and not killed(link))))
rows.append(("forksafe link, %s synthetic TUs, 500 handles (gen-facts.py defaults)" % synth, "%s, %s (exit %s)" % (secs(dense), mb(peak(dense)), dense["rc"]), "(scaling)", ""))
rows.append(("cold forksafe: coordinator peak RSS%s" % (" (when killed)" if killed(cold) else ""), mb(cold["coordinator_hwm_kb"]), "", ""))
rows.append(("forksafe extract: peak RSS (coordinator or largest worker)", mb(peak(ext)), "", ""))
rows.append(("cold forksafe: peak RSS of the run (coordinator or largest worker)", mb(peak(cold)), "", ""))
rows.append(("clang-19 -fsyntax-only: largest TU's peak RSS", "%s (%s)" % (mb(synres["max_rss_kb"]), os.path.basename(big)), "", ""))
rows.append(("largest TU alone: forksafe (worker) / clang-19 peak RSS", "%s / %s = %.2f" % (mb(bigf["max_rss_kb"]), mb(bigc["max_rss_kb"]), bigf["max_rss_kb"] / bigc["max_rss_kb"]), "", ""))
print("## forksafe benchmark: %s %s, %s TUs, -j%s\n" % (pkg, ver, ntu, jobs))
print("| measurement | result | target | |")
print("|---|---|---|---|")
for r in rows:
    print("| %s | %s | %s | %s |" % r)
print()
print("| run | wall s | user s (with workers) | sys s | exit | peak RSS |")
print("|---|---|---|---|---|---|")
for k, m in (("forksafe extract", ext), ("forksafe link (real facts)", linkr), ("forksafe cold", cold), ("clang-19 -fsyntax-only", syn), ("forksafe warm", warm),
             ("clang-tidy-19", tidy), ("forksafe link (synthetic)", link), ("forksafe link (synthetic, 500 handles)", dense),
             ("largest TU: clang-19", bigc), ("largest TU: forksafe", bigf)):
    print("| %s | %.2f | %.2f | %.2f | %s | %s |" % (k, m["wall"], m["user"], m["sys"], m["rc"], mb(peak(m))))
print()
print("forksafe cold: %d findings, %d TUs not analysed; warm: %d findings; "
      "clang -fsyntax-only: %d of %d TUs failed; link: %d findings"
      % (findings("cold.1.out"), not_analysed("cold.1.err"), findings("warm.1.out"),
         synres["failed"], synres["tus"], findings("link.1.out")))
EOF
log "results in $BENCH_DIR/results.md, raw measurements in $out"
exit 0
