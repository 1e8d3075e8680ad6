# uwsgi 2.0.21 (Debian 12) for the labelled real-world evaluation; sourced by
# integration/real-world/evaluate.sh (WORK, FORKSAFE, OUT, JOBS).
#
# Source: the upstream tarball of the pinned Debian version
# (uwsgi_2.0.21.orig.tar.gz, its SHA-256 checked against the .dsc), unpacked
# without Debian's patches: the archive mirror this was made on serves the
# .orig but not the .debian.tar.xz, and the labels' lines are those of the
# tarball, so the tree is the same wherever the debian part can be had.
#
# Build: uwsgiconfig.py through the tarball's Makefile, under bear:
#   - the core with buildconf/core.ini (no embedded plugins): core/, proto/,
#     lib/linux_ns.c, i.e. the 'uwsgi' binary (master, workers, emperor);
#   - every plugin that talks to a database, directory, message bus or HTTP
#     server through a client library (or a client protocol of its own) as a
#     shared object, 'make PROFILE=core plugin.NAME', as Debian ships them
#     (uwsgi-plugin-*): emperor_pg (libpq), sqlite3 (SQLite config reader),
#     ldap (libldap config reader), curl_cron and alarm_curl (libcurl),
#     emperor_zeromq and logzmq (libzmq), redislog, mongodblog, router_redis,
#     router_memcached and emperor_amqp (own sockets, no client library).
#   The Mongo C++ plugins (emperor_mongodb, stats_pusher_mongodb, gridfs) need
#   the legacy mongo-cxx driver, which Debian 12 does not have.
#
# Analysis: one run per plugin (integration/real-world/per-module.py): each
# plugin's TU(s) + every core TU (core/, proto/, lib/). A plugin is a
# separate shared object that the core dlopen()s, so its globals and function
# pointers belong to that plugin and the core, not to the other plugins; the
# core's own findings appear in every run (the scorer de-duplicates them).
# The master forks workers (uwsgi_respawn_worker), mules, spoolers and the
# log/cron/attached daemons; the emperor forks one vassal per config
# (uwsgi_emperor_vassal_start), which then exec()s uwsgi.
PKG=uwsgi
VERSION=2.0.21-5.1
SRC="$WORK/uwsgi/uwsgi-2.0.21"
UWSGI_PLUGINS="emperor_pg sqlite3 ldap curl_cron alarm_curl emperor_zeromq logzmq redislog mongodblog router_redis router_memcached emperor_amqp"

build() {
  local d="$WORK/uwsgi" orig sum p
  [ -f "$d/build.stamp" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$d"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends bear make gcc python3 libpq-dev libsqlite3-dev libldap-dev \
    libcurl4-openssl-dev libzmq3-dev libpcre3-dev libssl-dev libxml2-dev libyaml-dev \
    libjansson-dev libcap-dev uuid-dev zlib1g-dev >"$d/apt.log" 2>&1
  orig="$d/uwsgi_2.0.21.orig.tar.gz"
  if [ ! -f "$orig" ]; then
    # Fails when the .debian.tar.xz is missing, after the .dsc and the .orig.
    (cd "$d" && apt-get source -q --download-only "$PKG=$VERSION") >"$d/source.log" 2>&1 || true
  fi
  sum=$(awk '/^Checksums-Sha256:/{s=1;next} /^[^ ]/{s=0} s && $3=="uwsgi_2.0.21.orig.tar.gz"{print $1}' \
        "$d/uwsgi_$VERSION.dsc")
  echo "$sum  $orig" | sha256sum -c --quiet - >&2
  if [ ! -d "$SRC" ]; then
    tar -xzf "$orig" -C "$d"
  fi
  (
    cd "$SRC"
    export CC=gcc CPUCOUNT="$JOBS"
    # uwsgiconfig.py skips objects that exist: start clean, so bear sees every TU
    make clean >/dev/null 2>&1
    rm -f compile_commands.json ./*_plugin.so
    nice -n 10 bear --output "$SRC/compile_commands.json" -- make PROFILE=core >"$d/build.log" 2>&1
    for p in $UWSGI_PLUGINS; do
      nice -n 10 bear --append --output "$SRC/compile_commands.json" -- \
        make PROFILE=core "plugin.$p" >>"$d/build.log" 2>&1
      [ -f "${p}_plugin.so" ] || { echo "uwsgi: plugin $p did not build" >&2; return 1; }
    done
  )
  touch "$d/build.stamp"
}

_uwsgi_rw=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

analyse() {
  local cache rc=0
  cache="$WORK/uwsgi/cache-$(sha1sum "$FORKSAFE" | cut -c1-12)"
  timeout 3600 python3 "$_uwsgi_rw/per-module.py" --ccdb "$SRC" --forksafe "$FORKSAFE" \
    --jobs "$JOBS" --module-root '/plugins/([^/]+)/' --libs '/core/' --libs '/proto/' \
    --libs '/lib/' --out "$OUT" -- --cache-dir="$cache" >"$OUT/per-module.log" || rc=$?
  # summary.json is per-module.py's, not a report
  [ -f "$OUT/summary.json" ] && mv "$OUT/summary.json" "$OUT/per-module-summary.txt"
  [ "$rc" -eq 0 ] || { echo "per-module.py exited $rc (124: timeout)" >&2; return "$rc"; }
  # a plugin whose run failed (exit not 0, 1 or 3) is an error of the package
  python3 - "$OUT/per-module-summary.txt" <<'PY'
import json, sys
bad = {m: s for m, s in json.load(open(sys.argv[1])).items() if s["exit"] not in (0, 1, 3)}
for m, s in bad.items():
    print(f"plugin {m}: forksafe exited {s['exit']}: {s.get('stderr', '')[-400:]}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
