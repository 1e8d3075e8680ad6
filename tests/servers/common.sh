# Shared helpers for the throwaway server scripts (sourced, not run).
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }

# wait_for CMD...: retry for up to ~30 s.
wait_for() {
  local i
  for i in $(seq 1 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}

# stop_pid PIDFILE: TERM, wait, then KILL; no process may outlive stop.
stop_pid() {
  local pidfile=$1 pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

# The server runs as `nobody` when we are root (PostgreSQL refuses root).
run_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}
prepare_dir() {
  mkdir -p "$1"
  if [ "$(id -u)" -eq 0 ]; then chown nobody "$1"; chmod 0755 "$1"; fi
}
