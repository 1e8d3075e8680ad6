# lighttpd 1.4.69 (Debian 12) for the labelled real-world evaluation; sourced by
# integration/real-world/evaluate.sh (WORK, FORKSAFE, OUT, JOBS).
#
# Build: Debian's configure options (debian/rules override_dh_auto_configure:
# every optional module, among them the database and directory ones:
# mod_vhostdb_mysql/_pgsql/_dbi/_ldap, mod_authn_dbi/_ldap/_pam/_sasl/_gssapi,
# mod_webdav with its SQLite property/lock database, mod_magnet (Lua),
# mod_maxminddb, the five TLS modules), with Debian's compiler flags, built in
# place with 'bear -- make' (Debian uses autotools for lighttpd 1.4.69).
# 1.4.69 has no mod_authn_mysql (removed in 1.4.64 in favour of mod_authn_dbi).
#
# Analysis: one whole-program run over the lighttpd server (its own TUs, the
# built-in modules and every loadable mod_*.so), not one run per module with
# ../../per-module.py. Reasons:
#  - lighttpd's hooks are all 'static' (INIT_FUNC, SETDEFAULTS_FUNC, ... in
#    plugin.h) and each module exports only mod_NAME_plugin_init, which
#    plugins_load() dlopen()s with RTLD_NOW|RTLD_GLOBAL: linking every module
#    into one program merges no two distinct variables or functions, unlike
#    Kamailio's or nginx's same-named module globals;
#  - the database modules are back ends that only run through front-end
#    modules and the core: mod_vhostdb_mysql/_pgsql/_dbi/_ldap register a
#    http_vhostdb_backend_t that mod_vhostdb.so (mod_vhostdb_api.c) calls,
#    mod_authn_* register a http_auth_backend_t that mod_auth.so calls; the
#    fork of the workers (server.c server_main_setup_workers()) is in the core.
#    A per-module run would have to add the core, mod_vhostdb and mod_auth to
#    every module's run anyway, i.e. be a whole program minus the modules that
#    a real configuration loads next to them.
# Left out: lighttpd-angel (a separate supervisor program), the unit-test
# programs src/t/*, the lemon parser generator and tests/*.
PKG=lighttpd
VERSION=1.4.69-1
SRC="$WORK/lighttpd/lighttpd-1.4.69"

build() {
  [ -f "$WORK/lighttpd/build.stamp" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$WORK/lighttpd"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 build-dep -y -q \
    "$PKG=$VERSION" >"$WORK/lighttpd/build-dep.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends bear >>"$WORK/lighttpd/build-dep.log" 2>&1
  if [ ! -d "$SRC" ]; then
    (cd "$WORK/lighttpd" && apt-get source -q "$PKG=$VERSION") >"$WORK/lighttpd/source.log" 2>&1
  fi
  (
    cd "$SRC"
    [ ! -f Makefile ] || make distclean >/dev/null 2>&1 || true
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_CFLAGS_MAINT_APPEND=-Wa,--noexecstack
    CFLAGS=$(dpkg-buildflags --get CFLAGS) CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS) \
    LDFLAGS=$(dpkg-buildflags --get LDFLAGS) nice -n 10 ./configure \
      --prefix=/usr --sysconfdir=/etc --localstatedir=/var --disable-dependency-tracking \
      --libdir=/usr/lib/lighttpd --libexecdir=/usr/lib/lighttpd \
      --with-attr --with-brotli --with-dbi --with-gnutls --with-krb5 --with-ldap \
      --with-libdeflate --with-lua=lua5.4 --with-maxminddb --with-mbedtls --with-mysql \
      --with-nettle --with-nss --with-openssl --with-pam --with-pcre2 --with-pgsql \
      --with-sasl --with-webdav-locks --with-webdav-props --with-wolfssl --with-xxhash \
      --with-zstd >"$WORK/lighttpd/configure.log" 2>&1
    nice -n 10 bear --output "$SRC/compile_commands.json" -- \
      make -j"$JOBS" >"$WORK/lighttpd/build.log" 2>&1
  )
  touch "$WORK/lighttpd/build.stamp"
}

analyse() {
  # The TUs of the server: the objects of the lighttpd binary (lighttpd-*.o)
  # and of the loadable modules (libtool's .libs/*.o); the unit tests compile
  # the core files again (t_test_*-*.o, plain *.o) and are left out, as are
  # lighttpd-angel and lemon. A file compiled for both the binary and a .so
  # (the built-in modules) is analysed once.
  local db="$WORK/lighttpd/ccdb-lighttpd" cache rc=0
  cache="$WORK/lighttpd/cache-$(sha1sum "$FORKSAFE" | cut -c1-12)"
  mkdir -p "$db"
  python3 - "$SRC/compile_commands.json" "$db/compile_commands.json" <<'PY'
import json, os, sys
entries = json.load(open(sys.argv[1]))
def output(e):
    o = e.get("output")
    if not o:
        a = e.get("arguments") or e["command"].split()
        o = a[a.index("-o") + 1] if "-o" in a else ""
    return os.path.normpath(os.path.join(e["directory"], o))
pick = {}
for e in entries:
    f = os.path.normpath(os.path.join(e["directory"], e["file"]))
    base, out = os.path.basename(f), output(e)
    if "/t/" in f or "/tests/" in f or base in ("lighttpd-angel.c", "lemon.c"):
        continue
    binary = os.path.basename(out).startswith("lighttpd-")
    if not (binary or "/.libs/" in out):
        continue
    if f not in pick or binary:
        pick[f] = e
json.dump(list(pick.values()), open(sys.argv[2], "w"), indent=1)
print(len(pick), "TUs of the lighttpd server and its modules", file=sys.stderr)
PY
  timeout 3600 "$FORKSAFE" -p "$db" -j "$JOBS" --cache-dir="$cache" \
    --format=json -o "$OUT/lighttpd.json" || rc=$?
  # 0/1: no finding/findings; 3: some TUs not analysed (listed in the report,
  # evaluate.py warns); a timeout (124) or a crash fails the package.
  case $rc in
    0|1|3) return 0 ;;
    124) echo "lighttpd: forksafe timed out after 3600 s" >&2 ;;
    *) echo "lighttpd: forksafe exited $rc" >&2 ;;
  esac
  return 1
}
