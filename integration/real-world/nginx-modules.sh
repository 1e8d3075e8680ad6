#!/usr/bin/env bash
# forksafe on nginx 1.22.1 (Debian 12) with Debian's third-party modules built
# as dynamic modules, as in docs/real-world-runs.md ("nginx 1.22.1 and
# Debian's third-party modules").
#
#   bash integration/real-world/nginx-modules.sh
#
# Not run by CI. Needs root or sudo for apt-get. Work directory: $WORK
# (default /tmp/realruns), never inside the repository. Idempotent.
#
# In bookworm the third-party modules are separate source packages
# (libnginx-mod-*), not debian/modules/ of nginx. Each is fetched with
# 'apt-get source PACKAGE=VERSION'. Where the archive (or a proxy) has the
# .orig tarball but not the .debian.tar.xz, the .orig tarball is unpacked
# without Debian's patches; nchan's tarball missing altogether, its upstream
# tag v1.3.6 is cloned (Debian's 1.3.6+dfsg only drops unbuilt files).
# A TU whose object file the build did not produce (a module that does not
# compile without Debian's patches) is left out of the compilation database.
#
# Knobs: JOBS (2), WORK, FORKSAFE (default: the repo's build/bin/forksafe).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
JOBS=${JOBS:-2}
WORK=${WORK:-/tmp/realruns}
FORKSAFE=${FORKSAFE:-$repo/build/bin/forksafe}
NGINX_VERSION=1.22.1-9+deb12u9
MODULES=(
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
case "$WORK" in "$repo"/*) echo "WORK must be outside the repository" >&2; exit 2 ;; esac
[ -x "$FORKSAFE" ] || { echo "no forksafe at $FORKSAFE (build it, or set FORKSAFE)" >&2; exit 2; }
log() { printf '\n== %s\n' "$*" >&2; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
mkdir -p "$WORK/nginx-mods"

# --- 1. packages ----------------------------------------------------------------
if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  log "enabling Debian source packages"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
    $sudo tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  $sudo apt-get update -qq
fi
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  bear make gcc git libpcre3-dev libpcre2-dev zlib1g-dev libssl-dev libluajit2-5.1-dev \
  libmaxminddb-dev libmodsecurity-dev libbrotli-dev libxslt1-dev libgd-dev \
  libgeoip-dev >/dev/null

# --- 2. sources -----------------------------------------------------------------------
ngx="$WORK/nginx-1.22.1"
[ -d "$ngx" ] || (cd "$WORK" && apt-get source -q "nginx=$NGINX_VERSION")
dirs=()
for spec in "${MODULES[@]}"; do
  pkg=${spec%%=*} ver=${spec#*=}
  uver=${ver#*:}; uver=${uver%-*}            # upstream version, no epoch or revision
  d="$WORK/nginx-mods/$pkg-$uver"
  if [ ! -d "$d" ]; then
    (cd "$WORK/nginx-mods" && apt-get source -q "$pkg=$ver" >/dev/null 2>&1) || true
    if [ ! -d "$d" ]; then
      orig=$(ls "$WORK/nginx-mods/${pkg}_${uver}".orig.tar.* 2>/dev/null | head -1 || true)
      if [ -n "$orig" ]; then
        log "$pkg: unpacking $orig without Debian's patches"
        mkdir -p "$d" && tar -xf "$orig" -C "$d" --strip-components=1
      elif [ "$pkg" = libnginx-mod-nchan ]; then
        log "$pkg: upstream tag v1.3.6"
        git clone -q --depth 1 --branch v1.3.6 https://github.com/slact/nchan "$d"
      else
        log "$pkg: no source, skipped"; continue
      fi
    fi
  fi
  case "$pkg" in
    libnginx-mod-http-brotli) dirs+=("$d/filter" "$d/static") ;;
    *) dirs+=("$d") ;;
  esac
done

# --- 3. build -------------------------------------------------------------------------
if [ ! -s "$ngx/compile_commands.json" ]; then
  adds=()
  for d in "${dirs[@]}"; do adds+=("--add-dynamic-module=$d"); done
  log "configure nginx with ${#dirs[@]} dynamic modules; bear -- make -k -j$JOBS"
  (cd "$ngx" && LUAJIT_INC=/usr/include/luajit-2.1 LUAJIT_LIB=/usr/lib/x86_64-linux-gnu \
     ./configure --with-compat --with-debug --with-pcre-jit --with-threads \
       --with-http_ssl_module --with-http_stub_status_module --with-http_realip_module \
       --with-http_auth_request_module --with-http_v2_module --with-http_dav_module \
       --with-http_slice_module --with-http_addition_module --with-http_gunzip_module \
       --with-http_gzip_static_module --with-http_sub_module \
       --with-mail=dynamic --with-mail_ssl_module --with-stream=dynamic \
       --with-stream_ssl_module --with-stream_realip_module \
       --with-http_geoip_module=dynamic --with-http_xslt_module=dynamic \
       --with-http_image_filter_module=dynamic "${adds[@]}" >"$WORK/nginx-configure.log" 2>&1 &&
     { bear --output "$ngx/compile_commands.json" -- make -k -j"$JOBS" >"$WORK/nginx-build.log" 2>&1 || true; })
fi
ccdb="$WORK/nginx-ccdb"
mkdir -p "$ccdb"
python3 - "$ngx/compile_commands.json" "$ccdb/compile_commands.json" <<'EOF'
import json, os, sys
keep, drop = [], []
for e in json.load(open(sys.argv[1])):
    args = e.get("arguments") or e["command"].split()
    obj = args[args.index("-o") + 1] if "-o" in args else None
    ok = obj is None or os.path.exists(os.path.join(e["directory"], obj))
    (keep if ok else drop).append(e)
json.dump(keep, open(sys.argv[2], "w"), indent=1)
print(f"{len(keep)} TUs; left out (did not compile): {[d['file'] for d in drop]}", file=sys.stderr)
EOF

# --- 4. forksafe ----------------------------------------------------------------------
out="$WORK/out-nginx"
mkdir -p "$out"
log "whole program: nginx core + every module"
set +e
/usr/bin/time -v -o "$out/all.time" "$FORKSAFE" -p "$ccdb" -j "$JOBS" --format=json -o "$out/all.json"
echo "exit $?" >>"$out/all.time"
set -e
grep -E 'Elapsed|Maximum resident|User time|System time|^exit' "$out/all.time" >&2
log "one run per module (module + nginx core)"
python3 "$here/per-module.py" --ccdb "$ccdb" --forksafe "$FORKSAFE" --jobs "$JOBS" \
  --module-root '/nginx-mods/([^/]+)/' --libs "^$ngx/" --out "$out/modules" | tail -1
python3 "$here/show.py" "$WORK" "$out/all.json" "$out"/modules/*.json
