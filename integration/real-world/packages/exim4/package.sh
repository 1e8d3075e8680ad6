# exim4 4.96 (Debian 12) for the labelled real-world evaluation; sourced by
# integration/real-world/evaluate.sh (see its README for WORK, FORKSAFE, OUT, JOBS).
#
# Build: Debian's exim4-daemon-heavy configuration (debian/rules unpack-configs
# patches src/EDITME into EDITME.exim4-heavy: MySQL, PostgreSQL, SQLite and LDAP
# lookups, Perl, PAM, SPF, content scanning, GnuTLS), plus the Redis lookup
# (LOOKUP_REDIS=yes, -lhiredis), which Debian leaves out; built in place with
# 'bear -- make'. Exim's Makefile symlinks the sources into build-Linux-x86_64/
# and compiles them there.
#
# Analysis: one whole-program run over the TUs that link into the 'exim' binary.
# The daemon, the reception and the delivery processes are all that one
# executable forking itself (and re-exec'ing itself), so the whole program is the
# right model. The build also links a few stand-alone utilities, each with its
# own main() and none opening a lookup connection (exim_dbmbuild, exim_dumpdb/
# exim_fixdb/exim_tidydb from exim_dbutil.c, exim_lock, and the build-time
# generators buildconfig and macro_predef): they are left out, and so are the
# second compilations of exim's sources for them (-DCOMPILE_UTILITY,
# -DMACRO_PREDEF).
PKG=exim4
VERSION=4.96-15+deb12u10
SRC="$WORK/exim4/exim4-4.96"

build() {
  [ -f "$WORK/exim4/build.stamp" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$WORK/exim4"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 build-dep -y -q \
    "$PKG=$VERSION" >"$WORK/exim4/build-dep.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends bear libhiredis-dev >>"$WORK/exim4/build-dep.log" 2>&1
  if [ ! -d "$SRC" ]; then
    (cd "$WORK/exim4" && apt-get source -q "$PKG=$VERSION") >"$WORK/exim4/source.log" 2>&1
  fi
  (
    cd "$SRC"
    [ -f unpack-configs-stamp ] || debian/rules unpack-configs >"$WORK/exim4/configs.log" 2>&1
    mkdir -p Local
    cp EDITME.exim4-heavy Local/Makefile
    cp EDITME.eximon Local/eximon.conf
    # Redis on top of Debian's heavy daemon; the EDITME line order matters
    # (LOOKUP_INCLUDE/LOOKUP_LIBS are set by the heavy diff, we append to them).
    cat >>Local/Makefile <<'MK'
LOOKUP_REDIS=yes
LOOKUP_LIBS += -lhiredis
MK
    nice -n 10 bear --output "$SRC/compile_commands.json" -- \
      make -j"$JOBS" FULLECHO='' >"$WORK/exim4/build.log" 2>&1
  )
  touch "$WORK/exim4/build.stamp"
}

analyse() {
  # The TUs of the exim binary: everything compiled in build-*/ except the
  # stand-alone utilities' own main files.
  local db="$WORK/exim4/ccdb-exim"
  mkdir -p "$db"
  python3 - "$SRC/compile_commands.json" "$db/compile_commands.json" <<'PY'
import json, os, sys
entries = json.load(open(sys.argv[1]))
keep, seen = [], set()
for e in entries:
    f = os.path.normpath(os.path.join(e["directory"], e["file"]))
    args = e.get("arguments") or e["command"].split()
    # -DMACRO_PREDEF: the macro_predef generator; -DCOMPILE_UTILITY: the
    # utilities; buildconfig and exim_lock are programs of their own
    if ("-DMACRO_PREDEF" in args or "-DCOMPILE_UTILITY" in args or
            os.path.basename(f) in ("buildconfig.c", "exim_lock.c", "macro_predef.c")):
        continue
    assert f not in seen, f
    seen.add(f)
    keep.append(e)
json.dump(keep, open(sys.argv[2], "w"), indent=1)
print(len(keep), "TUs of the exim binary", file=sys.stderr)
PY
  # a facts cache per forksafe binary: another engine never reads stale facts
  local rc=0 cache
  cache="$WORK/exim4/cache-$(sha1sum <"$FORKSAFE" | cut -c1-12)"
  timeout 3600 "$FORKSAFE" -p "$db" -j "$JOBS" --cache-dir="$cache" \
    --format=json -o "$OUT/exim.json" || rc=$?
  case $rc in 0|1) ;; 124) echo "exim4: forksafe timed out" >&2 ;; *) echo "exim4: forksafe exit $rc" >&2 ;; esac
  return 0
}
