// Brings the server up: check the database driver carries its fixes and validate the bank (refusing to
// start on either), open the database, migrate, load the bank, create the demo accounts.
import { formatBankErrors, loadBankFromDir } from '../bank/load-from-disk.ts';
import { ensureDemoUsers } from './auth.ts';
import { syncBank } from './bank-sync.ts';
import { assertDriverFixed, installedDriverDir } from './db/driver-fixes.ts';
import { isDatabaseUnavailableError } from './db/unavailable.ts';
import { openDatabase, type Database } from './db/index.ts';
import { readEnv, type ServerEnv } from './env.ts';

export class InvalidBankError extends Error {
	constructor(readonly report: string) {
		super(`The question bank is invalid; the app will not start.\n${report}`);
		this.name = 'InvalidBankError';
	}
}

/** `driverDir`: the `postgres` package to check (the installed one; another in tests). */
export async function boot(
	env: ServerEnv = readEnv(),
	{ driverDir = installedDriverDir() }: { driverDir?: string } = {}
): Promise<Database> {
	assertDriverFixed(driverDir);
	const { bank, errors } = loadBankFromDir(env.questionsDir);
	if (!bank || errors.length) throw new InvalidBankError(formatBankErrors(errors));
	const database = openDatabase(
		env.databaseUrl
			? { url: env.databaseUrl, poolMax: env.databasePoolMax }
			: { pgliteDir: env.pgliteDir }
	);
	// Postgres may not be up yet (started together with the app, or restarting): wait for it rather than
	// exit. Each step is idempotent (migrations run in a transaction), so the sequence is simply run again.
	const report = await whileDatabaseUnavailable(env.databaseWaitMs, async () => {
		await database.migrate(env.migrationsDir);
		const synced = await syncBank(database.db, bank);
		if (env.demoUsers) await ensureDemoUsers(database.db);
		return synced;
	});
	console.log(
		`bank loaded into ${database.kind}: ${bank.questions.length} questions (${report.created} new, ${report.updated} changed, ${report.retired} retired)`
	);
	return database;
}

async function whileDatabaseUnavailable<T>(waitMs: number, work: () => Promise<T>): Promise<T> {
	const giveUpAt = Date.now() + waitMs;
	for (let pause = 250; ; pause = Math.min(pause * 2, 5_000)) {
		try {
			return await work();
		} catch (e) {
			if (!isDatabaseUnavailableError(e) || Date.now() + pause > giveUpAt) throw e;
			console.error(
				`the database is not reachable yet (${(e as Error).message}); trying again in ${pause} ms`
			);
			await new Promise((resolve) => setTimeout(resolve, pause));
		}
	}
}
