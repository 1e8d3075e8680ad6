# courier-authlib 0.71.4 (Debian 12) for the labelled real-world evaluation;
# sourced by integration/real-world/evaluate.sh (WORK, FORKSAFE, OUT, JOBS).
#
# Build: Debian's configure options (debian/rules COMMON_CONFOPTS: authpam,
# authpipe, authmysql, authpgsql, authldap, authsqlite, authcram, userdb with
# gdbm; authpwd and authshadow off), but mail user/group root (there is no
# 'courier' user at build time; it only goes into generated files), built in
# place with 'bear -- make'.
#
# Analysis. authdaemondprog (authdaemond.c + authdaemondcpp.cpp, linking
# libcourierauth, libcourierauthcommon and the static helper libraries of
# libs/) reads authdaemonrc, lt_dlopen()s one shared object per module of
# 'authmodulelist' (libauthmysql.so, libauthpgsql.so, ...; libltdl opens them
# RTLD_LOCAL), then preforks 'daemons' workers (startchildren()); only the
# workers accept requests, and each module connects lazily on its first
# request in the worker. Two kinds of run:
#   - one run per module (integration/real-world/per-module.py): the module's
#     TUs (authNAME.c[pp], preauthNAME.c[pp], authNAMElib.c[pp]) + the TUs of
#     the program and the libraries it links (CA_PROG, CA_LIBS below); the
#     modules mysql, pgsql, ldap, sqlite, pam, pipe, custom;
#   - one run of the program with every one of those modules: a worker loads
#     all the modules of authmodulelist into one process, so a fork in one
#     module (authpam, authpipe) can inherit another module's connection.
# Labelled on an equivalent tree: the archive mirror this was made on has the
# .dsc of 0.71.4-1 but neither its .orig.tar.bz2 nor its .debian.tar.xz, so
# the labels were made (and the "before" engine run, through this file's
# build() and analyse()) on Debian's 0.71.1 tarball with the two sources that
# changed up to upstream's 0.71.4 tag replaced (authldaplib.cpp, authsasl.c);
# the other sources of authdaemond and of the modules are identical in
# 0.71.1 and 0.71.4 (the helper libraries of libs/ come from courier-libs).
# Left out: authuserdb (gdbm files, no client library handle), the
# stand-alone tools (authtest, authenumerate, authpasswd, courierauthconfig,
# userdb/, makedat, the test programs).
PKG=courier-authlib
VERSION=0.71.4-1
SRC="$WORK/courier-authlib/courier-authlib-0.71.4"
CA_MODROOT='/(?:pre)?auth(mysql|pgsql|ldap|sqlite|pam|pipe|custom)(?:lib)?\.(?:c|cpp)$'
CA_PROG='/(authdaemond|authdaemondcpp|authdaemon|authdaemonlib|preauthdaemon|authmoduser2|authmoduser3|debug|authoption|authconfigfile|authpwdenumerate|authsaslfrombase64|authsasltobase64|authsyschangepwd|authsyscommon|authldapescape|cramlib|checkpassword|cryptpassword|checkpasswordmd5|checkpasswordsha1)\.(c|cpp)$'
CA_LIBS='/libs/(liblock/(lockfcntl|lockdaemon)|libhmac/hmac|md5/(md5|md5_hash|hmac|redhat-crypt-md5)|sha1/(sha1|sha1_hash|sha256|sha256_hash|sha512|sha512_hash|hmac)|rfc822/encode|numlib/(ato|change|str)[a-z]+|random128/random128[a-z]*)\.c$'
_ca_rw=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

build() {
  local d="$WORK/courier-authlib"
  [ -f "$d/build.stamp" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$d"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1800 build-dep -y -q \
    "$PKG=$VERSION" >"$d/build-dep.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1800 install -y -q \
    --no-install-recommends bear >>"$d/build-dep.log" 2>&1
  if [ ! -d "$SRC" ]; then
    (cd "$d" && apt-get source -q "$PKG=$VERSION") >"$d/source.log" 2>&1
  fi
  (
    cd "$SRC"
    [ ! -f Makefile ] || make distclean >/dev/null 2>&1 || true
    CONFIG_SHELL=/bin/sh nice -n 10 ./configure PS=/bin/ps \
      --with-authdaemonvar=/run/courier/authdaemon --with-pkgconfdir=/etc/courier \
      --with-mailuser=root --with-mailgroup=root --without-socks \
      --with-authpam --with-authpipe --without-authpwd \
      --with-authmysql --with-mysql-includes=/usr/include/mysql --with-mysql-libs=/usr/lib \
      --with-authpgsql --with-pgsql-includes="$(pg_config --includedir)" --with-pgsql-libs=/usr/lib \
      --without-authshadow --with-authldap --with-authsqlite="" --with-authcram \
      --with-db=gdbm --without-fcgi --enable-userdb --enable-syslog=1 --disable-root-check \
      --with-locking-method=fcntl >"$d/configure.log" 2>&1
    rm -f compile_commands.json
    nice -n 10 bear --output "$SRC/compile_commands.json" -- make -j"$JOBS" >"$d/build.log" 2>&1
    [ -f .libs/authdaemondprog ] || [ -f authdaemondprog ] || { echo "courier-authlib: authdaemondprog did not build" >&2; return 1; }
  )
  touch "$d/build.stamp"
}

analyse() {
  local cache rc=0
  cache="$WORK/courier-authlib/cache-$(sha1sum "$FORKSAFE" | cut -c1-12)"
  timeout 3600 python3 "$_ca_rw/per-module.py" --ccdb "$SRC" --forksafe "$FORKSAFE" \
    --jobs "$JOBS" --module-root "$CA_MODROOT" --libs "$CA_PROG" --libs "$CA_LIBS" \
    --out "$OUT" -- --cache-dir="$cache" >"$OUT/per-module.log" || rc=$?
  # summary.json is per-module.py's, not a report
  [ -f "$OUT/summary.json" ] && mv "$OUT/summary.json" "$OUT/per-module-summary.txt"
  [ "$rc" -eq 0 ] || { echo "per-module.py exited $rc (124: timeout)" >&2; return "$rc"; }
  python3 - "$OUT/per-module-summary.txt" <<'PY'
import json, sys
bad = {m: s for m, s in json.load(open(sys.argv[1])).items() if s["exit"] not in (0, 1, 3)}
for m, s in bad.items():
    print(f"module {m}: forksafe exited {s['exit']}: {s.get('stderr', '')[-400:]}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
  # the worker process with every module loaded
  local files
  files=$(python3 - "$SRC/compile_commands.json" "$CA_MODROOT" "$CA_PROG" "$CA_LIBS" <<'PY'
import json, os, re, sys
seen = set()
for e in json.load(open(sys.argv[1])):
    f = os.path.normpath(os.path.join(e["directory"], e["file"]))
    if any(re.search(p, f) for p in sys.argv[2:]):
        seen.add(f)
print("\n".join(sorted(seen)))
PY
)
  rc=0
  # shellcheck disable=SC2086
  timeout 3600 "$FORKSAFE" -p "$SRC" -j "$JOBS" --cache-dir="$cache" --quiet \
    --format=json -o "$OUT/all-modules.json" $files || rc=$?
  case $rc in 0|1|3) return 0 ;; 124) echo "courier-authlib: forksafe timed out" >&2 ;; esac
  echo "courier-authlib: forksafe exit $rc" >&2
  return "$rc"
}
