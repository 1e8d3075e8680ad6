# proftpd-dfsg 1.3.8 (Debian 12) for the labelled real-world evaluation;
# sourced by integration/real-world/evaluate.sh (WORK, FORKSAFE, OUT, JOBS).
#
# Build: Debian's configure options (debian/rules CONF_ARGS: OpenSSL, Redis
# and memcache support in the core, i.e. mod_redis/mod_memcache and
# src/redis.c/src/memcache.c), but every module that holds a database,
# directory, Redis or memcache handle linked statically (--with-modules
# instead of Debian's --with-shared), so that the server is one program:
#   mod_sql + the MySQL, PostgreSQL, SQLite and ODBC backends, mod_sql_passwd,
#   mod_quotatab + mod_quotatab_sql/_ldap, mod_ldap, mod_wrap2 + _sql/_redis,
#   mod_tls + mod_tls_redis/_memcache (TLS session caches),
#   mod_exec (forks from inside a session process, where SQL connections are
#   open).
# Built in place with 'bear -- make'.
#
# Analysis: one whole-program run over the TUs of the proftpd binary (src/,
# lib/, modules/, the static contrib modules and the generated module_glue.c).
# The daemon forks one session process per client (src/main.c fork_server())
# and every module is linked into that one executable, so the whole program is
# the right model. The stand-alone utilities of utils/ (ftpcount, ftpwho,
# ftptop, ftpshut, ftpasswd helpers; own main(), no handles) are left out.
PKG=proftpd-dfsg
VERSION=1.3.8+dfsg-4+deb12u5
SRC="$WORK/proftpd/proftpd-dfsg-1.3.8+dfsg"
PROFTPD_MODULES=mod_sql:mod_sql_mysql:mod_sql_postgres:mod_sql_sqlite:mod_sql_odbc:mod_sql_passwd:mod_quotatab:mod_quotatab_sql:mod_quotatab_ldap:mod_ldap:mod_wrap2:mod_wrap2_sql:mod_wrap2_redis:mod_tls:mod_tls_redis:mod_tls_memcache:mod_exec

build() {
  [ -f "$WORK/proftpd/build.stamp" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$WORK/proftpd"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 build-dep -y -q \
    "$PKG=$VERSION" >"$WORK/proftpd/build-dep.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends bear >>"$WORK/proftpd/build-dep.log" 2>&1
  if [ ! -d "$SRC" ]; then
    (cd "$WORK/proftpd" && apt-get source -q "$PKG=$VERSION") >"$WORK/proftpd/source.log" 2>&1
  fi
  (
    cd "$SRC"
    [ ! -f Makefile ] || make distclean >/dev/null 2>&1 || true
    nice -n 10 ./configure --prefix=/usr --sysconfdir=/etc/proftpd --localstatedir=/run \
      --with-includes="$(pg_config --includedir):/usr/include/mariadb:/usr/include/mysql" \
      --enable-sendfile --enable-facl --enable-autoshadow --enable-ctrls --enable-openssl \
      --enable-ipv6 --enable-nls --enable-memcache --enable-redis --enable-pcre2 --disable-strip \
      --with-modules="$PROFTPD_MODULES" >"$WORK/proftpd/configure.log" 2>&1
    nice -n 10 bear --output "$SRC/compile_commands.json" -- \
      make -j"$JOBS" >"$WORK/proftpd/build.log" 2>&1
  )
  touch "$WORK/proftpd/build.stamp"
}

analyse() {
  # The TUs of the proftpd binary: everything but utils/ and src/ftpdctl.c
  # (separate programs; ftpdctl's main() would otherwise be a second one).
  local db="$WORK/proftpd/ccdb-proftpd" cache rc=0
  cache="$WORK/proftpd/cache-$(sha1sum "$FORKSAFE" | cut -c1-12)"
  mkdir -p "$db"
  python3 - "$SRC/compile_commands.json" "$db/compile_commands.json" <<'PY'
import json, os, sys
entries = json.load(open(sys.argv[1]))
seen, keep = set(), []
for e in entries:
    f = os.path.normpath(os.path.join(e["directory"], e["file"]))
    if "/utils/" in f or "/tests/" in f or f.endswith("/src/ftpdctl.c") or f in seen:
        continue
    seen.add(f)
    keep.append(e)
json.dump(keep, open(sys.argv[2], "w"), indent=1)
print(len(keep), "TUs of the proftpd binary", file=sys.stderr)
PY
  timeout 3600 "$FORKSAFE" -p "$db" -j "$JOBS" --cache-dir="$cache" \
    --format=json -o "$OUT/proftpd.json" || rc=$?
  # 0/1: no finding/findings; 3: some TUs not analysed (listed in the report,
  # evaluate.py warns); a timeout (124) or a crash fails the package.
  case $rc in
    0|1|3) return 0 ;;
    124) echo "proftpd: forksafe timed out after 3600 s" >&2 ;;
    *) echo "proftpd: forksafe exited $rc" >&2 ;;
  esac
  return 1
}
