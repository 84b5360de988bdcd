// The database client: real Postgres through `postgres` when a URL is given, embedded PGlite otherwise.
// Both speak the same schema and run the same migrations from drizzle/.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { DEFAULT_DATABASE_POOL_MAX } from '../env.ts';
import * as schema from './schema.ts';
import { postgresTarget } from './url.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
	db: Db;
	kind: 'pglite' | 'postgres';
	migrate(migrationsFolder: string): Promise<void>;
	/**
	 * LISTEN on `channel`: `onPayload` gets each NOTIFY's payload (from this process or any other on the same
	 * database). `onReconnect` runs when the listening connection came back after a loss, when
	 * notifications may have been missed. Resolves to the function that stops listening.
	 */
	listen(
		channel: string,
		onPayload: (payload: string) => void,
		onReconnect?: () => void
	): Promise<() => Promise<void>>;
	close(): Promise<void>;
};

/**
 * `target` is a postgres:// URL, a folder for PGlite data, or 'memory://' for a throwaway PGlite.
 * PGlite is a single connection: it runs one query at a time and holds its lock for a whole
 * transaction, so concurrent requests queue rather than interleave inside each other's transactions.
 * Never call the outer `db` from inside a transaction callback on PGlite: that waits for itself.
 */
export function openDatabase(
	target:
		| { url: string; poolMax?: number }
		// `from`: a data folder saved by PGlite's dumpDataDir to start from (tests start from a migrated one).
		| { pgliteDir: string; from?: Blob }
): Database {
	if ('url' in target) {
		// A bounded connect timeout: while Postgres is down or restarting a request fails fast (503) instead
		// of hanging; the driver connects again on the next query, so nothing else is needed to reconnect.
		// The driver waits before reconnecting a connection that failed, up to 20 s by default (3^failures / 100 s):
		// each request queued behind it would wait that long for its 503, or after Postgres is back. At most 50 ms here:
		// with a pool of 2, the requests queued during an outage get their 503s two at a time, one reconnect apart.
		const { url, path } = postgresTarget(target.url);
		const client = postgres(url, {
			...(path ? { path } : {}),
			max: target.poolMax ?? DEFAULT_DATABASE_POOL_MAX,
			onnotice: () => {},
			connect_timeout: 5,
			backoff: (failures: number) => Math.min(0.02 * 2 ** failures, 0.05)
		});
		const db = drizzlePostgres(client, { schema }) as unknown as Db;
		return {
			db,
			kind: 'postgres',
			migrate: (migrationsFolder) => migratePostgres(db as never, { migrationsFolder }),
			// The driver keeps one connection of its own for all listeners, outside the pool, and listens
			// again on it after a reconnect (calling onlisten each time it does).
			listen: async (channel, onPayload, onReconnect) => {
				let listened = false;
				const request = await client.listen(channel, onPayload, () => {
					if (listened) onReconnect?.();
					listened = true;
				});
				return () => request.unlisten();
			},
			// Bounded: after the server has gone away and come back, end() can wait forever for a connection
			// that will never report back (seen with postgres 3.4 after `pg_ctl -m immediate`).
			close: () => client.end({ timeout: 5 })
		};
	}
	const dir = target.pgliteDir;
	if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
	const client = new PGlite(dir, target.from ? { loadDataDir: target.from } : {});
	const db = drizzlePglite(client, { schema }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		migrate: (migrationsFolder) => migratePglite(db as never, { migrationsFolder }),
		// One in-process connection: notifications come back with the result of the statement that committed them.
		listen: async (channel, onPayload) => {
			const stop = await client.listen(channel, onPayload);
			return () => stop();
		},
		close: () => client.close()
	};
}
