# Shared by rt.sh and django_helpdesk.sh (sourced, not run).

# stop_server DIR TENTHS: stop the server whose PID is in DIR/server.pid: TERM, up to TENTHS tenths of a
# second to exit, then KILL. Only that PID is touched, never a process found by name.
stop_server() {
  local dir=$1 tenths=$2
  [ -f "$dir/server.pid" ] || return 0
  local pid; pid=$(cat "$dir/server.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$tenths"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/server.pid"
}
