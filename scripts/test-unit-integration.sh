#!/usr/bin/env bash
# Unit and integration tests (PGlite and real Postgres), with the benchmark's smoke run beside them. npm test
# runs this beside the browser tests, at the lowest priority (scripts/test-all.sh says why); run alone, it is
# the suite without the browser. Integration files use TEST_DATABASE_URL when it is set, else a throwaway
# cluster of their own; the smoke run always gets one of its own. Clusters it started are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

clusters=()
stop_clusters() { for dir in "${clusters[@]}"; do bash scripts/pg-throwaway.sh stop "$dir"; done; }
trap stop_clusters EXIT
trap 'exit 143' TERM INT

# Starts a throwaway cluster (cluster_dir, cluster_url). pg_ctl starts the server in a session of its own,
# which Linux schedules as a group of its own at nice 0: the group is given this script's priority.
own_cluster() {
	local started postmaster
	started=$(bash scripts/pg-throwaway.sh start)
	cluster_dir=$(sed -n 's/^export PG_THROWAWAY_DIR=//p' <<<"$started")
	cluster_url=$(sed -n 's/^export TEST_DATABASE_URL=//p' <<<"$started")
	clusters+=("$cluster_dir")
	postmaster=$(head -1 "$cluster_dir/data/postmaster.pid")
	if [ -r /proc/self/autogroup ]; then
		awk '{print $3}' /proc/self/autogroup >"/proc/$postmaster/autogroup" 2>/dev/null || true
	fi
}

started=$SECONDS
took() { echo "   ($1 took $((SECONDS - started)) s)"; started=$SECONDS; }

if [ -z "${TEST_DATABASE_URL:-}" ]; then
	own_cluster
	export TEST_DATABASE_URL=$cluster_url
fi
# The benchmark's smoke run traces the statements of its requests in its Postgres log, which other files'
# queries would get into: it runs on a cluster of its own, beside the unit and integration tests, its output
# kept apart and shown when it ends.
own_cluster
bench_log=$(mktemp)
TEST_DATABASE_URL=$cluster_url PG_THROWAWAY_DIR=$cluster_dir \
	npx vitest run --project integration tests/integration/bench-smoke.test.ts >"$bench_log" 2>&1 &
bench_pid=$!

echo "== unit"
unit_status=0
npx vitest run --project unit --maxWorkers=2 || unit_status=$?
took unit
echo "== integration (PGlite and Postgres)"
# Two files at a time (each has databases of its own).
integration_status=0
npx vitest run --project integration --fileParallelism --maxWorkers=2 \
	--exclude tests/integration/bench-smoke.test.ts || integration_status=$?
took integration
bench_status=0
wait "$bench_pid" || bench_status=$?
echo "-- benchmark smoke run (started with the unit tests)"
cat "$bench_log"
rm -f "$bench_log"
[ "$unit_status" -eq 0 ] && [ "$integration_status" -eq 0 ] && [ "$bench_status" -eq 0 ]
