// npm run admin:create -- EMAIL [--name "Display Name"]
//
// Makes EMAIL an administrator (and a teacher) of the install whose database is named by DATABASE_URL
// (else the embedded one in PGLITE_DATA_DIR, default .data/pglite; stop the app first: PGlite takes one
// process at a time). An existing account is promoted and keeps its password; otherwise the account is
// created with a random password printed once, to change after signing in. Run it before opening a new
// install to the public if nobody should be able to claim it by signing up first (src/lib/server/roles.ts).
// Exit status: 0 done, 1 failed, 2 bad usage.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createUser, getUserByEmail } from '../src/lib/server/auth.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { readEnv } from '../src/lib/server/env.ts';
import { makeAdmin } from '../src/lib/server/roles.ts';

const USAGE = 'usage: npm run admin:create -- EMAIL [--name "Display Name"]';

function usage(message: string): never {
	console.error(`admin:create: ${message}\n${USAGE}`);
	process.exit(2);
}

let parsed: { values: { name?: string; help?: boolean }; positionals: string[] };
try {
	parsed = parseArgs({
		options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
		allowPositionals: true
	});
} catch (e) {
	usage((e as Error).message);
}
if (parsed.values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (parsed.positionals.length !== 1) usage('give exactly one email address');
const email = parsed.positionals[0].trim();
if (!z.email().safeParse(email).success) usage(`"${email}" is not an email address`);

const env = readEnv();
const database = openDatabase(
	env.databaseUrl ? { url: env.databaseUrl } : { pgliteDir: env.pgliteDir }
);
let status = 0;
try {
	await database.migrate(env.migrationsDir);
	const existing = await getUserByEmail(database.db, email);
	if (existing) {
		await makeAdmin(database.db, email);
		console.log(`admin:create: ${existing.email} is now an administrator and a teacher`);
	} else {
		const password = randomBytes(12).toString('base64url');
		await createUser(database.db, {
			email,
			password,
			displayName: parsed.values.name?.trim() || email.split('@')[0]
		});
		await makeAdmin(database.db, email);
		console.log(`admin:create: created ${email.toLowerCase()}, an administrator and a teacher`);
		console.log(`password (shown once; change it after signing in): ${password}`);
	}
} catch (e) {
	console.error(`admin:create: ${(e as Error).stack}`);
	status = 1;
} finally {
	await database.close();
}
process.exit(status);
