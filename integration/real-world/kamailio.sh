#!/usr/bin/env bash
# forksafe on Kamailio 5.6.3 (Debian 12's kamailio source package): the core,
# the srdb1/srdb2 database libraries and ~150 modules, as in
# docs/real-world-runs.md ("Kamailio 5.6.3-2").
#
#   bash integration/real-world/kamailio.sh
#
# Not run by CI. Needs root or sudo for apt-get. Work directory: $WORK
# (default /tmp/realruns), never inside the repository. Idempotent: the
# source tree and its compile_commands.json are kept between runs.
#
#   1. enables deb-src (a copy of debian.sources) if needed; installs bear and
#      the client libraries of the database modules;
#   2. apt-get source kamailio=$VERSION; 'make cfg' with the module groups
#      below; bear -- make all (about 10 min on 2 cores);
#   3. one whole-program run over every TU (core + libraries + all modules),
#      with the default rules (rules/kamailio-srdb1.json among them) and the
#      opt-in srdb2 rules;
#   4. one run per module (module + src/lib/srdb1 + src/lib/srdb2, without
#      the core), which is how Kamailio loads them: per-module.py;
#   5. prints every per-module finding.
#
# Knobs: JOBS (2), WORK, VERSION (5.6.3-2), FORKSAFE (default: the repo's
# build/bin/forksafe), MODULE_GROUPS (module groups for 'make cfg').
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
JOBS=${JOBS:-2}
WORK=${WORK:-/tmp/realruns}
VERSION=${VERSION:-5.6.3-2}
FORKSAFE=${FORKSAFE:-$repo/build/bin/forksafe}
MODULE_GROUPS=${MODULE_GROUPS:-kstandard kmysql kpostgres kunixodbc ksqlite kredis kmongodb kmemcached kpcre kutils ktls kjson kjansson}
case "$WORK" in "$repo"/*) echo "WORK must be outside the repository" >&2; exit 2 ;; esac
[ -x "$FORKSAFE" ] || { echo "no forksafe at $FORKSAFE (build it, or set FORKSAFE)" >&2; exit 2; }
log() { printf '\n== %s\n' "$*" >&2; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
mkdir -p "$WORK"

# --- 1. packages ----------------------------------------------------------------
if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  log "enabling Debian source packages"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
    $sudo tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  $sudo apt-get update -qq
fi
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  bear bison flex pkg-config make gcc default-libmysqlclient-dev libpq-dev libsqlite3-dev \
  libhiredis-dev unixodbc-dev libmongoc-dev libmemcached-dev libpcre3-dev \
  libcurl4-openssl-dev libxml2-dev libssl-dev libjson-c-dev libjansson-dev \
  libevent-dev libev-dev >/dev/null

# --- 2. source and compile_commands.json ------------------------------------------
src="$WORK/kamailio-${VERSION%-*}"
if [ ! -d "$src" ]; then
  log "apt-get source kamailio=$VERSION"
  (cd "$WORK" && apt-get source -q "kamailio=$VERSION")
fi
if [ ! -s "$src/compile_commands.json" ]; then
  log "make cfg group_include=\"$MODULE_GROUPS\"; bear -- make -j$JOBS all"
  (cd "$src" && make cfg group_include="$MODULE_GROUPS" >"$WORK/kamailio-cfg.log" 2>&1 &&
     bear --output "$src/compile_commands.json" -- make -j"$JOBS" all >"$WORK/kamailio-build.log" 2>&1)
fi
ntu=$(python3 -c 'import json,sys; print(len({e["file"] for e in json.load(open(sys.argv[1]))}))' "$src/compile_commands.json")
log "kamailio $VERSION: $ntu translation units"

# --- 3. whole program ---------------------------------------------------------------
out="$WORK/out-kamailio"
mkdir -p "$out"
log "whole program (every TU linked into one program)"
set +e
/usr/bin/time -v -o "$out/all.time" "$FORKSAFE" -p "$src" -j "$JOBS" \
  --rules="$here/kamailio-srdb2.json" --format=json -o "$out/all.json"
echo "exit $?" >>"$out/all.time"
set -e
grep -E 'Elapsed|Maximum resident|User time|System time|^exit' "$out/all.time" >&2

# --- 4. per module ------------------------------------------------------------------
log "one run per module (module + src/lib/srdb1 + src/lib/srdb2)"
python3 "$here/per-module.py" --ccdb "$src" --forksafe "$FORKSAFE" --jobs "$JOBS" \
  --module-root '/src/modules/([^/]+)/' --libs '/src/lib/srdb[12]/' \
  --out "$out/modules" -- --rules="$here/kamailio-srdb2.json" | tail -1

# --- 5. findings ----------------------------------------------------------------------
log "per-module findings"
python3 "$here/show.py" "$src/src" "$out"/modules/*.json
