#!/usr/bin/env bash
# Throwaway PostgreSQL server on a private Unix socket in DIR (no TCP).
#   postgres.sh start DIR -> writes DIR/env: FORKSAFE_PG_CONNINFO="host=DIR user=postgres dbname=postgres"
#   postgres.sh stop DIR  -> stops the server and removes DIR
# Runs as `nobody` when started by root (postgres refuses to run as root).
. "$(dirname "$0")/common.sh"
[ $# -eq 2 ] || usage
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
case $1 in
  start)
    [ -x "$bin/initdb" ] || { echo "postgresql not installed" >&2; exit 77; }
    prepare_dir "$dir"
    run_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c shared_buffers=16MB" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "FORKSAFE_PG_CONNINFO=\"host=$dir user=postgres dbname=postgres\"" > "$dir/env"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      run_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
      head -1 "$dir/data/postmaster.pid" 2>/dev/null > "$dir/pm.pid" || true
      stop_pid "$dir/pm.pid"
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
