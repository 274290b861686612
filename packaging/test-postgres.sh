#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the history tests, so that they run against a
# real server without touching any server the machine already has.
#
#   packaging/test-postgres.sh start DIR   initdb in DIR, start on 127.0.0.1, create the test
#                                          database, print its URL on stdout
#   packaging/test-postgres.sh stop DIR    stop it (DIR can then be removed)
#   packaging/test-postgres.sh resume DIR  start a stopped one again, on the same port (the
#                                          fault tests stop a server in the middle of a run)
#
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop|resume DIR" >&2
  exit 2
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$pgbin" ]; then
  echo "$0: no PostgreSQL server found under /usr/lib/postgresql (Debian package postgresql)" >&2
  exit 1
fi

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_server_user "$pgbin/initdb" -D "$dir/data" -A trust -U crucible --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # The first free port from 55432 on; the socket goes into DIR, not /var/run.
    for port in $(seq 55432 55451); do
      if as_server_user "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
           -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null 2>&1; then
        as_server_user "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U crucible crucible_test
        echo "$port" >"$dir/port"
        echo "postgresql://crucible@127.0.0.1:$port/crucible_test"
        exit 0
      fi
    done
    echo "$0: the PostgreSQL server did not start; its log:" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
    ;;
  stop)
    [ -d "$dir/data" ] && as_server_user "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    port="$(cat "$dir/port")"
    as_server_user "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|resume DIR" >&2
    exit 2
    ;;
esac
