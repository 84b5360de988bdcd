// Fresh databases for integration tests: an in-memory PGlite, and a new database on the real
// Postgres named by TEST_DATABASE_URL (dropped afterwards). Both get the real migrations.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Bank } from '../../src/lib/bank/types.ts';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import { openDatabase, type Database, type Db } from '../../src/lib/server/db/index.ts';
import * as schema from '../../src/lib/server/db/schema.ts';
import { databaseUrl } from './database-url.ts';

export type Backend = 'pglite' | 'postgres';

export const migrationsDir = path.resolve(import.meta.dirname, '../../drizzle');

/** The backends to run on. In CI Postgres is required: a suite that silently skipped it would lie. */
export function backends(): Backend[] {
	if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
	if (process.env.CI)
		throw new Error(
			'TEST_DATABASE_URL is not set: integration tests must also run on Postgres in CI.'
		);
	console.warn(
		'TEST_DATABASE_URL is not set: integration tests run on PGlite only (npm test sets it up).'
	);
	return ['pglite'];
}

/** `url`: the Postgres database's, for a test that needs a client of its own (none on PGlite). */
export type TestDatabase = Database & { url?: string; dispose(): Promise<void> };

/**
 * A fresh database of `backend`, migrated from `migrations` (the real ones unless a test says). With the real
 * ones it is a copy of the database the integration project's global setup migrated once for the whole run
 * (tests/helpers/migrated-snapshot.ts); the migrations then find nothing left to run.
 */
export async function createTestDatabase(
	backend: Backend,
	migrations = migrationsDir
): Promise<TestDatabase> {
	const fromSnapshot = migrations === migrationsDir;
	if (backend === 'pglite') {
		const tarball = fromSnapshot ? inject('migratedPgliteTarball') : undefined;
		const database = openDatabase({
			pgliteDir: 'memory://',
			...(tarball ? { from: new Blob([readFileSync(tarball)]) } : {})
		});
		await database.migrate(migrations);
		return { ...database, dispose: () => database.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	const template = fromSnapshot ? inject('migratedPostgresTemplate') : '';
	await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
	const url = databaseUrl(adminUrl, name);
	const database = openDatabase({ url });
	await database.migrate(migrations);
	return {
		...database,
		url,
		dispose: async () => {
			await database.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/**
 * The same database through a client that counts the statements it sends: for tests that a read takes a
 * fixed number of them, whatever the data.
 */
export function countingDb(database: Database): { db: Db; statements(): number } {
	let statements = 0;
	const options = { schema, logger: { logQuery: () => void statements++ } };
	const client = (database.db as unknown as { $client: unknown }).$client;
	const db = (database.kind === 'pglite'
		? drizzlePglite(client as PGlite, options)
		: drizzlePostgres(client as postgres.Sql, options)) as unknown as Db;
	return { db, statements: () => statements };
}

/** A fresh database of `backend` with the bank synced, and one learner in it: where many files start. */
export async function databaseWithLearner(
	backend: Backend,
	bank: Bank,
	learner: { email: string; displayName: string }
): Promise<{ database: TestDatabase; db: Db; learner: SessionUser }> {
	const database = await createTestDatabase(backend);
	await syncBank(database.db, bank);
	const user = await createUser(database.db, { ...learner, password: 'a-long-password' });
	return { database, db: database.db, learner: user };
}

/**
 * On Postgres, the database through a client of one connection that notes the statements it sends, and
 * which of them were not sent prepared (postgres.js sends an unnamed statement only after a round trip to
 * ask its parameter types). Null on PGlite.
 */
export function oneConnectionDb(database: TestDatabase) {
	if (!database.url) return null;
	const client = postgres(database.url, { max: 1, onnotice: () => {} });
	const sent = new Set<string>();
	const db = drizzlePostgres(client, {
		schema,
		logger: { logQuery: (query) => void sent.add(query) }
	}) as unknown as Db;
	return {
		db,
		sent: () => [...sent],
		/**
		 * The statements with parameters sent so far that the connection does not hold prepared (one without
		 * parameters goes as a simple query, in one round trip).
		 */
		unprepared: async () => {
			const held = new Set(
				(await client`select statement from pg_prepared_statements`).map(
					(r) => r.statement as string
				)
			);
			return [...sent].filter((query) => /\$1\b/.test(query) && !held.has(query));
		},
		end: () => client.end()
	};
}
