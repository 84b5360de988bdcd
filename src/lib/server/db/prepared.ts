// Prepared queries for the hot paths. Drizzle sends a query as an unnamed statement unless it is built
// with `.prepare(name)`: then postgres.js keeps it prepared on each connection (no parse, no plan, no
// round trip to ask for parameter types), and the query is built once instead of on every request.
// A prepared query belongs to the client it was built on, so they are kept per Db: the app's database,
// a test's database, or a transaction.
import type { SQL } from 'drizzle-orm';
import { PgTransaction, type PgDialect } from 'drizzle-orm/pg-core';
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

/**
 * `query` as a prepared statement on postgres.js, sent when first awaited (as Drizzle's own statements
 * are: none is sent that nobody waits for). Drizzle sends any other statement unnamed, and postgres.js
 * asks Postgres for an unnamed statement's parameter types before it binds the values: one more round
 * trip per statement, and the statements behind it on the connection wait for it (a submit's four writes
 * took eight waits). Prepared, a statement is parsed once per connection and goes out with those beside
 * it. Only for SQL whose text does not change with its values (they are its parameters): postgres.js
 * keeps each text prepared on each connection for the connection's life.
 */
export function asPrepared(db: Db, query: SQL): PromiseLike<unknown> {
	let sent: Promise<unknown> | undefined;
	const send = () => {
		const session = (db as unknown as { session: unknown }).session;
		if (!(session instanceof PostgresJsSession)) return Promise.resolve(db.execute(query));
		const dialect = (db as unknown as { dialect: PgDialect }).dialect;
		return session.prepareQuery(dialect.sqlToQuery(query), undefined, 'statement', false).execute();
	};
	return { then: (onSent, onFailed) => (sent ??= send()).then(onSent, onFailed) };
}
