#!/usr/bin/env bash
# driver.sh: the end-to-end story for one database (ctest: e2e_demo_mariadb,
# e2e_demo_postgres). See README.md.
#
#   driver.sh --db mariadb|postgres --bindir DIR --ccdb DIR --forksafe EXE
#             --servers DIR --src DIR [--requests 10000] [--concurrency 16]
#             [--workers 4] [--timeout-ms 2000] [--max-seconds 40] [--table FILE]
#
# 1. forksafe on each variant's compile_commands.json: the seed is reported
#    (forksafe-inherited-handle on its global, with the path connect -> fork ->
#    use); lazy and postfork are clean.
# 2. A throwaway database server in a temp dir, loaded with 150,000 rows.
# 3. Each variant of the prefork server under the verifying load client; the
#    seed must show wrong answers, errors or hangs; lazy/postfork none at all.
# 4. The seed built in debug mode with the runtime shim: the first worker query
#    aborts with the forksafe: message naming the handle and both PIDs.
# 5. The table. Servers are stopped in an EXIT trap, also on failure, and the
#    trap then checks that no server process and no temp dir is left.
# Exit 0: story holds; 1: it does not; 77: database server not installed.
set -uo pipefail

db="" bindir="" ccdb="" forksafe="" servers="" src="" table_out=""
requests=10000 concurrency=16 workers=4 timeout_ms=2000 max_seconds=40
while [ $# -gt 0 ]; do
  case $1 in
    --db) db=$2 ;; --bindir) bindir=$2 ;; --ccdb) ccdb=$2 ;; --forksafe) forksafe=$2 ;;
    --servers) servers=$2 ;; --src) src=$2 ;; --table) table_out=$2 ;;
    --requests) requests=$2 ;; --concurrency) concurrency=$2 ;; --workers) workers=$2 ;;
    --timeout-ms) timeout_ms=$2 ;; --max-seconds) max_seconds=$2 ;;
    *) echo "driver.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done
case $db in
  mariadb) prefix=mysql kind=mariadb ;;
  postgres) prefix=pg kind=postgres ;;
  *) echo "driver.sh: --db mariadb|postgres" >&2; exit 2 ;;
esac
for x in "$bindir" "$ccdb" "$forksafe" "$servers" "$src"; do
  [ -n "$x" ] || { echo "driver.sh: missing argument" >&2; exit 2; }
done
ids=150000

t_start=$(date +%s)
work=$(mktemp -d "/tmp/forksafe-e2e-$db.XXXXXX")
chmod 0755 "$work" # the database server may run as nobody below it
dbdir=$work/db
failures=0
server_pids=() # every demo server process (masters and workers) we started
db_pids=()     # the database server's processes

