# Kamailio 5.6.3-2 (Debian 12): the core, the srdb1/srdb2 database libraries
# and ~150 modules, analysed one module at a time (each module is a separate
# dlopen(RTLD_LOCAL) shared object; see ../../per-module.py), as in
# docs/real-world-runs.md, "Module collections". Sourced by evaluate.sh.
#
# Modules use the database through srdb1 (rules/kamailio-srdb1.json, loaded
# by default) and srdb2 (../../kamailio-srdb2.json, opt-in, added here).
# The framework rules (rules/frameworks/kamailio.json) model mod_init as the
# pre-fork hook and child_init(rank) as the per-process hook.
#
# Knob: KAMAILIO_GROUPS (module groups for 'make cfg').
PKG=kamailio
VERSION=5.6.3-2
SRC=$WORK/kamailio/kamailio-5.6.3
KAMAILIO_GROUPS=${KAMAILIO_GROUPS:-kstandard kmysql kpostgres kunixodbc ksqlite kredis kmongodb kmemcached kpcre kutils ktls kjson kjansson}
_kam_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
_kam_rw=$(cd "$_kam_here/../.." && pwd)

build() {
  [ -f "$WORK/kamailio/.built" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$WORK/kamailio"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1800 install -y -qq --no-install-recommends \
    bear bison flex pkg-config make gcc dpkg-dev default-libmysqlclient-dev libpq-dev \
    libsqlite3-dev libhiredis-dev unixodbc-dev libmongoc-dev libmemcached-dev libpcre3-dev \
    libcurl4-openssl-dev libxml2-dev libssl-dev libjson-c-dev libjansson-dev \
    libevent-dev libev-dev >/dev/null
  if [ ! -d "$SRC" ]; then
    (cd "$WORK/kamailio" && apt-get source -q "$PKG=$VERSION" >"$WORK/kamailio/source.log" 2>&1)
  fi
  (cd "$SRC" && make cfg group_include="$KAMAILIO_GROUPS" >"$WORK/kamailio/cfg.log" 2>&1)
  (cd "$SRC" && nice -n 10 bear --output "$SRC/compile_commands.json" -- \
     make -j"$JOBS" all >"$WORK/kamailio/build.log" 2>&1)
  touch "$WORK/kamailio/.built"
}

# One run per module: the module's TUs + src/lib/srdb1 + src/lib/srdb2 (the
# libraries every DB module links), not the core and not the other modules.
analyse() {
  local cache rc=0
  cache="$WORK/kamailio/cache-$(sha1sum "$FORKSAFE" | cut -c1-12)"
  timeout 7200 python3 "$_kam_rw/per-module.py" --ccdb "$SRC" --forksafe "$FORKSAFE" \
    --jobs "$JOBS" --module-root '/src/modules/([^/]+)/' --libs '/src/lib/srdb[12]/' \
    --out "$OUT" -- --cache-dir="$cache" --rules="$_kam_rw/kamailio-srdb2.json" \
    >"$OUT/per-module.log" || rc=$?
  # summary.json is per-module.py's, not a report
  [ -f "$OUT/summary.json" ] && mv "$OUT/summary.json" "$OUT/per-module-summary.txt"
  [ "$rc" -eq 0 ] || { echo "per-module.py exited $rc (124: timeout)" >&2; return "$rc"; }
  # a module whose run failed (exit not 0, 1 or 3) is an error of the package
  # (3: some TUs not analysed; evaluate.py reports those from the reports)
  python3 - "$OUT/per-module-summary.txt" <<'PY'
import json, sys
bad = {m: s for m, s in json.load(open(sys.argv[1])).items() if s["exit"] not in (0, 1, 3)}
for m, s in bad.items():
    print(f"module {m}: forksafe exited {s['exit']}: {s.get('stderr', '')[-400:]}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
