#!/usr/bin/env bash
# check_seed.sh SEED_BINARY SEED_SOURCE: run the shimmed seed against the
# server in FORKSAFE_MYSQL_SOCKET; every worker must die with SIGABRT in its
# first query, and stderr must carry the forksafe message for each.
set -uo pipefail
bin=$1 src=$2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$bin" >"$out" 2>"$err"
rc=$?
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }
[ $rc -eq 0 ] || fail "seed exited $rc"
line=$(grep -n 'mysql_real_connect(conn' "$src" | head -1 | cut -d: -f1)
parent=$(grep -c . "$out")
[ "$(grep -c 'killed by signal 6$' "$out")" -eq 4 ] || fail "not all 4 workers aborted"
[ "$(grep -c '^forksafe: mysql_query() called on MYSQL handle '"'conn'"' created at seed.c:'"$line"' by pid [0-9]* (generation 1), but this is pid [0-9]* (generation [0-9]*), call at seed.c:[0-9]*: .*forksafe::per_process.*never close the inherited one' "$err")" -eq 4 ] \
  || fail "expected 4 forksafe messages naming mysql_query, seed.c:$line and both pids"
head -c 9 "$err" | grep -q '^forksafe:' || fail "stderr does not start with forksafe:"
# each message names a worker pid that really aborted
while read -r pid; do
  grep -q "^worker $pid: killed by signal 6$" "$out" || fail "message for pid $pid without a matching abort"
done < <(sed -n 's/.*but this is pid \([0-9]*\) .*/\1/p' "$err")
echo "seed: 4 workers aborted with the forksafe message ($parent lines of status)"
head -1 "$err"
