// Prepared queries for the hot paths. Drizzle sends a query as an unnamed statement unless it is built
// with `.prepare(name)`: then postgres.js keeps it prepared on each connection (no parse, no plan, no
// round trip to ask for parameter types), and the query is built once instead of on every request.
// A prepared query belongs to the client it was built on, so they are kept per Db: the app's database,
// a test's database, or a transaction (built once per transaction there, still prepared server-side).
import type { Db } from './index.ts';

const byDb = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
	let queries = byDb.get(db);
	if (!queries) byDb.set(db, (queries = new Map()));
	let query = queries.get(name) as T | undefined;
	if (query === undefined) queries.set(name, (query = build(db)));
	return query;
}
