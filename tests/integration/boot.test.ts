import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createUser, getUserByEmail } from '../../src/lib/server/auth.ts';
import { getAttemptForTaking, saveAnswer, startAttempt } from '../../src/lib/server/attempts.ts';
import { boot, InvalidBankError } from '../../src/lib/server/boot.ts';
import { installedDriverDir, UnpatchedDriverError } from '../../src/lib/server/db/driver-fixes.ts';
import { readEnv } from '../../src/lib/server/env.ts';
import { loadRealBank, questionsDir, rightResponse } from '../helpers/bank.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'sahel-boot-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function envFor(dir: string, questions = questionsDir) {
	return {
		...readEnv({}),
		pgliteDir: dir,
		questionsDir: questions,
		migrationsDir: path.resolve(import.meta.dirname, '../../drizzle')
	};
}

describe('starting the server on the embedded database', () => {
	test('a restart on the same data folder keeps accounts, attempts and answers', async () => {
		const dir = path.join(scratch, 'pglite');
		const bank = loadRealBank();
		let database = await boot(envFor(dir));
		const user = await createUser(database.db, {
			email: 'restart@test.example',
			password: 'a-long-password',
			displayName: 'R'
		});
		const { id } = await startAttempt(database.db, user.id, { count: 3 }, 'restart');
		const first = (await getAttemptForTaking(database.db, user.id, id)).questions[0];
		const response = rightResponse(bank.questions.find((q) => q.id === first.id)!);
		await saveAnswer(database.db, user.id, id, first.id, response);
		await database.close();

		database = await boot(envFor(dir));
		try {
			expect(await getUserByEmail(database.db, 'student@demo.test')).not.toBeNull();
			expect(await getUserByEmail(database.db, 'teacher@demo.test')).toMatchObject({
				role: 'teacher'
			});
			expect(await getUserByEmail(database.db, 'teacher2@demo.test')).toMatchObject({
				role: 'teacher'
			});
			const resumed = await getAttemptForTaking(database.db, user.id, id);
			expect(resumed.responses).toEqual({ [first.id]: response });
		} finally {
			await database.close();
		}
	});

	test('an invalid bank stops the start with file:line messages, before the database is touched', async () => {
		const broken = path.join(scratch, 'questions-broken');
		cpSync(questionsDir, broken, { recursive: true });
		const file = readdirSync(path.join(broken, 'bank'))
			.filter((f) => f.endsWith('.yaml'))
			.sort()[0];
		const full = path.join(broken, 'bank', file);
		const lines = readFileSync(full, 'utf8').split('\n');
		const quoteLine = lines.findIndex((l) => /^\s+quote:/.test(l));
		lines[quoteLine] = lines[quoteLine].replace(
			/quote:.*/,
			'quote: "words that no article contains"'
		);
		writeFileSync(full, lines.join('\n'));

		const dataDir = path.join(scratch, 'never-created');
		const error = await boot(envFor(dataDir, broken)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InvalidBankError);
		expect((error as InvalidBankError).message).toContain(`bank/${file}:${quoteLine + 1}:`);
		expect(() => readdirSync(dataDir)).toThrow();
	});

	test('a database driver without its fixes stops the start, before the database is touched', async () => {
		// The installed driver as an install that skipped patch-package would leave it: the queue unfixed.
		const driver = path.join(scratch, 'postgres-unpatched');
		cpSync(installedDriverDir(), driver, { recursive: true });
		const queue = path.join(driver, 'src', 'queue.js');
		writeFileSync(queue, readFileSync(queue, 'utf8').replace('sahel-quiz: bounded queue', ''));

		const dataDir = path.join(scratch, 'never-created-driver');
		const error = await boot(envFor(dataDir), { driverDir: driver }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UnpatchedDriverError);
		expect((error as UnpatchedDriverError).message).toContain(`${queue}: without the fix`);
		expect(() => readdirSync(dataDir)).toThrow();
	});
});
