#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for gim-conformance's tests and for trying the real-Info-Mart loop.
#
#   eval "$(scripts/pg-cluster.sh start)"   # prints export lines: GIM_TEST_DATABASE_URL, GIM_PG_DIR
#   scripts/pg-cluster.sh stop [DIR]        # stops and deletes it (DIR defaults to $GIM_PG_DIR); idempotent
#
# `start` runs initdb into a fresh temporary directory, starts the server on 127.0.0.1 at a free
# port (its unix socket stays inside that directory), and creates a password-authenticated role
# `gim` with a random password owning a database `gim_test`. Nothing outside the directory is
# touched, so it cannot clash with a system cluster. PostgreSQL refuses to run as root, so as root
# the server runs as the `postgres` OS user (runuser); as anyone else it runs as that user.
# Binaries: from PATH, else Debian's /usr/lib/postgresql/<newest>/bin. Exit 3 when none exist.
set -euo pipefail

die() {
  echo "pg-cluster: $*" >&2
  exit 3
}

find_bin_dir() {
  local initdb
  if initdb=$(command -v initdb 2>/dev/null); then
    dirname "$(readlink -f "$initdb")"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || return 1
  echo "$dir"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

start() {
  local bin dir port password
  bin=$(find_bin_dir) || die "no PostgreSQL binaries found (initdb not on PATH, no /usr/lib/postgresql/*/bin); install Debian's postgresql package"
  dir=$(mktemp -d "${TMPDIR:-/tmp}/gim-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the postgres OS user (apt-get install postgresql creates it)"
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  # Hex keeps the password safe inside a URL without escaping.
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  port=$(free_port)

  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    die "initdb failed"
  }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    die "pg_ctl start failed"
  }
  # The role and database are made over the unix socket (trust, superuser postgres); the tests
  # and the CLI then connect over TCP with the password, as they would to a real Info Mart.
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE gim LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE gim_test OWNER gim" >/dev/null || {
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    die "creating role gim and database gim_test failed"
  }
  echo "export GIM_TEST_DATABASE_URL=postgres://gim:$password@127.0.0.1:$port/gim_test"
  echo "export GIM_PG_DIR=$dir"
}

stop() {
  local dir=${1:-${GIM_PG_DIR:-}}
  [ -n "$dir" ] || die "stop needs the cluster directory (argument or GIM_PG_DIR)"
  # Refuse anything this script did not make: a typo must never delete an unrelated directory.
  case "$(basename "$dir")" in
  gim-pg.*) ;;
  *) die "refusing to remove $dir: not a directory made by pg-cluster.sh start" ;;
  esac
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    local bin
    bin=$(find_bin_dir) || die "no PostgreSQL binaries found to stop the server in $dir"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop "${2:-}" ;;
*)
  echo "usage: $0 start | stop [DIR]" >&2
  exit 2
  ;;
esac
