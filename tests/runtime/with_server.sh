#!/usr/bin/env bash
# with_server.sh KIND CMD...: start a throwaway server (tests/servers/KIND.sh)
# in a temp dir, run CMD with its env (e.g. FORKSAFE_MYSQL_SOCKET), and stop
# it again even when CMD fails. Exit 77 (ctest skip) if KIND is not installed.
set -uo pipefail
kind=$1; shift
servers=$(cd "$(dirname "$0")/../servers" && pwd)
dir=$(mktemp -d "/tmp/forksafe-$kind.XXXXXX")
trap 'bash "$servers/$kind.sh" stop "$dir"' EXIT
trap 'exit 143' TERM INT HUP # run the EXIT trap (stop the server) when killed
bash "$servers/$kind.sh" start "$dir"
rc=$?
[ $rc -eq 0 ] || exit $rc
set -a; . "$dir/env"; set +a
"$@"
