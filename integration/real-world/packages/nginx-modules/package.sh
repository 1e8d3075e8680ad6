# nginx 1.22.1-9+deb12u9 (Debian 12) with Debian's third-party modules
# (the libnginx-mod-* source packages) built as dynamic modules, analysed one
# module package at a time (its TUs + nginx's own; each module is a separate
# dlopen()ed object), as in docs/real-world-runs.md, "Module collections".
# Sourced by evaluate.sh.
#
# The framework rules (rules/frameworks/nginx.json) model the configuration
# handlers, postconfiguration and init_module as pre-fork hooks and
# init_process and the request handlers as worker hooks. The one module with
# a database connection is nchan (hiredis).
#
# Sources: 'apt-get source PACKAGE=VERSION'. Where the archive has the .orig
# tarball but not the .debian.tar.xz, the .orig tarball is unpacked without
# Debian's patches. Where it has neither (nchan), the upstream tag is cloned
# from NCHAN_GIT (default https://github.com/slact/nchan; any clone of it
# works) and checked against the tag's commit; Debian's 1.3.6+dfsg only drops
# files that are not built. A TU whose object file the build did not produce
# (a module that does not compile without Debian's patches: upstream-fair and
# subs-filter) is left out of the compilation database.
PKG=nginx
VERSION=1.22.1-9+deb12u9
SRC=$WORK/nginx-modules
NCHAN_GIT=${NCHAN_GIT:-https://github.com/slact/nchan}
_ngx_modules=(
  libnginx-mod-http-ndk=1:0.3.2-3
  libnginx-mod-http-lua=1:0.10.23-1+deb12u1
  libnginx-mod-nchan=1:1.3.6+dfsg-2
  libnginx-mod-http-echo=1:0.63-4
  libnginx-mod-http-upstream-fair=1:0.0~git20120408.a18b409-3
  libnginx-mod-rtmp=1:1.2.2+dfsg-3
  libnginx-mod-http-geoip2=1:3.4-3
  libnginx-mod-http-srcache-filter=0.33-1
  libnginx-mod-http-set-misc=0.33-3
  libnginx-mod-http-headers-more-filter=1:0.34-3
  libnginx-mod-http-dav-ext=1:3.0.0-3
  libnginx-mod-http-fancyindex=1:0.5.2-3
  libnginx-mod-http-subs-filter=1:0.6.4-4
  libnginx-mod-http-brotli=1.0.0~rc-3
  libnginx-mod-http-modsecurity=1.0.3-1
)
_ngx_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
_ngx_rw=$(cd "$_ngx_here/../.." && pwd)
_ngx=$SRC/nginx-1.22.1
_ngx_ccdb=$SRC/ccdb

build() {
  [ -f "$SRC/.built" ] && [ -s "$_ngx_ccdb/compile_commands.json" ] && return 0
  mkdir -p "$SRC/mods"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1800 install -y -qq \
    --no-install-recommends bear make gcc git dpkg-dev libpcre3-dev libpcre2-dev zlib1g-dev \
    libssl-dev libluajit2-5.1-dev libmaxminddb-dev libmodsecurity-dev libbrotli-dev \
    libxslt1-dev libgd-dev libgeoip-dev libhiredis-dev >/dev/null
  [ -d "$_ngx" ] || (cd "$SRC" && apt-get source -q "$PKG=$VERSION")
  local dirs=() spec pkg ver uver d orig
  for spec in "${_ngx_modules[@]}"; do
    pkg=${spec%%=*} ver=${spec#*=}
    uver=${ver#*:}; uver=${uver%-*}          # upstream version: no epoch, no revision
    d="$SRC/mods/$pkg-$uver"
    if [ ! -d "$d" ]; then
      (cd "$SRC/mods" && apt-get source -q "$pkg=$ver") || true
    fi
    if [ ! -d "$d" ]; then
      orig=$(ls "$SRC/mods/${pkg}_${uver}".orig.tar.* 2>/dev/null | head -1 || true)
      if [ -n "$orig" ]; then
        echo "$pkg: unpacking $orig without Debian's patches"
        mkdir -p "$d" && tar -xf "$orig" -C "$d" --strip-components=1
      elif [ "$pkg" = libnginx-mod-nchan ]; then
        echo "$pkg: upstream tag v1.3.6 from $NCHAN_GIT"
        git clone -q --branch v1.3.6 "$NCHAN_GIT" "$d.tmp"
        [ "$(git -C "$d.tmp" rev-parse HEAD)" = b95f64c0f49223ebcaddb18609ac5644d41fca14 ] ||
          { echo "nchan v1.3.6 is not commit b95f64c" >&2; return 1; }
        mv "$d.tmp" "$d"
      else
        echo "$pkg: no source" >&2; return 1
      fi
    fi
    case "$pkg" in
      libnginx-mod-http-brotli) dirs+=("$d/filter" "$d/static") ;;
      *) dirs+=("$d") ;;
    esac
  done
  if [ ! -s "$_ngx/compile_commands.json" ]; then
    local adds=()
    for d in "${dirs[@]}"; do adds+=("--add-dynamic-module=$d"); done
    # Debian's configure flags (debian/rules), the modules as dynamic modules
    (cd "$_ngx" && LUAJIT_INC=/usr/include/luajit-2.1 LUAJIT_LIB=/usr/lib/x86_64-linux-gnu \
       ./configure --with-compat --with-debug --with-pcre-jit --with-threads \
         --with-http_ssl_module --with-http_stub_status_module --with-http_realip_module \
         --with-http_auth_request_module --with-http_v2_module --with-http_dav_module \
         --with-http_slice_module --with-http_addition_module --with-http_gunzip_module \
         --with-http_gzip_static_module --with-http_sub_module \
         --with-mail=dynamic --with-mail_ssl_module --with-stream=dynamic \
         --with-stream_ssl_module --with-stream_realip_module \
         --with-http_geoip_module=dynamic --with-http_xslt_module=dynamic \
         --with-http_image_filter_module=dynamic "${adds[@]}" >"$SRC/configure.log" 2>&1)
    # -k: two modules do not build without Debian's patches
    (cd "$_ngx" && { nice -n 10 bear --output "$_ngx/compile_commands.json" -- \
       make -k -j"$JOBS" >"$SRC/build.log" 2>&1 || true; })
  fi
  mkdir -p "$_ngx_ccdb"
  python3 - "$_ngx/compile_commands.json" "$_ngx_ccdb/compile_commands.json" <<'PY'
import json, os, sys
keep, drop = [], []
for e in json.load(open(sys.argv[1])):
    args = e.get("arguments") or e["command"].split()
    obj = args[args.index("-o") + 1] if "-o" in args else None
    ok = obj is None or os.path.exists(os.path.join(e["directory"], obj))
    (keep if ok else drop).append(e)
json.dump(keep, open(sys.argv[2], "w"), indent=1)
print(f"{len(keep)} TUs; left out (did not compile): {sorted(d['file'] for d in drop)}")
PY
  touch "$SRC/.built"
}

# One run per module package: its TUs + nginx's own TUs.
analyse() {
  local cache rc=0
  cache="$WORK/nginx-modules-cache-$(sha1sum "$FORKSAFE" | cut -c1-12)"
  timeout 7200 python3 "$_ngx_rw/per-module.py" --ccdb "$_ngx_ccdb" --forksafe "$FORKSAFE" \
    --jobs "$JOBS" --module-root "^$SRC/mods/([^/]+)/" --libs "^$_ngx/" \
    --out "$OUT" -- --cache-dir="$cache" >"$OUT/per-module.log" || rc=$?
  [ -f "$OUT/summary.json" ] && mv "$OUT/summary.json" "$OUT/per-module-summary.txt"
  [ "$rc" -eq 0 ] || { echo "per-module.py exited $rc (124: timeout)" >&2; return "$rc"; }
  python3 - "$OUT/per-module-summary.txt" <<'PY'
import json, sys
bad = {m: s for m, s in json.load(open(sys.argv[1])).items() if s["exit"] not in (0, 1, 3)}
for m, s in bad.items():
    print(f"module {m}: forksafe exited {s['exit']}: {s.get('stderr', '')[-400:]}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
