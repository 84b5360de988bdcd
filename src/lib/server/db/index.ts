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
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
	db: Db;
	kind: 'pglite' | 'postgres';
	migrate(migrationsFolder: string): Promise<void>;
	close(): Promise<void>;
};

/**
 * `target` is a postgres:// URL, a folder for PGlite data, or 'memory://' for a throwaway PGlite.
 * PGlite is a single connection: it runs one query at a time and holds its lock for a whole
 * transaction, so concurrent requests queue rather than interleave inside each other's transactions.
 * Never call the outer `db` from inside a transaction callback on PGlite: that waits for itself.
 */
export function openDatabase(target: { url: string } | { pgliteDir: string }): Database {
	if ('url' in target) {
		const client = postgres(target.url, { max: 10, onnotice: () => {} });
		const db = drizzlePostgres(client, { schema }) as unknown as Db;
		return {
			db,
			kind: 'postgres',
			migrate: (migrationsFolder) => migratePostgres(db as never, { migrationsFolder }),
			close: () => client.end()
		};
	}
	const dir = target.pgliteDir;
	if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
	const client = new PGlite(dir);
	const db = drizzlePglite(client, { schema }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		migrate: (migrationsFolder) => migratePglite(db as never, { migrationsFolder }),
		close: () => client.close()
	};
}
