// Prepared queries for the hot paths. Drizzle sends a query as an unnamed statement unless it is built
// with `.prepare(name)`: then postgres.js keeps it prepared on each connection (no parse, no plan, no
// round trip to ask for parameter types), and the query is built once instead of on every request.
// A prepared query belongs to the client it was built on, so they are kept per Db: the app's database,
// a test's database, or a transaction.
import { PgTransaction } from 'drizzle-orm/pg-core';
import { PostgresJsSession } from 'drizzle-orm/postgres-js/session';
import type { Db } from './index.ts';

const byDb = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
	let queries = byDb.get(db);
	if (!queries) byDb.set(db, (queries = new Map()));
	let query = queries.get(name) as T | undefined;
	if (query === undefined) queries.set(name, (query = buildFor(db, name, build)));
	return query;
}

/**
 * Built once per process for every postgres.js transaction: each transaction is a new Db, and building a
 * query's SQL again in each (four for a submit) cost about 0.4 ms of a submit's 4 ms of CPU. The SQL and
 * the row mapping do not depend on the transaction; the connection does, and Drizzle's prepared query
 * keeps it in its `client` (and its logger in `logger`), which the copy replaces. That is Drizzle's
 * inside, not its API: a Drizzle whose prepared query keeps them elsewhere stops the first such query
 * here with an error, and tests/integration/review-writes.test.ts checks that a copy runs on its own
 * transaction's connection.
 */
const forTransactions = new Map<string, object>();

function buildFor<T>(db: Db, name: string, build: (db: Db) => T): T {
	const session = (db as unknown as { session: unknown }).session;
	const transaction = (db as unknown) instanceof PgTransaction;
	if (!transaction || !(session instanceof PostgresJsSession)) return build(db);
	let base = forTransactions.get(name) as Record<string, unknown> | undefined;
	if (!base) {
		base = build(db) as Record<string, unknown>;
		if (base.client !== session.client || !('logger' in base))
			throw new Error(
				`prepared("${name}"): this drizzle-orm keeps a prepared query's connection elsewhere than in "client"; see src/lib/server/db/prepared.ts`
			);
		forTransactions.set(name, base);
	}
	// The same query on this transaction's connection.
	return Object.assign(Object.create(Object.getPrototypeOf(base)), base, {
		client: session.client,
		logger: session.logger
	}) as T;
}
