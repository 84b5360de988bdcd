// The process-wide database, opened once by the server's init hook.
import type { Database, Db } from './index.ts';

let current: Database | null = null;

export function setAppDatabase(database: Database) {
	current = database;
}

export function getDb(): Db {
	if (!current) throw new Error('The database is not open yet: boot() runs in the init hook.');
	return current.db;
}

/** The process-wide database itself (for LISTEN, which needs the client rather than Drizzle). */
export function getAppDatabase(): Database {
	if (!current) throw new Error('The database is not open yet: boot() runs in the init hook.');
	return current;
}
