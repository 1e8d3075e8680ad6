# postfix 3.7.11 (Debian 12) for the labelled real-world evaluation; sourced by
# integration/real-world/evaluate.sh (see its README for WORK, FORKSAFE, OUT, JOBS).
#
# Build: 'make makefiles' with debian/rules' CCARGS and AUXLIBS (MySQL,
# PostgreSQL, SQLite, LDAP, LMDB, CDB, PCRE2, OpenSSL TLS, Cyrus SASL;
# shared=yes dynamicmaps=yes, so the database dictionaries are plug-ins
# postfix-mysql.so etc. loaded through dynamicmaps.cf), Debian's hardening
# flags without LTO; then 'bear -- make'.
#
# Analysis: one run per executable. Postfix is some thirty programs (master,
# smtpd, local, pipe, virtual, proxymap, cleanup, postmap, sendmail...), each
# with its own main() and its own static service callbacks, all linking the
# same libraries (src/util, global, dns, tls, master's server skeletons,
# milter, xsasl). One whole-program run would merge thirty programs into one
# and let every daemon's callbacks reach every other's. So each run takes one
# program's TUs (its directory under src/; for src/master only the master
# daemon's own files) plus every library TU, the database dictionaries
# included (any program that opens a table may dlopen them). The facts cache
# under $WORK is shared, so each TU is parsed once.
PKG=postfix
VERSION=3.7.11-0+deb12u1
SRC="$WORK/postfix/postfix-3.7.11"

build() {
  [ -f "$WORK/postfix/build.stamp" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$WORK/postfix"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 build-dep -y -q \
    "$PKG=$VERSION" >"$WORK/postfix/build-dep.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends bear >>"$WORK/postfix/build-dep.log" 2>&1
  if [ ! -d "$SRC" ]; then
    (cd "$WORK/postfix" && apt-get source -q "$PKG=$VERSION") >"$WORK/postfix/source.log" 2>&1
  fi
  (
    cd "$SRC"
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all   # debian/rules adds optimize=+lto
    local cppflags cflags ldflags pg
    cppflags=$(dpkg-buildflags --get CPPFLAGS)
    cflags=$(dpkg-buildflags --get CFLAGS)
    ldflags=$(dpkg-buildflags --get LDFLAGS)
    pg=$(pg_config --includedir)
    local ccargs="-DDEBIAN -DHAS_PCRE=2 $(pcre2-config --cflags) -DHAS_LDAP -DUSE_LDAP_SASL \
-DHAS_SQLITE -DMYORIGIN_FROM_FILE $(getconf LFS_CFLAGS) -DHAS_CDB -DHAS_LMDB \
-DHAS_MYSQL -I/usr/include/mysql -DHAS_PGSQL -I$pg -DHAS_SQLITE \
-DHAS_SSL -I/usr/include/openssl -DUSE_SASL_AUTH -I/usr/include/sasl -DUSE_CYRUS_SASL -DUSE_TLS"
    make makefiles \
      CCARGS="$ccargs" DEBUG='' OPT="$cppflags $cflags $ldflags" \
      PLUGIN_LD="cc -shared $cppflags $cflags $ldflags" \
      AUXLIBS="-lssl -lcrypto -lsasl2 -lpthread" \
      AUXLIBS_CDB="-lcdb" AUXLIBS_LDAP="-lldap -llber" AUXLIBS_LMDB="-llmdb" \
      AUXLIBS_MYSQL="-lmysqlclient" AUXLIBS_PCRE="$(pcre2-config --libs8)" \
      AUXLIBS_PGSQL="-lpq" AUXLIBS_SQLITE="-lsqlite3" \
      SHLIB_RPATH="-Wl,-rpath,/usr/lib/postfix $ldflags" \
      shared=yes pie=yes dynamicmaps=yes \
      daemon_directory=/usr/lib/postfix/sbin shlib_directory=/usr/lib/postfix \
      manpage_directory=/usr/share/man sample_directory=/usr/share/doc/postfix/examples \
      readme_directory=/usr/share/doc/postfix html_directory=/usr/share/doc/postfix/html \
      >"$WORK/postfix/makefiles.log" 2>&1
    nice -n 10 bear --output "$SRC/compile_commands.json" -- \
      make -j"$JOBS" >"$WORK/postfix/build.log" 2>&1
  )
  touch "$WORK/postfix/build.stamp"
}

analyse() {
  # Partition the compile database: library TUs (in every run) and one TU list
  # per program, from each directory's Makefile.in (PROG, OBJS; src/master's
  # LIB_OBJ are the server skeletons every daemon links).
  local lists="$WORK/postfix/programs"
  rm -rf "$lists"
  mkdir -p "$lists"
  python3 - "$SRC" "$lists" <<'PY'
import json, os, re, sys
src, lists = sys.argv[1], sys.argv[2]
LIBDIRS = {"util", "global", "dns", "tls", "milter", "xsasl"}

def makevars(path):
    text = open(path).read().replace("\\\n", " ")
    return {m.group(1): m.group(2).split()
            for m in re.finditer(r"^(\w+)\s*=[ \t]*(.*)$", text, re.M)}

entries = json.load(open(os.path.join(src, "compile_commands.json")))
files = sorted({os.path.normpath(os.path.join(e["directory"], e["file"])) for e in entries})
libs, progs = [], {}
for f in files:
    r = os.path.relpath(f, os.path.join(src, "src"))
    if r.startswith(".."):                   # Debian's rmail/: another program
        continue
    d, base = r.split("/", 1) if "/" in r else ("", r)
    if d in LIBDIRS:
        libs.append(f)
        continue
    mk = makevars(os.path.join(src, "src", d, "Makefile.in"))
    names, objs = mk.get("PROG", []), mk.get("OBJS", [])
    obj = os.path.splitext(base)[0] + ".o"
    if obj not in objs:                      # src/master's LIB_OBJ, or not a program's
        libs.append(f)
        continue
    # a directory of one-file programs (smtpstone): one program per object
    name = os.path.splitext(base)[0] if len(names) > 1 and len(names) == len(objs) else names[0]
    progs.setdefault((d, name), []).append(f)
# src/oqmgr builds a 'qmgr' too: programs of one name are named by directory
dirs = {}
for d, name in progs:
    dirs.setdefault(name, set()).add(d)
progs = {(d if len(dirs[name]) > 1 else name): fs for (d, name), fs in progs.items()}
for name, fs in progs.items():
    with open(os.path.join(lists, name), "w") as out:
        out.write("\n".join(fs + libs) + "\n")
print(f"{len(progs)} programs, {len(libs)} library TUs in each run", file=sys.stderr)
PY
  # a facts cache per forksafe binary: another engine never reads stale facts
  local cache prog rc tus
  cache="$WORK/postfix/cache-$(sha1sum <"$FORKSAFE" | cut -c1-12)"
  for prog in $(ls "$lists"); do
    rc=0
    mapfile -t tus <"$lists/$prog"
    timeout 3600 "$FORKSAFE" -p "$SRC" -j "$JOBS" --cache-dir="$cache" --quiet \
      --format=json -o "$OUT/$prog.json" "${tus[@]}" || rc=$?
    case $rc in
      0|1) ;;
      124) echo "postfix/$prog: forksafe timed out" >&2 ;;
      *) echo "postfix/$prog: forksafe exit $rc" >&2 ;;
    esac
  done
  return 0
}
