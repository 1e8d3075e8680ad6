#!/usr/bin/env bash
# The labelled real-world evaluation: build what is missing, run forksafe on
# pinned Debian 12 source packages, score the findings against the labels.
#
#   integration/real-world/evaluate.sh [OPTIONS] [PACKAGE...]
#   integration/real-world/evaluate.sh --compare A B
#
# PACKAGE is a directory name under packages/ (default: every
# packages/*/package.sh). See README.md for the package.sh contract and the
# label format. Not run by CI. Needs root (or sudo) for apt-get.
#
# Options:
#   --tag NAME           keep the reports under $WORK/reports/NAME/ and store
#                        the scores as $WORK/results-NAME.json (updating those
#                        packages in it if it was made with the same forksafe)
#   --compare A B        print results-A.json and results-B.json side by side
#   --allow-unlabelled   unlabelled findings are a warning, not exit 2
#   --json               print the summary as JSON on stdout
#   --score-only         do not build or run forksafe: score the reports of
#                        the last run (of --tag NAME, or untagged); for labelling
#   -j N                 parallel jobs (default: $JOBS or 2)
#
# Environment: WORK (/tmp/realruns, never inside the repository), FORKSAFE
# (default: the repository's build/bin/forksafe), JOBS.
#
# Exit status: 0 every finding labelled and no error; 2 unlabelled findings
# remain; 1 a package failed to build or analyse, or a report or the labels
# are malformed; 64 bad invocation.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
WORK=${WORK:-/tmp/realruns}
FORKSAFE=${FORKSAFE:-$repo/build/bin/forksafe}
JOBS=${JOBS:-2}
tag="" allow="" json="" score_only="" ids=()
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 64; }
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) [ $# -ge 2 ] || usage; tag=$2; shift 2 ;;
    --tag=*) tag=${1#--tag=}; shift ;;
    --compare) [ $# -ge 3 ] || usage
               exec python3 "$here/evaluate.py" --work "$WORK" --compare "$2" "$3" ;;
    --allow-unlabelled) allow=--allow-unlabelled; shift ;;
    --json) json=--json; shift ;;
    --score-only) score_only=1; shift ;;
    -j) [ $# -ge 2 ] || usage; JOBS=$2; shift 2 ;;
    -j*) JOBS=${1#-j}; shift ;;
    -h|--help) usage ;;
    -*) echo "evaluate.sh: unknown option $1" >&2; usage ;;
    *) ids+=("$1"); shift ;;
  esac
done
case "$tag" in */*|.*) echo "evaluate.sh: bad tag '$tag'" >&2; exit 64 ;; esac
WORK=$(mkdir -p "$WORK" && cd "$WORK" && pwd)
case "$WORK/" in "$repo"/*) echo "evaluate.sh: WORK must be outside the repository" >&2; exit 64 ;; esac
if [ ${#ids[@]} -eq 0 ]; then
  for p in "$here"/packages/*/package.sh; do
    [ -f "$p" ] && ids+=("$(basename "$(dirname "$p")")")
  done
fi
[ ${#ids[@]} -gt 0 ] || { echo "evaluate.sh: no package under $here/packages" >&2; exit 64; }
for id in "${ids[@]}"; do
  [ -f "$here/packages/$id/package.sh" ] ||
    { echo "evaluate.sh: no package '$id' (no $here/packages/$id/package.sh)" >&2; exit 64; }
done
reports="$WORK/reports/${tag:-untagged}"
[ -x "$FORKSAFE" ] && FORKSAFE=$(cd "$(dirname "$FORKSAFE")" && pwd)/$(basename "$FORKSAFE")
log() { printf '== %s\n' "$*" >&2; }

if [ -z "$score_only" ]; then
  [ -x "$FORKSAFE" ] || { echo "evaluate.sh: no forksafe at $FORKSAFE (build it, or set FORKSAFE)" >&2; exit 64; }
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    # package.sh files call apt-get directly: give them one that uses sudo
    # (but not for 'apt-get source', which writes to the current directory)
    sudo=sudo
    mkdir -p "$WORK/bin"
    cat >"$WORK/bin/apt-get" <<'SH'
#!/bin/sh
for a in "$@"; do [ "$a" = source ] && exec /usr/bin/apt-get "$@"; done
exec sudo /usr/bin/apt-get "$@"
SH
    chmod +x "$WORK/bin/apt-get"
    export PATH="$WORK/bin:$PATH"
  fi
  if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "enabling Debian source packages (deb-src)"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      $sudo tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
    apt-get update -qq
  fi
  command -v bear >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1800 install -y -qq bear >/dev/null
  log "forksafe: $FORKSAFE ($("$FORKSAFE" --version 2>&1 | head -1 || true))"
  log "work directory: $WORK; reports: $reports"
  mkdir -p "$reports"

  for id in "${ids[@]}"; do
    out="$reports/$id" meta="$reports/$id.meta.json" plog="$reports/$id.log"
    rm -rf "$out" "$meta"
    mkdir -p "$out"
    : >"$plog"
    log "$id: build (log: $plog)"
    # One subshell per package: its variables and functions stay there.
    # build and analyse run in subshells of their own with errexit on, so a
    # failing command inside them fails them (errexit is ignored in a
    # function called from an 'if' or '||').
    set +e
    (
      export WORK FORKSAFE OUT="$out" JOBS
      set -euo pipefail
      # shellcheck source=/dev/null
      source "$here/packages/$id/package.sh"
      t0=$SECONDS
      set +e
      ( set -e; build ) >>"$plog" 2>&1
      brc=$? t1=$SECONDS arc=""
      if [ "$brc" -eq 0 ]; then
        printf '== %s: analyse\n' "$id" >&2
        ( set -e; analyse ) >>"$plog" 2>&1
        arc=$?
      fi
      t2=$SECONDS
      python3 - "$meta" "$id" "${PKG:-}" "${VERSION:-}" "${SRC:-}" "$brc" "$arc" "$plog" \
        "$((t1 - t0))" "$((t2 - t1))" "$FORKSAFE" <<'PY'
import json, sys
(meta, pid, pkg, ver, src, brc, arc, plog, bs, as_, fs) = sys.argv[1:]
json.dump({"id": pid, "package": pkg, "version": ver, "src": src,
           "build_rc": int(brc), "analyse_rc": int(arc) if arc else None, "log": plog,
           "build_seconds": int(bs), "analyse_seconds": int(as_), "forksafe": fs},
          open(meta, "w"), indent=1)
PY
      [ "$brc" -eq 0 ] || { printf '== %s: build FAILED (exit %s); last lines of %s:\n' "$id" "$brc" "$plog" >&2; tail -5 "$plog" >&2; }
      [ -z "$arc" ] || [ "$arc" -eq 0 ] || { printf '== %s: analyse FAILED (exit %s); last lines of %s:\n' "$id" "$arc" "$plog" >&2; tail -5 "$plog" >&2; }
      exit 0
    )
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then
      log "$id: package.sh failed outside build() and analyse() (exit $rc)"
      printf '{"id": "%s", "build_rc": %d, "log": "%s"}\n' "$id" "$rc" "$plog" >"$meta"
    fi
  done
fi

fsv=""
[ -x "$FORKSAFE" ] && fsv=" ($("$FORKSAFE" --version 2>&1 | head -1 || true))"
set +e
python3 "$here/evaluate.py" --reports "$reports" --packages "$here/packages" --work "$WORK" \
  ${tag:+--tag "$tag"} --forksafe "$FORKSAFE$fsv" $allow $json "${ids[@]}"
exit $?
