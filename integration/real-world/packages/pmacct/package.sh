# pmacct 1.7.7 (Debian 12) for the labelled real-world evaluation; sourced by
# integration/real-world/evaluate.sh (see its README for WORK, FORKSAFE, OUT, JOBS).
#
# Build: 'apt-get source', autoreconf (debhelper 13 runs dh_autoreconf), then
# configure with the options Debian's binary package was built with (as its
# 'pmacctd -V' prints them): the MySQL, PostgreSQL and SQLite3 plugins,
# RabbitMQ, Kafka, ZeroMQ, Jansson, GeoIP2, NFLOG, and the BGP, BMP and
# streaming-telemetry daemons; CFLAGS=-fcommon as in debian/rules. Then
# 'bear -- make'.
#
# Analysis: one run per collector daemon that loads plugins, with exactly the
# TUs its linker map names (libtool links .libs/libdaemons.a, into which the
# bgp/bmp/isis/rpki/telemetry/filters/tee/nfprobe/sfprobe convenience
# libraries are merged, plus the bundled libcdada): linked-tus.py.
#   pmacctd  pmacctd.c + libdaemons members + libcdada (libpcap collector)
#   nfacctd  nfacctd.c, nfv9_template.c + the same (NetFlow/IPFIX collector)
#   sfacctd  sfacctd.c, sflow.c, sfv5_module.c + the same (sFlow collector)
#   uacctd   uacctd.c + the same (NFLOG collector)
# Each run is one program: the core, every plugin it can fork (load_plugins()
# forks one process per configured plugin and calls its entry function), the
# plugins' writer processes (sql_cache_handle_flush_event(),
# P_cache_handle_flush_event()) and the BGP/BMP/telemetry threads and dump
# writers. pmbgpd, pmbmpd and pmtelemetryd load no plugins and are not run.
#
# On this workplace's mirror 'apt-get source pmacct=1.7.7-1' fails (404 for
# pmacct_1.7.7.orig.tar.gz and the debian.tar.xz), so build() stops there;
# labels.json was made from upstream's v1.7.7 release (see its notes).
PKG=pmacct
VERSION=1.7.7-1
SRC="$WORK/pmacct/pmacct-1.7.7"

# --enable-ipv6/-plabel/-64bit/-threads are accepted and ignored by 1.7.7's
# configure; kept as Debian passes them.
pmacct_configure_flags() {
  echo --prefix=/usr --sysconfdir=/etc --localstatedir=/var \
    --libdir=/usr/lib/x86_64-linux-gnu --disable-maintainer-mode --disable-dependency-tracking \
    --with-pgsql-includes=/usr/include/postgresql --enable-l2 --enable-ipv6 --enable-plabel \
    --enable-mysql --enable-pgsql --enable-sqlite3 --enable-rabbitmq --enable-zmq --enable-kafka \
    --enable-geoipv2 --enable-jansson --enable-64bit --enable-threads --enable-traffic-bins \
    --enable-bgp-bins --enable-bmp-bins --enable-st-bins --enable-nflog
}

build() {
  local w="$WORK/pmacct" here e
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  [ -f "$w/build.stamp" ] && [ -s "$w/runs/nfacctd/compile_commands.json" ] && return 0
  mkdir -p "$w"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends bear autoconf automake libtool make gcc g++ pkg-config \
    zlib1g-dev libpcap-dev libpq-dev default-libmysqlclient-dev libsqlite3-dev librabbitmq-dev \
    libjansson-dev librdkafka-dev libnetfilter-log-dev libmaxminddb-dev libzmq3-dev libnuma-dev \
    >"$w/apt.log" 2>&1
  if [ ! -d "$SRC" ]; then
    if ! (cd "$w" && apt-get source -q "$PKG=$VERSION") >"$w/source.log" 2>&1; then
      echo "pmacct: 'apt-get source $PKG=$VERSION' failed (see $w/source.log):" >&2
      grep -E '^(E|Err):' "$w/source.log" >&2 || tail -3 "$w/source.log" >&2
      return 1
    fi
    (cd "$SRC" && autoreconf -fi) >"$w/autoreconf.log" 2>&1
  fi
  if [ ! -s "$SRC/compile_commands.json" ]; then
    (cd "$SRC" && ./configure $(pmacct_configure_flags) CFLAGS="-g -O2 -fcommon") >"$w/configure.log" 2>&1
    (cd "$SRC" && nice -n 10 bear --output "$SRC/compile_commands.json" -- make -j"$JOBS") \
      >"$w/build.log" 2>&1
  fi
  mkdir -p "$w/maps"
  for e in pmacctd nfacctd sfacctd uacctd; do
    rm -f "$SRC/src/$e"
    make -C "$SRC/src" "$e" LDFLAGS="-L$SRC/src/external_libs/rootfs/lib -Wl,-Map,$w/maps/$e.map" \
      >"$w/link-$e.log" 2>&1
    python3 "$here/linked-tus.py" --map "$w/maps/$e.map" --link-dir "$SRC/src" \
      --ccdb "$SRC/compile_commands.json" --out "$w/runs/$e/compile_commands.json"
  done
  touch "$w/build.stamp"
}

analyse() {
  local w="$WORK/pmacct" cache e rc
  # a facts cache per forksafe binary: another engine never reads stale facts
  cache="$w/cache-$(sha1sum <"$FORKSAFE" | cut -c1-12)"
  for e in pmacctd nfacctd sfacctd uacctd; do
    rc=0
    timeout 3600 "$FORKSAFE" -p "$w/runs/$e" -j "$JOBS" --cache-dir="$cache" --quiet \
      --format=json -o "$OUT/$e.json" || rc=$?
    case $rc in
      0|1) ;;
      124) echo "pmacct/$e: forksafe timed out after 3600 s" >&2 ;;
      *) echo "pmacct/$e: forksafe exit $rc" >&2 ;;
    esac
  done
  return 0
}
