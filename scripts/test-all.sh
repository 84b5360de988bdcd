#!/usr/bin/env bash
# The whole suite: bank check, unit tests, integration tests on PGlite and real Postgres, browser tests.
# On a fresh Debian machine it installs what it needs (Debian's postgresql and chromium) and starts a
# throwaway Postgres cluster for the integration tests, removed again on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh

# Throwaway clusters this run started, removed on exit.
clusters=()
stop_clusters() { for dir in "${clusters[@]}"; do bash scripts/pg-throwaway.sh stop "$dir"; done; }
trap stop_clusters EXIT

if [ -z "${TEST_DATABASE_URL:-}" ]; then
	eval "$(bash scripts/pg-throwaway.sh start)"
	clusters+=("$PG_THROWAWAY_DIR")
fi
export TEST_DATABASE_URL

# Seconds per phase, so the suite's budget (well under 15 minutes) can be watched in every CI log.
phase_started=$SECONDS
phase() {
	[ -n "${phase_name:-}" ] && echo "   ($phase_name took $((SECONDS - phase_started)) s)"
	phase_name=$1
	phase_started=$SECONDS
	echo "== $1"
}
phase_done() { echo "   ($phase_name took $((SECONDS - phase_started)) s; suite $SECONDS s)"; }

# The postgres driver's fixes (patches/): fails when the diff no longer applies to the installed driver,
# e.g. after a version bump, even where the install ran with --ignore-scripts.
phase "driver patch"
npx patch-package --error-on-fail
phase "dependency audit (offline)"
npm run -s audit:offline
# One production build for the rest: the benchmark's and the crash test's smoke runs, and the browser tests'
# server, each build only when build/ is older than a source file.
phase "build"
npx tsx tests/helpers/build-if-stale.ts
# The benchmark's smoke run traces the statements of its requests in its Postgres log, which other files'
# queries would get into: it runs on a cluster of its own, from here on beside the lint (one core) and the
# unit and integration tests, its output kept apart and shown when it ends.
bench_pg=$(bash scripts/pg-throwaway.sh start)
bench_dir=$(sed -n 's/^export PG_THROWAWAY_DIR=//p' <<<"$bench_pg")
bench_url=$(sed -n 's/^export TEST_DATABASE_URL=//p' <<<"$bench_pg")
clusters+=("$bench_dir")
bench_log=$(mktemp)
TEST_DATABASE_URL=$bench_url PG_THROWAWAY_DIR=$bench_dir \
	npx vitest run --project integration tests/integration/bench-smoke.test.ts >"$bench_log" 2>&1 &
bench_pid=$!
phase "format and lint"
# npm run lint, its two single-threaded halves side by side.
npx svelte-kit sync
lint_status=0
npx prettier --check . >/dev/null &
prettier_pid=$!
npx eslint . || lint_status=$?
wait "$prettier_pid" || lint_status=$? # its warnings, on stderr, name the files
if [ "$lint_status" -ne 0 ]; then exit 1; fi
phase "bank"
npm run -s questions:check
phase "unit"
npx vitest run --project unit --maxWorkers=2
phase "integration (PGlite and Postgres)"
# Two files at a time (each has databases of its own).
integration_status=0
npx vitest run --project integration --fileParallelism --maxWorkers=2 \
	--exclude tests/integration/bench-smoke.test.ts || integration_status=$?
bench_status=0
wait "$bench_pid" || bench_status=$?
echo "-- benchmark smoke run (started after the build)"
cat "$bench_log"
rm -f "$bench_log"
if [ "$integration_status" -ne 0 ] || [ "$bench_status" -ne 0 ]; then exit 1; fi
phase "browser (Chromium)"
# Screenshots are for people to look at (tests/screenshots/, npm run docs:images): a CI run has nobody
# looking, so it leaves them out unless E2E_SHOTS says otherwise.
if [ -n "${CI:-}" ]; then export E2E_SHOTS=${E2E_SHOTS:-0}; fi
npx playwright test
phase_done
