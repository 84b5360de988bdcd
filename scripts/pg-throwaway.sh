#!/usr/bin/env bash
# start: creates and starts a throwaway Postgres cluster owned by an ordinary user (Postgres refuses
#        to run as root) and prints `export` lines for PG_THROWAWAY_DIR and TEST_DATABASE_URL.
# stop DIR: stops it and deletes its folder.
# crash DIR: stops it as a crash would (`pg_ctl -m immediate`: no checkpoint, connections cut); keeps the folder.
# restart DIR: starts it again, same port and options (after crash).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
	dir=$(mktemp -d /tmp/pg-throwaway.XXXXXX)
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
	# A free port: ask the kernel for one.
	port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
	as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
	echo "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >"$dir/options"
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "$(cat "$dir/options")" start >/dev/null
	echo "export PG_THROWAWAY_DIR=$dir"
	echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
	;;
stop)
	dir=${2:?usage: pg-throwaway.sh stop DIR}
	as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
crash)
	dir=${2:?usage: pg-throwaway.sh crash DIR}
	as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
	;;
restart)
	dir=${2:?usage: pg-throwaway.sh restart DIR}
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "$(cat "$dir/options")" start >/dev/null
	;;
*)
	echo "usage: pg-throwaway.sh start | stop DIR | crash DIR | restart DIR" >&2
	exit 2
	;;
esac
