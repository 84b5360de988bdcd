// Account rules against both databases: equal answers for unknown emails and wrong passwords, limits on
// failed sign-ins (per account and per address) and on wrong join codes that expire, session tokens
// stored hashed, rotated at sign-in and dead after sign-out.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	authenticate,
	createUser,
	invalidateSession,
	signIn,
	timing,
	validateSessionToken
} from '../../src/lib/server/auth.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { authFailure, session } from '../../src/lib/server/db/schema.ts';
import { RequestError } from '../../src/lib/server/errors.ts';
import {
	HOUR_MS,
	JOIN_CODES_PER_STUDENT,
	RateLimitedError,
	recordFailure,
	SIGN_IN_PER_ACCOUNT,
	SIGN_IN_PER_ADDRESS,
	signInLimits
} from '../../src/lib/server/rate-limit.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const PASSWORD = 'correct-horse-battery';

async function rejection(work: Promise<unknown>) {
	return work.then(
		() => null,
		(e: unknown) => e
	);
}

/** As if an hour and a minute had passed for these keys' failures. */
async function ageFailures(db: Db, keyPrefix: string) {
	await db
		.update(authFailure)
		.set({ at: sql`${authFailure.at} - interval '61 minutes'` })
		.where(sql`${authFailure.key} like ${keyPrefix + '%'}`);
}

