// Brings the server up: validate the bank (refusing to start on errors), open the database,
// migrate, load the bank, create the demo accounts.
import { formatBankErrors, loadBankFromDir } from '../bank/load-from-disk.ts';
import { ensureDemoUsers } from './auth.ts';
import { syncBank } from './bank-sync.ts';
import { openDatabase, type Database } from './db/index.ts';
import { readEnv, type ServerEnv } from './env.ts';

export class InvalidBankError extends Error {
	constructor(readonly report: string) {
		super(`The question bank is invalid; the app will not start.\n${report}`);
		this.name = 'InvalidBankError';
	}
}

export async function boot(env: ServerEnv = readEnv()): Promise<Database> {
	const { bank, errors } = loadBankFromDir(env.questionsDir);
	if (!bank || errors.length) throw new InvalidBankError(formatBankErrors(errors));
	const database = openDatabase(env.databaseUrl ? { url: env.databaseUrl } : { pgliteDir: env.pgliteDir });
	await database.migrate(env.migrationsDir);
	const report = await syncBank(database.db, bank);
	if (env.demoUsers) await ensureDemoUsers(database.db);
	console.log(
		`bank loaded into ${database.kind}: ${bank.questions.length} questions (${report.created} new, ${report.updated} changed, ${report.retired} retired)`
	);
	return database;
}
