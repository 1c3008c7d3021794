#!/usr/bin/env bash
# zsh and fish from apt, so tests/unit/test_cli_help.py runs the completion scripts in each shell's own
# engine instead of skipping those two tests.
#
#   shells.sh install   once per machine, idempotent; needs root + apt (else exits 3 with a reason,
#                       and the two tests skip; other failures exit 1)
set -euo pipefail
PACKAGES=(zsh fish)

unavailable() { echo "shells.sh: cannot install ${PACKAGES[*]} here: $*" >&2; exit 3; }

case "${1:-}" in
  install)
    if command -v zsh >/dev/null && command -v fish >/dev/null; then
      echo "shells.sh: zsh and fish already installed"; exit 0
    fi
    [ "$(id -u)" = 0 ] || unavailable "not root (apt-get needs root)"
    command -v apt-get >/dev/null || unavailable "no apt-get (Debian/Ubuntu only)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null; } \
      || { echo "shells.sh: apt-get install ${PACKAGES[*]} failed" >&2; exit 1; }
    echo "shells.sh: zsh and fish installed" ;;
  *) echo "usage: shells.sh install" >&2; exit 2 ;;
esac