describe.each(backends())('accounts on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
	});
	afterAll(() => database?.dispose());

	test('unknown email and wrong password: the same answer, and both spend an argon2 verify', async () => {
		await createUser(db, { email: 'known@test.example', password: PASSWORD, displayName: 'Known' });
		const before = timing.dummyVerifies;
		expect(await authenticate(db, 'nobody@test.example', PASSWORD)).toBeNull();
		expect(timing.dummyVerifies).toBe(before + 1);
		expect(await authenticate(db, 'known@test.example', 'wrong-password')).toBeNull();
		expect(timing.dummyVerifies).toBe(before + 1);
		expect(
			await signIn(db, { email: 'nobody@test.example', password: PASSWORD, address: '192.0.2.1' })
		).toBeNull();
		expect(
			await signIn(db, {
				email: 'known@test.example',
				password: 'wrong-password',
				address: '192.0.2.1'
			})
		).toBeNull();

		// Loosely: the unknown email must cost the same order of time as a wrong password (an argon2
		// verify, tens of ms), not a bare lookup (about a millisecond). Medians of 7 each.
		const median = async (email: string, password: string) => {
			const times: number[] = [];
			for (let i = 0; i < 7; i++) {
				const start = performance.now();
				await authenticate(db, email, password);
				times.push(performance.now() - start);
			}
			return times.sort((a, b) => a - b)[3];
		};
		const unknown = await median('nobody@test.example', PASSWORD);
		const wrong = await median('known@test.example', 'wrong-password');
		expect(unknown / wrong).toBeGreaterThan(0.4);
		expect(unknown / wrong).toBeLessThan(2.5);
	});

	test(`${SIGN_IN_PER_ACCOUNT} failed sign-ins per hour lock the account, not for good`, async () => {
		await createUser(db, {
			email: 'target@test.example',
			password: PASSWORD,
			displayName: 'Target'
		});
		// Spread over addresses, as a distributed guesser would: the account limit must still hold.
		for (let i = 0; i < SIGN_IN_PER_ACCOUNT; i++) {
			expect(
				await signIn(db, {
					email: 'Target@test.example',
					password: `guess-${i}`,
					address: `198.51.100.${i % 50}`
				})
			).toBeNull();
		}
		const refused = await rejection(
			signIn(db, { email: 'target@test.example', password: PASSWORD, address: '203.0.113.9' })
		);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).message).toMatch(
			/Too many failed sign-ins.*Try again in \d+ minutes/
		);
		expect((refused as RateLimitedError).retryAfter).toBeGreaterThan(HOUR_MS / 1000 - 120);
		expect((refused as RateLimitedError).retryAfter).toBeLessThanOrEqual(HOUR_MS / 1000);
		// Another account is not affected.
		await createUser(db, {
			email: 'bystander@test.example',
			password: PASSWORD,
			displayName: 'Bystander'
		});
		expect(
			await signIn(db, {
				email: 'bystander@test.example',
				password: PASSWORD,
				address: '203.0.113.9'
			})
		).not.toBeNull();
		// An hour later the owner gets in.
		await ageFailures(db, 'account:target@test.example');
		const ok = await signIn(db, {
			email: 'target@test.example',
			password: PASSWORD,
			address: '203.0.113.9'
		});
		expect(ok?.user.email).toBe('target@test.example');
		// Old rows are cleaned up as new failures come in.
		await signIn(db, {
			email: 'target@test.example',
			password: 'one more guess',
			address: '203.0.113.9'
		});
		const [{ n }] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(authFailure)
			.where(eq(authFailure.key, 'account:target@test.example'));
		expect(n).toBe(1);
	});

	test(`${SIGN_IN_PER_ADDRESS} failed sign-ins per hour from one address block that address only`, async () => {
		await createUser(db, {
			email: 'sprayed@test.example',
			password: PASSWORD,
			displayName: 'Sprayed'
		});
		const address = '233.252.0.7';
		// The failures of a spray over many accounts, written directly (a thousand argon2 runs would be slow).
		for (let i = 0; i < SIGN_IN_PER_ADDRESS; i++)
			await recordFailure(db, signInLimits(`spray-${i}@test.example`, address));
		const refused = await rejection(
			signIn(db, { email: 'sprayed@test.example', password: PASSWORD, address })
		);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect(
			await signIn(db, {
				email: 'sprayed@test.example',
				password: PASSWORD,
				address: '233.252.0.8'
			})
		).not.toBeNull();
		await ageFailures(db, `address:${address}`);
		expect(
			await signIn(db, { email: 'sprayed@test.example', password: PASSWORD, address })
		).not.toBeNull();
	}, 120_000);

	test('session tokens are stored hashed, rotated at sign-in and dead after sign-out', async () => {
		await createUser(db, {
			email: 'sessions@test.example',
			password: PASSWORD,
			displayName: 'Sessions'
		});
		const first = await signIn(db, {
			email: 'sessions@test.example',
			password: PASSWORD,
			address: '192.0.2.2'
		});
		expect(first).not.toBeNull();
		const firstSession = await validateSessionToken(db, first!.token);
		expect(firstSession?.user.email).toBe('sessions@test.example');
		// Stored as SHA-256: no row holds the token itself.
		expect(firstSession!.sessionId).toBe(createHash('sha256').update(first!.token).digest('hex'));
		const rows = await db.select().from(session).where(eq(session.userId, firstSession!.user.id));
		expect(rows.some((r) => JSON.stringify(r).includes(first!.token))).toBe(false);

		// Signing in again with that session: a new token, and the old one no longer works.
		const second = await signIn(db, {
			email: 'sessions@test.example',
			password: PASSWORD,
			address: '192.0.2.2',
			previousSessionId: firstSession!.sessionId
		});
		expect(second!.token).not.toBe(first!.token);
		expect(await validateSessionToken(db, first!.token)).toBeNull();
		const secondSession = await validateSessionToken(db, second!.token);
		expect(secondSession?.user.email).toBe('sessions@test.example');

		// Sign-out deletes the row: replaying the token finds nothing.
		await invalidateSession(db, secondSession!.sessionId);
		expect(
			await db.select().from(session).where(eq(session.id, secondSession!.sessionId))
		).toHaveLength(0);
		expect(await validateSessionToken(db, second!.token)).toBeNull();
	});

	test(`${JOIN_CODES_PER_STUDENT} wrong join codes per hour, then refused even with the right code, until the hour is up`, async () => {
		const teacher = await createUser(db, {
			email: 'joins-teacher@test.example',
			password: PASSWORD,
			displayName: 'T',
			role: 'teacher'
		});
		const guesser = await createUser(db, {
			email: 'guesser@test.example',
			password: PASSWORD,
			displayName: 'G'
		});
		const other = await createUser(db, {
			email: 'other-student@test.example',
			password: PASSWORD,
			displayName: 'O'
		});
		const { joinCode } = await createClass(db, teacher.id, 'Rate limits');
		const wrong = joinCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
		for (let i = 0; i < JOIN_CODES_PER_STUDENT; i++) {
			const e = await rejection(joinClass(db, guesser.id, wrong));
			expect(e).toBeInstanceOf(RequestError);
			expect((e as RequestError).status).toBe(404);
		}
		const refused = await rejection(joinClass(db, guesser.id, joinCode));
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).message).toMatch(/Too many wrong join codes/);
		// Other students are not affected, and the guesser gets in an hour later.
		expect((await joinClass(db, other.id, joinCode)).name).toBe('Rate limits');
		await ageFailures(db, `join:${guesser.id}`);
		expect((await joinClass(db, guesser.id, joinCode)).name).toBe('Rate limits');
	});
});
