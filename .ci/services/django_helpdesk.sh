#!/usr/bin/env bash
# Throwaway django-helpdesk 2.6.1 (PyPI, in its own venv) on 127.0.0.1 with a fresh SQLite database,
# for the live conformance tests (tests/live). Reference: /work/shared/reference/backends.md §1.
#
#   django_helpdesk.sh install          once, idempotent: venv at .work/services/dh-venv (git-ignored)
#   django_helpdesk.sh start DIR PORT   fresh DB in DIR, seeds users + queue, starts the server; prints
#                                       the base URL and writes DIR/credentials.env (DH_URL, DH_AGENT,
#                                       DH_AGENT_PASSWORD, DH_TOKEN, DH_CUSTOMER, DH_CUSTOMER_PASSWORD,
#                                       DH_QUEUE_ID, DH_ADMIN_TOKEN)
#   django_helpdesk.sh stop DIR         stops the server started in DIR (by its PID file only)
#
# SUPPORTTERM_DH_ETAG=1 at start adds Django's ConditionalGetMiddleware (ETag + 304); off by default,
# because a stock django-helpdesk has no conditional GETs.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PROJ="$HERE/dh_project"
VENV=${SUPPORTTERM_DH_VENV:-$ROOT/.work/services/dh-venv}
PIN="django-helpdesk==2.6.1"

unavailable() { echo "django_helpdesk.sh: cannot install django-helpdesk here: $*" >&2; exit 3; }

do_install() {
  if [ -f "$VENV/.installed" ] && [ "$(cat "$VENV/.installed")" = "$PIN" ]; then
    echo "django_helpdesk.sh: $PIN already installed in $VENV"; return 0
  fi
  local py=${PYTHON:-python3}
  command -v "$py" >/dev/null || unavailable "no $py"
  rm -rf "$VENV"
  "$py" -m venv "$VENV" || unavailable "'$py -m venv' failed (Debian: apt-get install python3-venv)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$PIN" \
    || { echo "django_helpdesk.sh: pip install $PIN failed (is PyPI reachable?)" >&2; exit 1; }
  echo "$PIN" >"$VENV/.installed"
  echo "django_helpdesk.sh: $PIN installed in $VENV"
}

start() {
  local dir=${1:?usage: django_helpdesk.sh start DIR PORT} port=${2:?usage: django_helpdesk.sh start DIR PORT}
  [ -f "$VENV/.installed" ] || unavailable "not installed (run: django_helpdesk.sh install)"
  mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
  export SUPPORTTERM_DH_DB="$dir/db.sqlite3" SUPPORTTERM_DH_MEDIA="$dir/media"
  rm -f "$SUPPORTTERM_DH_DB" "$dir/server.pid"
  "$VENV/bin/python" "$PROJ/manage.py" migrate -v0 >"$dir/setup.log" 2>&1 \
    || { cat "$dir/setup.log" >&2; exit 1; }
  "$VENV/bin/python" "$PROJ/manage.py" shell <"$PROJ/seed.py" >"$dir/seed.out" 2>>"$dir/setup.log" \
    || { cat "$dir/setup.log" >&2; exit 1; }
  "$VENV/bin/python" "$PROJ/manage.py" runserver "127.0.0.1:$port" --noreload \
    >"$dir/server.log" 2>&1 </dev/null &
  echo $! >"$dir/server.pid"
  local url="http://127.0.0.1:$port"
  { echo "DH_URL=$url"
    echo "DH_AGENT=agent"; echo "DH_AGENT_PASSWORD=agent-pass-123"
    echo "DH_CUSTOMER=customer"; echo "DH_CUSTOMER_PASSWORD=customer-pass-123"
    grep -E '^DH_[A-Z_]+=' "$dir/seed.out"; } >"$dir/credentials.env"
  for _ in $(seq 1 300); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/" || true)
    [ "$code" != 000 ] && { echo "$url"; return 0; }
    kill -0 "$(cat "$dir/server.pid")" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "django_helpdesk.sh: server did not come up on port $port (log: $dir/server.log)" >&2
  stop "$dir"; exit 1
}

stop() {
  stop_server "${1:?usage: django_helpdesk.sh stop DIR}" 50
}

case "${1:-}" in
  install) do_install ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: django_helpdesk.sh install | start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
