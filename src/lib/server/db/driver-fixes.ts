// The `postgres` driver is pinned (3.4.9) and carries two fixes, as the reviewable diff
// patches/postgres+3.4.9.patch that patch-package applies at install (`postinstall`; it fails the install
// when the diff no longer applies). Drop the patch, and this check, on the day a release passes
// driver-queue.spec.ts and tests/integration/db-outage.test.ts without it:
// 1. A crash when Postgres dies under a transaction: the ROLLBACK's deferred write calls `socket.write` on a
//    socket already set to null, where nothing can catch it, and the process exits (porsager/postgres#1154,
//    #1208; fix proposed in #1209, unreleased). Patched, the query is rejected with CONNECTION_CLOSED (a 503).
// 2. A connection queue that grows by one slot per query while every connection is busy, each move between
//    queues scanning it all: throughput fell by a third within minutes under `npm run bench` (no upstream
//    report yet). Patched, the queue searches only its live part and compacts.
// An install that skipped scripts (`--ignore-scripts`, npm's install-script policy) would run the unpatched
// driver without a word, so the server refuses to start without both fixes.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The marker each fix's hunk adds, and the driver file it is in. */
export const DRIVER_FIXES = [
	{
		file: 'connection.js',
		marker: 'sahel-quiz: guarded nextWrite',
		fixes: 'the crash when Postgres dies under a transaction (porsager/postgres#1154)'
	},
	{
		file: 'queue.js',
		marker: 'sahel-quiz: bounded queue',
		fixes: 'the connection queue that grows under load'
	}
] as const;

/** The builds of the driver in its package (ESM, CommonJS, Workers); each carries the fixes. */
const BUILDS = ['src', 'cjs/src', 'cf/src'];

export class UnpatchedDriverError extends Error {
	constructor(readonly missing: string[]) {
		super(
			`The postgres driver is missing its fixes; the server will not start.\n${missing.map((m) => `  ${m}`).join('\n')}\n` +
				'Run `npm install` (or `npx patch-package`) with install scripts allowed: patches/postgres+3.4.9.patch applies them.'
		);
		this.name = 'UnpatchedDriverError';
	}
}

/** The folder of the `postgres` package this module loads. */
export function installedDriverDir(): string {
	const entry = createRequire(import.meta.url).resolve('postgres'); // …/postgres/cjs/src/index.js
	return path.resolve(path.dirname(entry), '..', '..');
}

/** One line per fix missing from a build of the driver in `driverDir`; empty when all are there. */
export function findMissingDriverFixes(driverDir: string): string[] {
	const missing: string[] = [];
	for (const build of BUILDS) {
		for (const { file, marker, fixes } of DRIVER_FIXES) {
			const target = path.join(driverDir, build, file);
			if (!existsSync(target)) {
				if (build === 'src') missing.push(`${target}: not found`);
				continue;
			}
			if (!readFileSync(target, 'utf8').includes(marker))
				missing.push(`${target}: without the fix for ${fixes}`);
		}
	}
	return missing;
}

export function assertDriverFixed(driverDir: string = installedDriverDir()): void {
	const missing = findMissingDriverFixes(driverDir);
	if (missing.length) throw new UnpatchedDriverError(missing);
}
