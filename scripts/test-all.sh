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
# The unit and integration tests, run beside the browser tests in a session of their own (below): stopped,
# with their clusters, when the suite stops early.
beside_pid=
clean_up() {
	if [ -n "$beside_pid" ] && kill -0 "$beside_pid" 2>/dev/null; then
		kill -TERM -- "-$beside_pid" 2>/dev/null || true
		wait "$beside_pid" 2>/dev/null || true
	fi
	stop_clusters
}
trap clean_up EXIT

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
# Screenshots are for people to look at (tests/screenshots/, npm run docs:images): a CI run has nobody
# looking, so it leaves them out unless E2E_SHOTS says otherwise.
if [ -n "${CI:-}" ]; then export E2E_SHOTS=${E2E_SHOTS:-0}; fi
# With one worker the browser tests keep about 1.2 of the two cores busy (a page waits on the server, the
# server on its database), so the unit and integration tests run beside them on what is left: in a session
# of their own, which Linux schedules as a group of its own (autogroup), at nice 19, so that Chromium's
# bursts never queue behind them. (Run beside at normal priority they slowed the browser tests by three
# quarters, and the whole suite.) They get Postgres clusters of their own, at their priority.
beside_log=$(mktemp)
beside_env=()
if [ "${#clusters[@]}" -gt 0 ]; then beside_env=(-u TEST_DATABASE_URL -u PG_THROWAWAY_DIR); fi
setsid -w env "${beside_env[@]}" bash -c \
	'echo 19 >/proc/self/autogroup 2>/dev/null || true; exec nice -n 19 bash scripts/test-unit-integration.sh' \
	>"$beside_log" 2>&1 &
beside_pid=$!
phase "browser (Chromium), with the unit and integration tests beside it at the lowest priority"
browser_status=0
npx playwright test || browser_status=$?
phase "unit and integration, the rest of their run"
beside_status=0
wait "$beside_pid" || beside_status=$?
cat "$beside_log"
rm -f "$beside_log"
phase_done
[ "$browser_status" -eq 0 ] && [ "$beside_status" -eq 0 ]