log() { echo "[$(($(date +%s) - t_start))s] $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# pid_alive PID CMDLINE_SNAPSHOT: the process still exists and is the same program
pid_alive() {
  [ -r "/proc/$1/cmdline" ] || return 1
  [ "$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null)" = "$2" ]
}
declare -A snap=()
remember() { # remember PID...: for the leftover check
  local p
  for p in "$@"; do
    [ -r "/proc/$p/cmdline" ] && snap[$p]=$(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null)
  done
}
# descendants PID: PID and all its descendants
descendants() {
  local p c
  echo "$1"
  for c in $(pgrep -P "$1" 2>/dev/null); do descendants "$c"; done
}

stop_demo_server() { # PID: TERM the master (it kills its workers), then KILL the process group
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

cleanup() {
  local rc=$? p left=()
  trap - EXIT TERM INT HUP
  for p in "${server_pids[@]}"; do kill -KILL -- "-$p" 2>/dev/null; kill -KILL "$p" 2>/dev/null; done
  if [ -d "$dbdir" ]; then
    # record the database server's processes (postgres backends too) before stopping it
    if [ "$kind" = mariadb ] && [ -s "$dbdir/mysqld.pid" ]; then
      db_pids+=($(cat "$dbdir/mysqld.pid"))
    elif [ -s "$dbdir/data/postmaster.pid" ]; then
      db_pids+=($(descendants "$(head -1 "$dbdir/data/postmaster.pid")"))
    fi
    remember "${db_pids[@]}"
    bash "$servers/$kind.sh" stop "$dbdir" >/dev/null 2>&1
  fi
  rm -rf "$work"
  # nothing may be left: no demo server, no database server, no temp dir
  for p in "${!snap[@]}"; do pid_alive "$p" "${snap[$p]}" && left+=("$p:${snap[$p]}"); done
  if pgrep -f -- "$work" >/dev/null 2>&1; then left+=("$(pgrep -af -- "$work")"); fi
  if [ ${#left[@]} -gt 0 ]; then
    echo "FAIL: processes left behind: ${left[*]}"
    rc=1
  fi
  if [ -e "$work" ]; then
    echo "FAIL: temp dir $work left behind"
    rc=1
  fi
  [ $rc -eq 0 ] && log "cleanup: servers stopped, no process or temp dir left"
  exit $rc
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP # runs the EXIT trap when ctest kills us

# ---------------------------------------------------------------- 1. forksafe
declare -A fs_result=()
for v in seed lazy postfork; do
  out=$work/forksafe-$v.txt
  "$forksafe" -p "$ccdb/$db-$v" >"$out" 2>"$work/forksafe-$v.err"
  rc=$?
  n=$(grep -c 'warning: .*\[forksafe-inherited-handle\]' "$out")
  fs_result[$v]="$n finding(s)"
  if [ "$v" = seed ]; then
    decl=$(grep -n '^[A-Za-z].*\bg_conn;' "$src/${prefix}_seed.cpp" | head -1 | cut -d: -f1)
    [ $rc -eq 1 ] || fail "forksafe on the seed: exit $rc, expected 1 (findings)"
    [ "$n" -eq 1 ] || fail "forksafe on the seed: $n forksafe-inherited-handle warnings, expected 1"
    grep -q "${prefix}_seed.cpp:$decl:[0-9]*: warning: 'g_conn' .*connected when the process forks with fork() and is used in the child process.*\[forksafe-inherited-handle\]" "$out" \
      || fail "forksafe on the seed: no warning on the global g_conn at ${prefix}_seed.cpp:$decl"
    # the full path: created/connected in the master, fork in server.cpp, the call
    # chain into the child, and the use
    grep -q "${prefix}_seed.cpp:[0-9]*:[0-9]*: note: 'g_conn' \(connected\|created\) here by" "$out" \
      || fail "forksafe on the seed: no 'connected here' note"
    grep -q "server.cpp:[0-9]*:[0-9]*: note: fork() forks here; the child inherits 'g_conn'" "$out" \
      || fail "forksafe on the seed: no 'fork() forks here' note in server.cpp"
    for f in worker_loop handle_client db_get_item; do
      grep -q "note: '$f' called from here in the child process" "$out" \
        || fail "forksafe on the seed: the path does not go through $f"
    done
    grep -q "${prefix}_seed.cpp:[0-9]*:[0-9]*: note: 'g_conn' used here in the child process by" "$out" \
      || fail "forksafe on the seed: no 'used here in the child' note"
  else
    [ $rc -eq 0 ] && [ "$n" -eq 0 ] && ! grep -q 'warning:' "$out" \
      || fail "forksafe on the $v variant: exit $rc, $n finding(s), expected none"
  fi
  log "forksafe $db-$v: exit $rc, ${fs_result[$v]}"
  sed 's/^/    /' "$out"
  grep -v '^forksafe: [0-9]* finding' "$work/forksafe-$v.err" | sed 's/^/    stderr: /'
done

# ------------------------------------------------------ 2. database + 150,000 rows
log "starting $kind in $dbdir"
bash "$servers/$kind.sh" start "$dbdir"
rc=$?
if [ $rc -eq 77 ]; then echo "SKIP: $kind not installed"; exit 77; fi
[ $rc -eq 0 ] || { fail "$kind did not start"; exit 1; }
set -a; . "$dbdir/env"; set +a
if [ "$kind" = mariadb ]; then
  sql() { mariadb --no-defaults --socket="$FORKSAFE_MYSQL_SOCKET" -uroot -N -B test -e "$1"; }
  # the Sequence engine gives the 150,000 ids in one statement
  sql "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(32) NOT NULL);
       INSERT INTO items SELECT seq, CONCAT('item-', seq) FROM seq_1_to_$ids;"
else
  sql() { psql "$FORKSAFE_PG_CONNINFO" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }
  sql "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(32) NOT NULL);"
  sql "INSERT INTO items SELECT g, 'item-' || g FROM generate_series(1, $ids) g; ANALYZE items;"
fi
count=$(sql "SELECT COUNT(*) FROM items")
[ "$count" = "$ids" ] || { fail "table has '$count' rows, expected $ids"; exit 1; }
log "$kind: items loaded ($count rows)"

# ------------------------------------------------------ 3. each variant under load
# start_server BINARY NAME: start in its own process group; sets srv_pid, srv_port
start_server() {
  local bin=$1 name=$2 i
  rm -f "$work/$name.port"
  setsid "$bin" --port-file "$work/$name.port" --workers "$workers" >"$work/$name.out" 2>"$work/$name.err" &
  srv_pid=$!
  server_pids+=("$srv_pid")
  srv_port=""
  for i in $(seq 1 100); do
    [ -s "$work/$name.port" ] && { srv_port=$(cat "$work/$name.port"); break; }
    kill -0 "$srv_pid" 2>/dev/null || break
    sleep 0.1
  done
  remember $(descendants "$srv_pid")
  [ -n "$srv_port" ] || { fail "$name did not start: $(cat "$work/$name.err")"; return 1; }
  return 0
}
kv() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

rows=()
declare -A res=()
for v in seed lazy postfork; do
  name=$db-$v
  start_server "$bindir/demo-server-$name" "$name" || continue
  log "$name: master pid $srv_pid on 127.0.0.1:$srv_port, $workers workers; $requests requests from $concurrency connections"
  # the client is bounded by its own --max-seconds + one timeout; `timeout` is a backstop
  line=$(timeout $((max_seconds + 30)) "$bindir/demo-loadgen" --port "$srv_port" --requests "$requests" \
           --concurrency "$concurrency" --timeout-ms "$timeout_ms" --max-seconds "$max_seconds" \
           --ids "$ids" --seed 42 2>"$work/$name.client")
  stop_demo_server "$srv_pid"
  logged=$(grep -c ': db error: ' "$work/$name.err")
  deaths=$(grep -c 'killed by signal\|exited [0-9]' "$work/$name.err")
  echo "    client: $line"
  sed 's/^/    /' "$work/$name.client"
  if [ "$logged" -gt 0 ]; then
    echo "    worker-logged db errors: $logged, e.g.:"
    grep ': db error: ' "$work/$name.err" | sed 's/^worker [0-9]*: db error: //' | sort | uniq -c | sort -rn | head -5 | sed 's/^/      /'
  fi
  [ "$deaths" -gt 0 ] && grep 'killed by signal\|exited [0-9]' "$work/$name.err" | sed 's/^/    /'
  [ -n "$line" ] || { fail "$name: the load client printed nothing"; continue; }
  sent=$(kv sent "$line") correct=$(kv correct "$line") wrong=$(kv wrong "$line")
  errors=$(kv errors "$line") hangs=$(kv hangs "$line")
  res[$v]="$line logged=$logged deaths=$deaths"
  rows+=("| $db | $v | ${fs_result[$v]} | $sent | $(kv rps "$line") | $(kv p50_ms "$line") | $(kv p99_ms "$line") | $correct | $wrong | $errors | $hangs | $logged |")
  if [ "$v" = seed ]; then
    symptoms=$((wrong + errors + hangs + logged))
    [ "$symptoms" -gt 0 ] \
      || fail "$name: the seed bug did not show (0 wrong, 0 errors, 0 hangs, 0 worker-logged errors)"
    log "$name: seed symptom reproduced: $wrong wrong, $errors errors, $hangs hangs, $logged worker-logged db errors"
  else
    [ "$sent" -eq "$requests" ] && [ "$correct" -eq "$requests" ] && [ "$wrong" -eq 0 ] && [ "$errors" -eq 0 ] \
      && [ "$hangs" -eq 0 ] && [ "$logged" -eq 0 ] && [ "$deaths" -eq 0 ] \
      || fail "$name: expected $requests correct and 0 wrong/errors/hangs/logged errors/worker deaths: $line logged=$logged deaths=$deaths"
    log "$name: $correct/$requests correct, 0 wrong, 0 errors, 0 hangs"
  fi
done

# ------------------------------------------- 4. the seed with the shim, debug build
name=$db-seed-shim
if start_server "$bindir/demo-server-$name" "$name"; then
  master=$srv_pid
  log "$name: master pid $master; sending requests one at a time"
  line=$(timeout 30 "$bindir/demo-loadgen" --port "$srv_port" --requests $((workers * 2)) --concurrency 1 \
           --timeout-ms "$timeout_ms" --max-seconds 10 --ids "$ids" --seed 7 --show 0 2>/dev/null)
  stop_demo_server "$master"
  echo "    client: $line"
  sed 's/^/    /' "$work/$name.err"
  if [ "$kind" = mariadb ]; then call='mysql_query\(\)' type=MYSQL; else call='PQexec\(\)' type=PGconn; fi
  created=$(grep -n 'g_conn = \|mysql_real_connect(g_conn' "$src/${prefix}_seed.cpp" | tail -1 | cut -d: -f1)
  msg=$(grep -m1 '^forksafe: ' "$work/$name.err")
  re="^forksafe: $call called on $type handle( '([^']*)')? created at [^ ]*${prefix}_seed.cpp:$created by pid ([0-9]+) \(generation 1\), but this is pid ([0-9]+) \(generation [0-9]+\), call at [^ ]*${prefix}_seed.cpp:[0-9]+: a handle must not cross fork\(\)"
  if [[ $msg =~ $re ]]; then
    handle=${BASH_REMATCH[2]} ppid_=${BASH_REMATCH[3]} cpid=${BASH_REMATCH[4]}
    # the MySQL shim names the variable; the libpq shim cannot (PQconnectdb takes no
    # handle argument) and names the handle by type and creation site, the line that
    # assigns g_conn, which the regex above pins
    if [ "$kind" = mariadb ]; then
      [ "$handle" = g_conn ] || fail "$name: the message names '$handle', not 'g_conn'"
    else
      sed -n "${created}p" "$src/${prefix}_seed.cpp" | grep -q 'g_conn = PQconnectdb' \
        || fail "$name: the creation site is not the g_conn = PQconnectdb line"
    fi
    [ "$ppid_" = "$master" ] || fail "$name: the message names creator pid $ppid_, the master is $master"
    [ "$cpid" != "$master" ] || fail "$name: the message names the master as the user"
    grep -q "^master: worker $cpid killed by signal 6$" "$work/$name.err" \
      || fail "$name: worker $cpid did not abort (SIGABRT)"
  else
    fail "$name: no forksafe: message of the expected form (got: ${msg:-nothing})"
  fi
  # the first query of each worker aborted: no request was ever answered from the database
  [ "$(kv correct "$line")" = 0 ] && [ "$(kv wrong "$line")" = 0 ] \
    || fail "$name: some request got a database answer: $line"
  [ "$(grep -c ': db error: ' "$work/$name.err")" -eq 0 ] || fail "$name: a query reached the database"
  aborts=$(grep -c '^forksafe: ' "$work/$name.err")
  res[shim]="$aborts/$workers workers aborted in their first query with the forksafe: message, 0 queries reached the database"
  log "$name: $aborts worker(s) aborted in their first query with the forksafe: message"
fi

# --------------------------------------------------------------------- 5. table
hdr="| db | variant | forksafe | requests | req/s | p50 ms | p99 ms | correct | wrong | errors | hangs | worker-logged db errors |
|---|---|---|---|---|---|---|---|---|---|---|---|"
echo
echo "$hdr"
printf '%s\n' "${rows[@]}"
echo "$db seed + runtime shim (debug build): ${res[shim]:-not run}"
echo
if [ -n "$table_out" ]; then
  { echo "$hdr"; printf '%s\n' "${rows[@]}"; } > "$table_out"
fi
log "done: $failures failure(s)"
[ "$failures" -eq 0 ]
