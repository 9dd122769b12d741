#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suites: initdb in a new temporary folder, served on
# a free loopback port only, as the `postgres` user when run by root (PostgreSQL refuses root),
# else as the caller. ctest starts it before the PostgreSQL suites and stops it after them, also
# when one fails (a FIXTURES_SETUP / FIXTURES_CLEANUP pair).
#   usage: tests/pg/cluster.sh start STATE_FILE    writes the cluster's folder and URL to STATE_FILE
#          tests/pg/cluster.sh stop STATE_FILE     stops it and removes its folder
#          tests/pg/cluster.sh url STATE_FILE      prints postgresql://postgres@127.0.0.1:PORT/citygrants_test
#          tests/pg/cluster.sh run STATE_FILE CMD...  runs CMD with CITYGRANTS_TEST_PG set to that URL
#                                                     (and CITYGRANTS_TEST_PG_STATE to STATE_FILE)
#          tests/pg/cluster.sh down|up STATE_FILE  stops the server at once / starts it again
set -euo pipefail

state="${2:?usage: cluster.sh start|stop|url|run|down|up STATE_FILE}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "cluster.sh: PostgreSQL is not installed (ops/test installs the postgresql package)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Loopback only, a socket folder of its own, no fsync (a throwaway cluster: a crash of the
# machine may lose it, a crash of the server loses nothing committed, which the outage test
# relies on), enough connections for two instances' pools and the race tests. Up to 120 s to
# start: after the outage test's immediate stop, recovery replays every WAL record since the last
# checkpoint, which took over 30 s on a 2-core machine busy with builds.
serve() {
  as_owner "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 120 \
    -o "-c listen_addresses=127.0.0.1 -p $2 -k $1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$1/server.log" >&2; exit 1; }
}

case "$1" in
  start)
    dir="$(mktemp -d "${TMPDIR:-/tmp}/citygrants-pg.XXXXXX")"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port="$(free_port)"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    serve "$dir" "$port"
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAtc 'CREATE DATABASE citygrants_test' postgres
    printf 'dir=%s\nport=%s\n' "$dir" "$port" >"$state"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    ;;
  stop)
    [ -f "$state" ] || { echo "cluster.sh: no cluster recorded in $state"; exit 0; }
    dir="$(sed -n 's/^dir=//p' "$state")"
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null || true; fi
    rm -rf "$dir" "$state"
    echo "PostgreSQL stopped"
    ;;
  down)  # the server goes away at once, as in a crash (the outage tests); `up` brings it back
    dir="$(sed -n 's/^dir=//p' "$state")"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null
    ;;
  up)
    serve "$(sed -n 's/^dir=//p' "$state")" "$(sed -n 's/^port=//p' "$state")"
    ;;
  url|run)
    port="$(sed -n 's/^port=//p' "$state" 2>/dev/null)"
    [ -n "$port" ] || { echo "cluster.sh: no cluster recorded in $state (did pg_cluster_start fail?)" >&2; exit 1; }
    url="postgresql://postgres@127.0.0.1:$port/citygrants_test"
    if [ "$1" = url ]; then echo "$url"; exit 0; fi
    shift 2
    CITYGRANTS_TEST_PG="$url" CITYGRANTS_TEST_PG_STATE="$state" exec "$@"
    ;;
  *) echo "usage: cluster.sh start|stop|url|run|down|up STATE_FILE" >&2; exit 2 ;;
esac
