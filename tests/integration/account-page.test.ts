// The account page's rules (issue 12, item 15) on both databases: changing the password ends the other
// sessions, sessions are listed and the others can be ended, and the forgotten-password path: the same
// outcome for any email, a token stored hashed, good for 30 minutes and once.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	AccountError,
	changePassword,
	endOtherSessions,
	isResetTokenUsable,
	listSessions,
	requestPasswordReset,
	RESET_LIFETIME_MS,
	RESETS_PER_ACCOUNT,
	resetPassword
} from '../../src/lib/server/account.ts';
import {
	authenticate,
	createUser,
	signIn,
	validateSessionToken
} from '../../src/lib/server/auth.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { passwordReset } from '../../src/lib/server/db/schema.ts';
import { RateLimitedError } from '../../src/lib/server/rate-limit.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const PASSWORD = 'correct-horse-battery';

async function rejection(work: Promise<unknown>) {
	return work.then(
		() => null,
		(e: unknown) => e
	);
}

describe.each(backends())('the account page on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
	});
	afterAll(() => database?.dispose());

	const signInAs = (email: string, password = PASSWORD, userAgent = 'Test browser') =>
		signIn(db, { email, password, address: '192.0.2.1', userAgent });

	test('changing the password checks the current one, refuses a common one, and ends the other sessions only', async () => {
		await createUser(db, { email: 'changer@test.example', password: PASSWORD, displayName: 'C' });
		const phone = await signInAs('changer@test.example', PASSWORD, 'Phone browser');
		const laptop = await signInAs('changer@test.example', PASSWORD, 'Laptop browser');
		const here = (await validateSessionToken(db, laptop!.token))!;

		const listed = await listSessions(db, here.user.id);
		expect(listed.map((s) => s.userAgent).sort()).toEqual(['Laptop browser', 'Phone browser']);
		expect(listed.every((s) => s.createdAt instanceof Date && s.lastSeenAt instanceof Date)).toBe(
			true
		);

		const wrong = await rejection(
			changePassword(db, {
				userId: here.user.id,
				sessionId: here.sessionId,
				currentPassword: 'not-it',
				newPassword: 'a-new-long-password'
			})
		);
		expect(wrong).toBeInstanceOf(AccountError);
		expect((wrong as AccountError).field).toBe('currentPassword');
		const common = await rejection(
			changePassword(db, {
				userId: here.user.id,
				sessionId: here.sessionId,
				currentPassword: PASSWORD,
				newPassword: 'password1'
			})
		);
		expect((common as AccountError).field).toBe('newPassword');
		expect((common as AccountError).message).toMatch(/most common/);
		expect(await validateSessionToken(db, phone!.token)).not.toBeNull();

		expect(
			await changePassword(db, {
				userId: here.user.id,
				sessionId: here.sessionId,
				currentPassword: PASSWORD,
				newPassword: 'a-new-long-password'
			})
		).toEqual({ endedSessions: 1 });
		expect(await validateSessionToken(db, phone!.token)).toBeNull();
		expect(await validateSessionToken(db, laptop!.token)).not.toBeNull();
		expect(await authenticate(db, 'changer@test.example', PASSWORD)).toBeNull();
		expect(await authenticate(db, 'changer@test.example', 'a-new-long-password')).not.toBeNull();
	});

	test('signing out everywhere else keeps this session', async () => {
		await createUser(db, { email: 'many@test.example', password: PASSWORD, displayName: 'M' });
		const sessions = [];
		for (let i = 0; i < 3; i++) sessions.push(await signInAs('many@test.example'));
		const here = (await validateSessionToken(db, sessions[2]!.token))!;
		expect(await endOtherSessions(db, here.user.id, here.sessionId)).toBe(2);
		expect(await validateSessionToken(db, sessions[0]!.token)).toBeNull();
		expect(await validateSessionToken(db, sessions[2]!.token)).not.toBeNull();
		expect(await listSessions(db, here.user.id)).toHaveLength(1);
	});

	test('a reset: the same outcome for an unknown email; the token is hashed, works once, for 30 minutes, and ends every session', async () => {
		await createUser(db, { email: 'forgetful@test.example', password: PASSWORD, displayName: 'F' });
		const before = await signInAs('forgetful@test.example');
		const sent: { to: string; link: string }[] = [];
		const deliver = (to: string, link: string) => void sent.push({ to, link });
		const origin = 'https://quiz.example';

		expect(
			await requestPasswordReset(
				db,
				{ email: 'nobody@test.example', address: '192.0.2.9', origin },
				deliver
			)
		).toBeUndefined();
		expect(sent).toEqual([]);
		expect(
			await requestPasswordReset(
				db,
				{ email: 'Forgetful@test.example', address: '192.0.2.9', origin },
				deliver
			)
		).toBeUndefined();
		expect(sent).toHaveLength(1);
		expect(sent[0].to).toBe('forgetful@test.example');
		const token = new URL(sent[0].link).searchParams.get('token')!;
		expect(sent[0].link.startsWith(`${origin}/reset-password?token=`)).toBe(true);
		// Stored as a hash only.
		const rows = await db.select().from(passwordReset);
		expect(rows.some((r) => JSON.stringify(r).includes(token))).toBe(false);
		expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(RESET_LIFETIME_MS);

		// Too late: 31 minutes on.
		const late = new Date(Date.now() + RESET_LIFETIME_MS + 60_000);
		expect(await isResetTokenUsable(db, token, late)).toBe(false);
		expect(await rejection(resetPassword(db, token, 'a-new-long-password', late))).toBeInstanceOf(
			AccountError
		);
		// A weak password is refused without spending the token.
		expect(((await rejection(resetPassword(db, token, '12345678'))) as AccountError).field).toBe(
			'password'
		);
		expect(await isResetTokenUsable(db, token)).toBe(true);

		await resetPassword(db, token, 'a-new-long-password');
		expect(await authenticate(db, 'forgetful@test.example', 'a-new-long-password')).not.toBeNull();
		expect(await validateSessionToken(db, before!.token)).toBeNull();
		// Once only.
		const again = await rejection(resetPassword(db, token, 'yet-another-password'));
		expect((again as AccountError).message).toMatch(/expired or was used already/);
		expect(await authenticate(db, 'forgetful@test.example', 'a-new-long-password')).not.toBeNull();
		expect(
			await rejection(resetPassword(db, 'made-up-token', 'yet-another-password'))
		).toBeInstanceOf(AccountError);
	});

	test(`at most ${RESETS_PER_ACCOUNT} reset requests an hour for one email`, async () => {
		await createUser(db, { email: 'flooded@test.example', password: PASSWORD, displayName: 'F' });
		const deliver = () => {};
		for (let i = 0; i < RESETS_PER_ACCOUNT; i++)
			await requestPasswordReset(
				db,
				{
					email: 'flooded@test.example',
					address: `192.0.2.${20 + i}`,
					origin: 'https://q.example'
				},
				deliver
			);
		expect(
			await rejection(
				requestPasswordReset(
					db,
					{ email: 'flooded@test.example', address: '192.0.2.99', origin: 'https://q.example' },
					deliver
				)
			)
		).toBeInstanceOf(RateLimitedError);
		const rows = await db
			.select()
			.from(passwordReset)
			.where(eq(passwordReset.userId, (await signInAs('flooded@test.example'))!.user.id));
		expect(rows).toHaveLength(RESETS_PER_ACCOUNT);
	});
});
