#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: installs Debian's postgresql when
# it is missing (apt-get, as root or with sudo), creates a cluster of its own in
# a temporary directory on a free port (55432 or the next free one), starts it
# (pg_ctlcluster: there is no systemd here), waits for it with pg_isready,
# creates a superuser and a database with a random password, and exports
# CREATOROPS_TEST_POSTGRES, the URL the tests read. Stopping drops the cluster
# and its directory.
#
#   source .ci/postgres.sh; pg_start; ...; pg_stop
#   eval "$(bash .ci/postgres.sh start)"; ...; bash .ci/postgres.sh stop
#
# `start` as a command prints the exports (the URL, the cluster's name and
# directory) on stdout; `stop` stops the cluster named by CREATOROPS_PG_CLUSTER,
# or else the one the last `start` recorded in $TMPDIR/creatorops-postgres.env.

pg_version=${PG_VERSION:-15}
pg_state_file="${TMPDIR:-/tmp}/creatorops-postgres.env"

_pg_sudo() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

_pg_install() {
  if [ -x "/usr/lib/postgresql/$pg_version/bin/postgres" ] && command -v pg_createcluster >/dev/null 2>&1; then
    return 0
  fi
  echo "installing postgresql (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  _pg_sudo apt-get update -qq >&2
  _pg_sudo apt-get install -y -qq --no-install-recommends postgresql >&2
  if [ ! -x "/usr/lib/postgresql/$pg_version/bin/postgres" ]; then
    # Another Debian release ships another major version: take the newest.
    pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  fi
}

_pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && [ ! -e "/etc/postgresql/$pg_version/creatorops$1" ]
}

# pg_start starts a throwaway cluster and exports CREATOROPS_TEST_POSTGRES,
# CREATOROPS_PG_CLUSTER and CREATOROPS_PG_DIR.
pg_start() {
  _pg_install || return 1
  local port=${PG_PORT:-55432}
  while ! _pg_port_free "$port"; do port=$((port + 1)); done
  local name="creatorops$port"
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/creatorops-pg.XXXXXX") || return 1
  chmod 755 "$dir"
  chown postgres:postgres "$dir" 2>/dev/null || _pg_sudo chown postgres:postgres "$dir"
  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  # A test server need not survive a crash: without fsync the tests run
  # faster. PG_DURABLE=1 keeps PostgreSQL's defaults (for load figures).
  local fast=(-o fsync=off -o synchronous_commit=off -o full_page_writes=off)
  if [ "${PG_DURABLE:-}" = 1 ]; then fast=(); fi
  echo "postgres: creating cluster $pg_version/$name on 127.0.0.1:$port in $dir" >&2
  _pg_sudo pg_createcluster "$pg_version" "$name" -d "$dir/data" -s "$dir" -l "$dir/postgres.log" -p "$port" \
    "${fast[@]}" \
    -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null || { rm -rf "$dir"; return 1; }
  if ! _pg_sudo pg_ctlcluster "$pg_version" "$name" start >&2; then
    cat "$dir/postgres.log" >&2
    _pg_sudo pg_dropcluster "$pg_version" "$name" >/dev/null 2>&1
    rm -rf "$dir"
    return 1
  fi
  local i
  for i in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
    sleep 0.5
  done
  if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
    echo "postgres: not ready after 30 s" >&2
    cat "$dir/postgres.log" >&2
    CREATOROPS_PG_CLUSTER=$name CREATOROPS_PG_DIR=$dir pg_stop
    return 1
  fi
  _pg_sudo runuser -u postgres -- psql -q -h "$dir" -p "$port" -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE creatorops SUPERUSER LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE creatorops OWNER creatorops" >&2 || {
    CREATOROPS_PG_CLUSTER=$name CREATOROPS_PG_DIR=$dir pg_stop
    return 1
  }
  export CREATOROPS_TEST_POSTGRES="postgres://creatorops:$password@127.0.0.1:$port/creatorops?sslmode=disable"
  export CREATOROPS_PG_CLUSTER=$name CREATOROPS_PG_DIR=$dir
  printf 'export CREATOROPS_TEST_POSTGRES=%q\nexport CREATOROPS_PG_CLUSTER=%q\nexport CREATOROPS_PG_DIR=%q\n' \
    "$CREATOROPS_TEST_POSTGRES" "$name" "$dir" >"$pg_state_file"
  echo "postgres: ready on 127.0.0.1:$port (CREATOROPS_TEST_POSTGRES is set)" >&2
}

# pg_stop stops and drops the cluster pg_start created. Safe to call twice.
pg_stop() {
  local name=${CREATOROPS_PG_CLUSTER:-} dir=${CREATOROPS_PG_DIR:-}
  if [ -z "$name" ] && [ -f "$pg_state_file" ]; then
    # shellcheck disable=SC1090
    name=$(. "$pg_state_file" && echo "$CREATOROPS_PG_CLUSTER")
    dir=$(. "$pg_state_file" && echo "$CREATOROPS_PG_DIR")
  fi
  if [ -z "$name" ]; then
    return 0
  fi
  case $name in creatorops*) ;; *) echo "postgres: not a cluster of ours: $name" >&2; return 1 ;; esac
  if [ -e "/etc/postgresql/$pg_version/$name" ]; then
    _pg_sudo pg_dropcluster --stop "$pg_version" "$name" >&2 || true
    echo "postgres: dropped cluster $pg_version/$name" >&2
  fi
  case $dir in "${TMPDIR:-/tmp}"/creatorops-pg.*) rm -rf "$dir" ;; esac
  if [ -f "$pg_state_file" ] && grep -q "CREATOROPS_PG_CLUSTER=$name\$" "$pg_state_file"; then
    rm -f "$pg_state_file"
  fi
  unset CREATOROPS_TEST_POSTGRES CREATOROPS_PG_CLUSTER CREATOROPS_PG_DIR
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case ${1:-} in
    start)
      pg_start
      cat "$pg_state_file"
      ;;
    stop) pg_stop ;;
    *)
      echo "usage: bash .ci/postgres.sh start|stop   (or: source .ci/postgres.sh; pg_start; ...; pg_stop)" >&2
      exit 2
      ;;
  esac
fi
