#!/usr/bin/env bash
# Throwaway MariaDB server on a private Unix socket in DIR (no TCP).
#   mariadb.sh start DIR -> writes DIR/env: FORKSAFE_MYSQL_SOCKET=DIR/mysqld.sock
#                           (user root, no password; database "test" exists)
#   mariadb.sh stop DIR  -> stops the server and removes DIR
. "$(dirname "$0")/common.sh"
[ $# -eq 2 ] || usage
dir=$2
case $1 in
  start)
    command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || { echo "mariadbd not installed" >&2; exit 77; }
    prepare_dir "$dir"
    user=$(id -un); [ "$(id -u)" -eq 0 ] && user=nobody
    run_as mariadb-install-db --no-defaults --datadir="$dir/data" --user="$user" \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 \
      || { cat "$dir/install.log" >&2; exit 1; }
    run_as /usr/sbin/mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" \
      --skip-networking --pid-file="$dir/mysqld.pid" --log-error="$dir/mysqld.log" \
      --innodb-buffer-pool-size=16M --skip-log-bin --user="$user" </dev/null >/dev/null 2>&1 &
    echo $! > "$dir/launcher.pid" # so stop works even if mariadbd never wrote its pid file
    wait_for test -S "$dir/mysqld.sock" || { cat "$dir/mysqld.log" >&2; exit 1; }
    wait_for test -s "$dir/mysqld.pid"
    mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e "CREATE DATABASE IF NOT EXISTS test" \
      || { cat "$dir/mysqld.log" >&2; exit 1; }
    echo "FORKSAFE_MYSQL_SOCKET=$dir/mysqld.sock" > "$dir/env"
    ;;
  stop)
    stop_pid "$dir/mysqld.pid"
    stop_pid "$dir/launcher.pid"
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
