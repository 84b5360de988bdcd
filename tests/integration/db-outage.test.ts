// The database goes away (`pg_ctl -m immediate`, as in a crash) and comes back: queries fail fast with
// an error that db/unavailable.ts recognises (the app answers those with 503), the same client works again
// once Postgres is back, and the server's start waits for a database that is not up yet.
// A cluster of its own (scripts/pg-throwaway.sh), since it is stopped mid-test; runs where Postgres is
// installed (npm test sets TEST_DATABASE_URL).
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { boot } from '../../src/lib/server/boot.ts';
import { isDatabaseUnavailableError } from '../../src/lib/server/db/unavailable.ts';
import { openDatabase } from '../../src/lib/server/db/index.ts';
import { readEnv } from '../../src/lib/server/env.ts';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/pg-throwaway.sh');
const throwaway = (...args: string[]) =>
	execFileSync('bash', [script, ...args], { encoding: 'utf8' });
// Asynchronous while clients are open, so the event loop sees their sockets close as a real app would.
const throwawayAsync = (...args: string[]) => promisify(execFile)('bash', [script, ...args]);

describe.skipIf(!process.env.TEST_DATABASE_URL)('a database outage', () => {
	let dir = '';
	let url = '';
	beforeAll(() => {
		const vars = Object.fromEntries(
			[...throwaway('start').matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]])
		);
		dir = vars.PG_THROWAWAY_DIR;
		url = vars.TEST_DATABASE_URL;
	});
	afterAll(() => {
		if (dir) throwaway('stop', dir);
	});

	test('queries fail fast with a recognised error while it is down and work again, on the same client, once it is back', async () => {
		const database = openDatabase({ url });
		try {
			await database.migrate(path.join(root, 'drizzle'));
			expect(await database.db.execute(sql`select 1 as one`)).toHaveLength(1);
			// A query and a transaction in flight when the server dies, and one sent while it is down. The
			// transaction's ROLLBACK goes to the dead connection: unpatched, the driver then throws where
			// nothing can catch it and the process exits (patches/postgres+3.4.9.patch, db/driver-fixes.ts).
			const inFlight = database.db.execute(sql`select pg_sleep(10)`).then(
				() => null,
				(e: unknown) => e
			);
			const transaction = database.db
				.transaction((tx) => tx.execute(sql`select pg_sleep(10)`))
				.then(
					() => null,
					(e: unknown) => e
				);
			await new Promise((r) => setTimeout(r, 300));
			await throwawayAsync('crash', dir);
			const cut = await inFlight;
			expect(cut, 'the query in flight is rejected').not.toBeNull();
			expect(isDatabaseUnavailableError(cut), String(cut)).toBe(true);
			const rolledBack = await transaction;
			expect(rolledBack, 'the transaction in flight is rejected').not.toBeNull();
			expect(isDatabaseUnavailableError(rolledBack), String(rolledBack)).toBe(true);
			const sentAt = Date.now();
			const refused = await database.db.execute(sql`select 1`).then(
				() => null,
				(e: unknown) => e
			);
			expect(isDatabaseUnavailableError(refused), String(refused)).toBe(true);
			expect(Date.now() - sentAt, 'no hang while the server is down').toBeLessThan(6_000);
			// Many requests over several seconds of outage: each still fails fast (the driver's default backoff
			// grows to 20 s per reconnect after a few failures).
			for (let round = 0; round < 6; round++) {
				const roundAt = Date.now();
				const failures = await Promise.all(
					Array.from({ length: 30 }, () =>
						database.db.execute(sql`select 1`).then(
							() => null,
							(e: unknown) => e
						)
					)
				);
				expect(
					failures.every((e) => isDatabaseUnavailableError(e)),
					String(failures.find((e) => !isDatabaseUnavailableError(e)))
				).toBe(true);
				expect(Date.now() - roundAt, `round ${round} of refused queries`).toBeLessThan(2_500);
			}
			const inTransaction = await database.db
				.transaction((tx) => tx.execute(sql`select 1`))
				.then(
					() => null,
					(e: unknown) => e
				);
			expect(isDatabaseUnavailableError(inTransaction), String(inTransaction)).toBe(true);

			await throwawayAsync('restart', dir);
			expect(await database.db.execute(sql`select 2 as two`)).toEqual([{ two: 2 }]);
			// An error of the query itself is not an outage: it stays a 500.
			const wrong = await database.db.execute(sql`select * from no_such_table`).then(
				() => null,
				(e: unknown) => e
			);
			expect(wrong).not.toBeNull();
			expect(isDatabaseUnavailableError(wrong)).toBe(false);
		} finally {
			await database.close();
		}
	});

	test('the server start waits for a database that is not up yet', async () => {
		throwaway('crash', dir);
		const restart = setTimeout(() => void throwawayAsync('restart', dir), 1_500);
		const startedAt = Date.now();
		const database = await boot({
			...readEnv({}),
			databaseUrl: url,
			demoUsers: false,
			questionsDir: path.join(root, 'questions'),
			migrationsDir: path.join(root, 'drizzle')
		});
		clearTimeout(restart);
		try {
			expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_400);
			expect(await database.db.execute(sql`select count(*)::int as n from question`)).toEqual([
				{ n: expect.any(Number) }
			]);
		} finally {
			await database.close();
		}
	});

	test('the server start gives up after DATABASE_WAIT_SECONDS', async () => {
		throwaway('crash', dir);
		try {
			const env = {
				...readEnv({ DATABASE_WAIT_SECONDS: '1' }),
				databaseUrl: url,
				questionsDir: path.join(root, 'questions'),
				migrationsDir: path.join(root, 'drizzle')
			};
			const failed = await boot(env).then(
				() => null,
				(e: unknown) => e
			);
			expect(isDatabaseUnavailableError(failed), String(failed)).toBe(true);
		} finally {
			throwaway('restart', dir);
		}
	});
});
