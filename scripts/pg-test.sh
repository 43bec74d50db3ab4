#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests.
#
#   eval "$(scripts/pg-test.sh start)"   # starts a server, prints `export QS_TEST_PG=...`
#   scripts/pg-test.sh stop              # stops it and deletes its files
#
# The cluster lives in a mktemp directory (the repository may sit where the `postgres` user cannot
# read, e.g. under /root); .pgtest/ in the repository remembers where, for `stop`. Trust
# authentication on 127.0.0.1 only, a free port, durability settings as in production.
# Progress goes to stderr; stdout carries only the export line.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
state_dir="$repo/.pgtest"
state_file="$state_dir/state"

log() { echo "pg-test: $*" >&2; }

# Runs a PostgreSQL binary as a user the server accepts: it refuses to run as root.
as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
  local initdb
  initdb="$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$initdb" ]]; then dirname "$initdb"; fi
}

ensure_installed() {
  if [[ -n "$(find_bin)" ]]; then return; fi
  if [[ $EUID -ne 0 ]]; then
    log "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
    return 1
  fi
  log "installing PostgreSQL from the Debian packages"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  [[ -n "$(find_bin)" ]]
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
  [[ -f "$state_file" ]] || return 0
  local data_root bin
  data_root="$(sed -n 's/^data_root=//p' "$state_file")"
  bin="$(sed -n 's/^bin=//p' "$state_file")"
  if [[ -n "$data_root" && -f "$data_root/data/postmaster.pid" ]]; then
    as_pg "$bin/pg_ctl" stop -D "$data_root/data" -m immediate -w >&2 || true
  fi
  # Only ever delete what this script created.
  if [[ "$data_root" == */qs-pgtest.* && -d "$data_root" ]]; then rm -rf "$data_root"; fi
  rm -rf "$state_dir"
}

start_cluster() {
  stop_cluster # a run killed before its trap fired leaves state behind
  # Whatever fails from here on, leave nothing running and nothing behind.
  trap 'rc=$?; if [[ $rc -ne 0 ]]; then stop_cluster; fi' EXIT
  ensure_installed
  local bin data_root data
  bin="$(find_bin)"
  data_root="$(mktemp -d "${TMPDIR:-/tmp}/qs-pgtest.XXXXXX")"
  data="$data_root/data"
  mkdir -p "$state_dir"
  printf 'data_root=%s\nbin=%s\n' "$data_root" "$bin" >"$state_file"
  chmod 755 "$data_root"
  if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$data_root"; fi

  as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale --no-instructions >/dev/null
  cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data_root'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 300
EOF
  echo "host all all 127.0.0.1/32 trust" >"$data/pg_hba.conf"

  local attempt port
  for attempt in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    if port_in_use "$port"; then continue; fi
    # Another process may take the port between the check and the bind: then start fails, try again.
    if as_pg "$bin/pg_ctl" start -D "$data" -o "-p $port" -l "$data_root/server.log" -w -t 60 >&2; then
      if as_pg "$bin/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >/dev/null; then
        echo "port=$port" >>"$state_file"
        log "PostgreSQL $(basename "$(dirname "$bin")") ready on 127.0.0.1:$port ($data_root)"
        echo "export QS_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
        return 0
      fi
      as_pg "$bin/pg_ctl" stop -D "$data" -m immediate -w >&2 || true
    fi
    log "could not start on port $port (attempt $attempt); see $data_root/server.log"
  done
  log "giving up"
  tail -n 20 "$data_root/server.log" >&2 || true
  return 1
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
