#!/usr/bin/env bash
# cpack -G DEB; check the package; use it, extracted, from a downstream project.
set -euo pipefail
work=$1
: "${CPACK_COMMAND:=cpack}" "${FORKSAFE_BUILD_DIR:?}" "${FORKSAFE_SOURCE_DIR:?}"
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work"; mkdir -p "$work"

(cd "$FORKSAFE_BUILD_DIR" && "$CPACK_COMMAND" -G DEB -B "$work/pkg" --config CPackConfig.cmake) \
  >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
debs=("$work"/pkg/forksafe_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one forksafe_*.deb in $work/pkg: ${debs[*]}"
deb=${debs[0]}
echo "package: $deb ($(du -h "$deb" | cut -f1))"

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./||' >"$work/contents.txt"
for f in usr/bin/forksafe usr/share/forksafe/rules/mysql.json usr/share/forksafe/rules/libpq.json \
         usr/include/forksafe/runtime.h usr/include/forksafe/shim/mysql.h \
         usr/lib/cmake/forksafe/forksafeConfig.cmake usr/lib/cmake/forksafe/forksafeTargets.cmake \
         usr/lib/cmake/forksafe/ForksafeCheck.cmake usr/lib/pkgconfig/forksafe-runtime.pc; do
  grep -qx "$f" "$work/contents.txt" || { cat "$work/contents.txt"; fail "not in the package: /$f"; }
done
nrules=$(grep -c '^usr/share/forksafe/rules/[^/]*\.json$' "$work/contents.txt")
nsrc=$(ls "$FORKSAFE_SOURCE_DIR"/rules/*.json | wc -l)
[ "$nrules" -eq "$nsrc" ] || fail "$nrules rule files in the package, $nsrc in rules/"

dpkg-deb -f "$deb" Package Version Architecture Maintainer Depends >"$work/control.txt"
cat "$work/control.txt"
grep -q '^Package: forksafe$' "$work/control.txt" || fail "package name"
for dep in libclang-cpp19 libllvm19 libclang-common-19-dev; do
  grep -q "^Depends:.*\b$dep\b" "$work/control.txt" || fail "Depends: lacks $dep"
done
# Every package named in Depends: exists (installed here, or known to apt).
deps=$(sed -n 's/^Depends: //p' "$work/control.txt" | tr ',' '\n' | sed 's/[|].*//; s/(.*//; s/ //g' | sort -u)
for p in $deps; do
  dpkg-query -W "$p" >/dev/null 2>&1 || apt-cache show "$p" >/dev/null 2>&1 || fail "Depends: names unknown package $p"
done
# Each library the binary needs (NEEDED) comes from a package in Depends:.
root="$work/root"
dpkg-deb -x "$deb" "$root"
owner_of() {  # merged /usr: dpkg may know the file under /lib or /usr/lib
  local f o
  for f in "$1" "$(readlink -f "$1")" "${1#/usr}" "/usr$1"; do
    o=$(dpkg -S "$f" 2>/dev/null | head -1 | cut -d: -f1)
    [ -z "$o" ] || { echo "$o"; return 0; }
  done
  return 1
}
for so in $(readelf -d "$root/usr/bin/forksafe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  path=$(ldd "$root/usr/bin/forksafe" | awk -v so="$so" '$1 == so {print $3}')
  [ -n "$path" ] && [ -e "$path" ] || fail "$so (needed by forksafe) not found by the loader"
  owner=$(owner_of "$path") || fail "$so ($path) belongs to no package"
  grep -q "^Depends:.*\b$owner\b" "$work/control.txt" || fail "$so comes from $owner, which Depends: lacks"
  echo "needs $so: $owner"
done

# Use the extracted package: the binary finds its rules under its own prefix.
bash "$here/downstream.sh" "$root/usr" "$work/downstream"

# Prove the rules come from <prefix>/share/forksafe/rules: without the MySQL
# rule file there, the extracted binary no longer knows mysql_real_connect.
rm "$root/usr/share/forksafe/rules/mysql.json"
set +e
"$root/usr/bin/forksafe" -p "$work/downstream" --quiet \
  "$DOWNSTREAM_EXAMPLE/db.c" "$DOWNSTREAM_EXAMPLE/server_bug.c" >"$work/norules.log" 2>&1
rc=$?
set -e
[ "$rc" -eq 0 ] || { cat "$work/norules.log"; fail "forksafe from the package does not read <prefix>/share/forksafe/rules (exit $rc)"; }
echo "deb OK"
