# zabbix 6.0.14 (Debian 12) for the labelled real-world evaluation; sourced by
# integration/real-world/evaluate.sh (see its README for WORK, FORKSAFE, OUT, JOBS).
#
# Build: as debian/rules does, one configure run per database flavour, each in
# its own copy of the (patched, autoreconf'ed) tree, with Debian's common
# options (SNMP, IPMI, SSH, ODBC, LDAP, cURL, libxml2, PCRE2, GnuTLS...):
#   - $SRC:            --enable-server --enable-proxy --with-mysql
#                      (zabbix-server-mysql and zabbix-proxy-mysql)
#   - $SRC-sqlite3:    --enable-proxy --with-sqlite3 (zabbix-proxy-sqlite3)
# and 'bear -- make' in each. The agent is not built (no database, not asked).
# Debian builds against libcurl4-gnutls-dev; libcurl4-openssl-dev is installed
# here instead because other packages of this evaluation need it and the two
# conflict; <curl/curl.h> is the same.
#
# Analysis: one run per executable, with exactly the TUs the linker put into
# it. Zabbix links static archives (libzbxdb.a, libzbxpoller.a...) and builds
# some sources into several variants (server/proxy sysinfo, self-monitoring,
# RTC, trapper, poller), so the runs are taken from each executable's linker
# map (-Wl,-Map, by relinking it once): linked-tus.py keeps the compile
# command of every object the map names.
#   server-mysql   zabbix_server (MySQL): server.c + every linked member of the
#                  src/zabbix_server/* and src/libs/* archives (~260 TUs)
#   proxy-mysql    zabbix_proxy (MySQL): proxy.c + src/zabbix_proxy/*, the server
#                  processes the proxy reuses (pollers, trapper, discoverer...)
#                  and src/libs/* (~215 TUs)
#   proxy-sqlite3  zabbix_proxy (SQLite3), the same TUs from the SQLite3 tree;
#                  its report's paths are rewritten from $SRC-sqlite3/ to $SRC/
#                  (the trees are copies of one source, so lines agree)
# The database layer is one file, src/libs/zbxdb/db.c, whose 'static MYSQL *conn'
# (or PGconn *, sqlite3 *) is the process' only connection: the main process
# opens and closes it around each start-up check, then forks ~30 kinds of
# processes with zbx_thread_start() (zbx_child_fork -> zbx_fork -> fork), each
# of which connects in its own thread function.
PKG=zabbix
VERSION=1:6.0.14+dfsg-1
SRC="$WORK/zabbix/zabbix-6.0.14+dfsg"

zabbix_common_flags() {
  echo --prefix=/usr --sysconfdir=/etc/zabbix --datadir=/etc --enable-ipv6 \
    --with-gnutls --with-jabber --with-ldap --with-libcurl --with-libmodbus \
    --with-libpcre2 --with-libxml2 --with-net-snmp --with-ssh2 --with-unixodbc \
    --with-openipmi
}

# zabbix_link_map TREE DIR EXE MAP: relink TREE/src/DIR/EXE with a linker map
zabbix_link_map() {
  rm -f "$1/src/$2/$3"
  make -C "$1/src/$2" "$3" LDFLAGS="-rdynamic -Wl,-Map,$4" >"$WORK/zabbix/link-$3-$(basename "$4" .map).log" 2>&1
}

