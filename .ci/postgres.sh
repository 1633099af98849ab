#!/usr/bin/env bash
# Start a PostgreSQL server on 127.0.0.1 for the store tests and export its URL as
# CONFLICTWIRE_TEST_PG_URL. Safe to `source` from .ci/run (never exits the caller; returns
# non-zero on failure) and to run directly (prints the URL). Installs Debian's postgresql if
# the server binaries are missing. Runs as root: the server itself runs as the postgres user.

cw_pg_start() {
  local ver port db=conflictwire_test role=conflictwire pass=conflictwire
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
    echo "postgres.sh: installing PostgreSQL from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; } || return 1
  fi
  ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  [ -n "$ver" ] || return 1
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$ver main"; then
    pg_createcluster "$ver" main >/dev/null || return 1
  fi
  port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
  if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
    pg_ctlcluster "$ver" main start || return 1
  fi
  local i
  for i in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || return 1
  runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<SQL || return 1
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN PASSWORD '$pass';
  END IF;
END \$\$;
SQL
  if ! runuser -u postgres -- psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    runuser -u postgres -- createdb -p "$port" -O "$role" "$db" || return 1
  fi
  export CONFLICTWIRE_TEST_PG_URL="postgresql://$role:$pass@127.0.0.1:$port/$db"
  echo "postgres.sh: CONFLICTWIRE_TEST_PG_URL=$CONFLICTWIRE_TEST_PG_URL" >&2
}

if (return 0 2>/dev/null); then
  cw_pg_start
else
  cw_pg_start || { echo "postgres.sh: could not start PostgreSQL" >&2; exit 1; }
  echo "$CONFLICTWIRE_TEST_PG_URL"
fi
