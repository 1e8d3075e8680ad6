#!/usr/bin/env bash
# Throwaway redis-server on a Unix socket in DIR (no TCP).
#   redis.sh start DIR   -> writes DIR/env: FORKSAFE_REDIS_SOCKET=DIR/redis.sock
#   redis.sh stop DIR    -> stops the server and removes DIR
. "$(dirname "$0")/common.sh"
[ $# -eq 2 ] || usage
dir=$2
case $1 in
  start)
    command -v redis-server >/dev/null || { echo "redis-server not installed" >&2; exit 77; }
    prepare_dir "$dir"
    run_as redis-server --port 0 --unixsocket "$dir/redis.sock" --unixsocketperm 777 \
      --daemonize yes --pidfile "$dir/redis.pid" --dir "$dir" --save '' --appendonly no \
      --logfile "$dir/redis.log"
    wait_for test -S "$dir/redis.sock" || { cat "$dir/redis.log" >&2; exit 1; }
    wait_for test -s "$dir/redis.pid"
    echo "FORKSAFE_REDIS_SOCKET=$dir/redis.sock" > "$dir/env"
    ;;
  stop)
    stop_pid "$dir/redis.pid"
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