build() {
  local w="$WORK/zabbix" sq="$SRC-sqlite3" here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  [ -f "$w/build.stamp" ] && [ -s "$w/runs/server-mysql/compile_commands.json" ] && return 0
  mkdir -p "$w"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends bear automake autoconf make gcc pkg-config \
    default-libmysqlclient-dev libsqlite3-dev libpq-dev libcurl4-openssl-dev libevent-dev \
    libgnutls28-dev libiksemel-dev libldap2-dev libmodbus-dev libopenipmi-dev libpcre2-dev \
    libsnmp-dev libssh2-1-dev libxml2-dev unixodbc-dev zlib1g-dev >"$w/apt.log" 2>&1
  if [ ! -d "$SRC" ]; then
    (cd "$w" && apt-get source -q "$PKG=$VERSION") >"$w/source.log" 2>&1
    # debian/patches change configure.ac and Makefile.am: dh_autoreconf
    (cd "$SRC" && autoreconf -fi) >"$w/autoreconf.log" 2>&1
  fi
  # the SQLite3 tree: a copy of the pristine tree, before anything is built in it
  if [ ! -d "$sq" ]; then
    [ ! -f "$SRC/config.status" ] || { echo "zabbix: $SRC is configured; remove it to rebuild $sq" >&2; return 1; }
    cp -a "$SRC" "$sq"
  fi
  if [ ! -s "$SRC/compile_commands.json" ]; then
    (cd "$SRC" && ./configure $(zabbix_common_flags) --enable-server --enable-proxy --with-mysql) \
      >"$w/configure-mysql.log" 2>&1
    (cd "$SRC" && nice -n 10 bear --output "$SRC/compile_commands.json" -- make -j"$JOBS") \
      >"$w/build-mysql.log" 2>&1
  fi
  if [ ! -s "$sq/compile_commands.json" ]; then
    (cd "$sq" && ./configure $(zabbix_common_flags) --enable-proxy --with-sqlite3) \
      >"$w/configure-sqlite3.log" 2>&1
    (cd "$sq" && nice -n 10 bear --output "$sq/compile_commands.json" -- make -j"$JOBS") \
      >"$w/build-sqlite3.log" 2>&1
  fi
  mkdir -p "$w/maps"
  zabbix_link_map "$SRC" zabbix_server zabbix_server "$w/maps/server-mysql.map"
  zabbix_link_map "$SRC" zabbix_proxy zabbix_proxy "$w/maps/proxy-mysql.map"
  zabbix_link_map "$sq" zabbix_proxy zabbix_proxy "$w/maps/proxy-sqlite3.map"
  python3 "$here/linked-tus.py" --map "$w/maps/server-mysql.map" --link-dir "$SRC/src/zabbix_server" \
    --ccdb "$SRC/compile_commands.json" --out "$w/runs/server-mysql/compile_commands.json"
  python3 "$here/linked-tus.py" --map "$w/maps/proxy-mysql.map" --link-dir "$SRC/src/zabbix_proxy" \
    --ccdb "$SRC/compile_commands.json" --out "$w/runs/proxy-mysql/compile_commands.json"
  python3 "$here/linked-tus.py" --map "$w/maps/proxy-sqlite3.map" --link-dir "$sq/src/zabbix_proxy" \
    --ccdb "$sq/compile_commands.json" --out "$w/runs/proxy-sqlite3/compile_commands.json"
  touch "$w/build.stamp"
}

analyse() {
  local w="$WORK/zabbix" cache run rc
  # a facts cache per forksafe binary: another engine never reads stale facts
  cache="$w/cache-$(sha1sum <"$FORKSAFE" | cut -c1-12)"
  for run in server-mysql proxy-mysql proxy-sqlite3; do
    rc=0
    timeout 3600 "$FORKSAFE" -p "$w/runs/$run" -j "$JOBS" --cache-dir="$cache" --quiet \
      --format=json -o "$OUT/$run.json" || rc=$?
    case $rc in
      0|1) ;;
      124) echo "zabbix/$run: forksafe timed out after 3600 s" >&2 ;;
      *) echo "zabbix/$run: forksafe exit $rc" >&2 ;;
    esac
  done
  # the SQLite3 tree is a copy of $SRC: report its files as $SRC's
  if [ -f "$OUT/proxy-sqlite3.json" ]; then
    python3 - "$OUT/proxy-sqlite3.json" "$SRC-sqlite3/" "$SRC/" <<'PY'
import json, sys
path, old, new = sys.argv[1:]
def fix(x):
    if isinstance(x, dict):
        return {k: (new + v[len(old):] if k == "file" and isinstance(v, str) and v.startswith(old) else fix(v))
                for k, v in x.items()}
    return [fix(v) for v in x] if isinstance(x, list) else x
r = json.load(open(path))
json.dump(fix(r), open(path, "w"), indent=1)
PY
  fi
  return 0
}
