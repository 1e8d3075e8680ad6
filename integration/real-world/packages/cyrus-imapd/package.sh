# cyrus-imapd 3.6.1 (Debian 12) for the labelled real-world evaluation;
# sourced by integration/real-world/evaluate.sh (WORK, FORKSAFE, OUT, JOBS).
#
# Chosen over gnokii (smsd does not fork) and ulogd2 (forks only to
# daemonize): Cyrus' master preforks every service, the services open SQLite
# (lib/sqldb.c: the DAV, alarm and backup databases) and MySQL/PostgreSQL/
# SQLite cyrusdb back ends (lib/cyrusdb_sql.c), and several programs fork
# after opening databases (sendmail, reconstruct and callout children,
# daemonizing forks of idled, calalarmd, promstatsd, squatter).
#
# Source: the upstream tarball of the pinned Debian version
# (cyrus-imapd_3.6.1.orig.tar.gz, SHA-256 checked against the .dsc), unpacked
# without Debian's patches: the archive mirror this was made on serves the
# .orig but not the .debian.tar.xz; the labels' lines are the tarball's.
#
# Build: configure with the SQL back ends (--with-mysql, --with-pgsql,
# --with-sqlite), LDAP, and the services that use them or fork (http with
# CalDAV/CardDAV and calalarmd, backup, replication, murder, idled, nntp,
# autocreate); no ClamAV, no Xapian. 'bear -- make V=1' (the libtool link
# lines of the log say which objects each program links).
#
# Analysis: one run per program, because every program is a separate
# executable with its own main() (the master fork()s and exec()s each
# service): the program's own TUs + the TUs of the libtool libraries it links
# (libcyrus_min, libcyrus, libcyrus_imap, libcyrus_sieve, libcyrus_backup,
# libcrc32), read from the link lines of the build log. Every program of the
# build but the test programs imap/message_test and imap/search_test.
PKG=cyrus-imapd
VERSION=3.6.1-4+deb12u4
SRC="$WORK/cyrus-imapd/cyrus-imapd-3.6.1"

build() {
  local d="$WORK/cyrus-imapd" orig sum
  [ -f "$d/build.stamp" ] && [ -s "$SRC/compile_commands.json" ] && return 0
  mkdir -p "$d"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1800 install -y -q \
    --no-install-recommends bear make gcc pkg-config bison flex perl libtool comerr-dev \
    libsasl2-dev libssl-dev zlib1g-dev libpcre3-dev libjansson-dev libxml2-dev \
    libical-dev libicu-dev libnghttp2-dev libbrotli-dev libzstd-dev libshp-dev \
    libsqlite3-dev libpq-dev default-libmysqlclient-dev libldap-dev libkrb5-dev \
    libdb-dev uuid-dev libwrap0-dev >"$d/apt.log" 2>&1
  orig="$d/cyrus-imapd_3.6.1.orig.tar.gz"
  if [ ! -f "$orig" ]; then
    # Fails when the .debian.tar.xz is missing, after the .dsc and the .orig.
    (cd "$d" && apt-get source -q --download-only "$PKG=$VERSION") >"$d/source.log" 2>&1 || true
  fi
  sum=$(awk '/^Checksums-Sha256:/{s=1;next} /^[^ ]/{s=0} s && $3=="cyrus-imapd_3.6.1.orig.tar.gz"{print $1}' \
        "$d/cyrus-imapd_$VERSION.dsc")
  echo "$sum  $orig" | sha256sum -c --quiet - >&2
  [ -d "$SRC" ] || tar -xzf "$orig" -C "$d"
  (
    cd "$SRC"
    [ ! -f Makefile ] || make distclean >/dev/null 2>&1 || true
    nice -n 10 ./configure --with-mysql=yes --with-pgsql=yes \
      --with-pgsql-incdir="$(pg_config --includedir)" --with-pgsql-libdir="$(pg_config --libdir)" \
      --with-sqlite=yes --with-ldap=/usr --enable-http --enable-calalarmd --enable-backup \
      --enable-replication --enable-murder --enable-idled --enable-autocreate --enable-nntp \
      --without-clamav --disable-xapian >"$d/configure.log" 2>&1
    rm -f compile_commands.json
    nice -n 10 bear --output "$SRC/compile_commands.json" -- make V=1 -j"$JOBS" >"$d/build.log" 2>&1
  )
  touch "$d/build.stamp"
}

analyse() {
  local d="$WORK/cyrus-imapd" cache prog files n rc bad=0
  cache="$d/cache-$(sha1sum "$FORKSAFE" | cut -c1-12)"
  # program -> its source files, from the libtool link lines of the build log
  python3 - "$SRC" "$d/build.log" "$d/programs.json" <<'PY'
import json, os, re, shlex, sys
src, log, out = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
links = {}
for line in open(log, errors="replace"):
    if "--mode=link" not in line or line.startswith("libtool:"):
        continue
    toks = shlex.split(line.split("--mode=link", 1)[1])
    if "-o" in toks:
        target = toks[toks.index("-o") + 1]
        links[target] = [t for t in toks if re.search(r"\.(o|lo|la)$", t) and t != target]
by_out = {}
for e in json.load(open(os.path.join(src, "compile_commands.json"))):
    if e.get("output"):
        by_out[os.path.normpath(os.path.join(e["directory"], e["output"]))] = \
            os.path.normpath(os.path.join(e["directory"], e["file"]))
missing = set()
def sources(t, seen):
    if t in seen:
        return set()
    seen.add(t)
    if t.endswith(".la"):
        r = set()
        for m in links.get(t, []):
            r |= sources(m, seen)
        return r
    base = os.path.join(src, t[:-3] if t.endswith(".lo") else t[:-2])
    d, b = os.path.split(base)
    for cand in (base + ".o", os.path.join(d, ".libs", b + ".o")):
        if cand in by_out:
            return {by_out[cand]}
    missing.add(t)
    return set()
progs = {}
for t in links:
    if t.endswith(".la") or t in ("imap/message_test", "imap/search_test"):
        continue
    seen, fs = {t}, set()
    for m in links[t]:
        fs |= sources(m, seen)
    progs[t] = sorted(fs)
json.dump(progs, open(out, "w"), indent=1)
print(len(progs), "programs;", "objects without a TU:", sorted(missing) or "none", file=sys.stderr)
sys.exit(1 if missing or not progs else 0)
PY
  for prog in $(python3 -c 'import json,sys; print(" ".join(sorted(json.load(open(sys.argv[1])))))' "$d/programs.json"); do
    files=$(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[sys.argv[2]]))' \
            "$d/programs.json" "$prog")
    n=${prog//\//-}
    rc=0
    # shellcheck disable=SC2086
    timeout 3600 "$FORKSAFE" -p "$SRC" -j "$JOBS" --cache-dir="$cache" --quiet \
      --format=json -o "$OUT/$n.json" $files 2>"$OUT/$n.stderr" || rc=$?
    echo "$prog: exit $rc"
    case $rc in 0|1|3) ;; *) echo "cyrus-imapd: $prog: forksafe exit $rc (124: timeout)" >&2; bad=1 ;; esac
  done
  return "$bad"
}
