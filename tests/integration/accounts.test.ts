// Account rules against both databases: equal answers for unknown emails and wrong passwords, limits on
// failed sign-ins (per account and per address) and on wrong join codes that expire, session tokens
// stored hashed, rotated at sign-in and dead after sign-out.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
	authenticate,
	createUser,
	deviceIdFromToken,
	getUserByEmail,
	registerAccount,
	invalidateSession,
	signIn,
	timing,
	validateSessionToken
} from '../../src/lib/server/auth.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { authFailure, session, user } from '../../src/lib/server/db/schema.ts';
import { RequestError } from '../../src/lib/server/errors.ts';
import {
	HOUR_MS,
	JOIN_CODES_PER_ADDRESS,
	JOIN_CODES_PER_STUDENT,
	SIGN_UPS_PER_ADDRESS,
	RateLimitedError,
	recordFailure,
	SIGN_IN_PER_ACCOUNT,
	SIGN_IN_PER_ACCOUNT_ADDRESS,
	SIGN_IN_PER_ADDRESS,
	SIGN_IN_PER_KNOWN_DEVICE,
	signInLimits
} from '../../src/lib/server/rate-limit.ts';
import {
	createClass,
	JOIN_CODE_LIFETIME_MS,
	joinClass,
	joinCodeExpiresAt,
	listTeacherClasses,
	regenerateJoinCode
} from '../../src/lib/server/teaching/classes.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

// The password hash, counted: a taken email must cost the same argon2 hash as a fresh one (a bare lookup
// would answer ~100× faster and tell which emails exist). Counting calls says so without timing the machine.
vi.mock('@node-rs/argon2', async (importOriginal) => {
	const actual = await importOriginal<typeof import('@node-rs/argon2')>();
	return { ...actual, hash: vi.fn(actual.hash) };
});

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

		// The same cost, without timing it: the dummy hash is argon2id with the same parameters as a
		// stored password's hash, so verifying against it does the same work.
		const [stored] = await db
			.select({ passwordHash: user.passwordHash })
			.from(user)
			.where(eq(user.email, 'known@test.example'));
		const costOf = (encoded: string) =>
			/^\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$/.exec(encoded)?.[0];
		expect(costOf(stored.passwordHash)).toBeTruthy();
		expect(costOf(timing.dummyHash)).toBe(costOf(stored.passwordHash));
	});

	test(`${SIGN_IN_PER_ACCOUNT_ADDRESS} failures from one address slow that address only: the owner elsewhere, or on a known browser there, signs in`, async () => {
		await createUser(db, {
			email: 'target@test.example',
			password: PASSWORD,
			displayName: 'Target'
		});
		// The owner signed in once from the school's address: that browser is a known device.
		const owner = await signIn(db, {
			email: 'target@test.example',
			password: PASSWORD,
			address: '198.51.100.7'
		});
		const ownerDevice = owner!.deviceToken;
		const attacker = '203.0.113.9';
		for (let i = 0; i < SIGN_IN_PER_ACCOUNT_ADDRESS; i++) {
			expect(
				await signIn(db, {
					email: 'Target@test.example',
					password: `guess-${i}`,
					address: attacker
				})
			).toBeNull();
		}
		// The attacker's address is slowed, even with the right password (it never learns it was right).
		const refused = await rejection(
			signIn(db, { email: 'target@test.example', password: PASSWORD, address: attacker })
		);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).message).toMatch(
			/Too many failed sign-ins.*Try again in \d+ minutes/
		);
		expect((refused as RateLimitedError).retryAfter).toBeGreaterThan(HOUR_MS / 1000 - 120);
		expect((refused as RateLimitedError).retryAfter).toBeLessThanOrEqual(HOUR_MS / 1000);
		// The owner from another address, with a browser never seen before: not blocked.
		expect(
			(
				await signIn(db, {
					email: 'target@test.example',
					password: PASSWORD,
					address: '198.51.100.200'
				})
			)?.user.email
		).toBe('target@test.example');
		// The owner on their known browser behind the attacker's very address: not blocked either.
		expect(
			(
				await signIn(db, {
					email: 'target@test.example',
					password: PASSWORD,
					address: attacker,
					deviceToken: ownerDevice
				})
			)?.user.email
		).toBe('target@test.example');
		// A forged or unknown device cookie proves nothing.
		expect(
			await rejection(
				signIn(db, {
					email: 'target@test.example',
					password: PASSWORD,
					address: attacker,
					deviceToken: 'made-up'
				})
			)
		).toBeInstanceOf(RateLimitedError);
		// An hour later the attacker's address may try again.
		await ageFailures(db, 'pair:target@test.example|');
		expect(
			await signIn(db, { email: 'target@test.example', password: PASSWORD, address: attacker })
		).not.toBeNull();
		// Old rows are cleaned up as new failures come in.
		await signIn(db, {
			email: 'target@test.example',
			password: 'one more guess',
			address: attacker
		});
		const [{ n }] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(authFailure)
			.where(eq(authFailure.key, `pair:target@test.example|${attacker}`));
		expect(n).toBe(1);
	});

	test(`${SIGN_IN_PER_ACCOUNT} failures over many addresses hold back new browsers only; a known browser signs in`, async () => {
		await createUser(db, {
			email: 'distributed@test.example',
			password: PASSWORD,
			displayName: 'Distributed'
		});
		const owner = await signIn(db, {
			email: 'distributed@test.example',
			password: PASSWORD,
			address: '192.0.2.50'
		});
		// A guesser spread over 100 addresses, written directly (a thousand argon2 runs would be slow).
		for (let i = 0; i < SIGN_IN_PER_ACCOUNT; i++)
			await recordFailure(
				db,
				signInLimits('distributed@test.example', `198.18.${i % 100}.1`).newDevice
			);
		expect(
			await rejection(
				signIn(db, {
					email: 'distributed@test.example',
					password: PASSWORD,
					address: '192.0.2.51'
				})
			)
		).toBeInstanceOf(RateLimitedError);
		expect(
			(
				await signIn(db, {
					email: 'distributed@test.example',
					password: PASSWORD,
					address: '192.0.2.51',
					deviceToken: owner!.deviceToken
				})
			)?.user.email
		).toBe('distributed@test.example');
	}, 120_000);

	test(`${SIGN_IN_PER_ADDRESS} failed sign-ins from one address over many accounts hold back new browsers there only`, async () => {
		await createUser(db, {
			email: 'sprayed@test.example',
			password: PASSWORD,
			displayName: 'Sprayed'
		});
		const address = '233.252.0.7';
		const owner = await signIn(db, { email: 'sprayed@test.example', password: PASSWORD, address });
		// The failures of a spray over many accounts, written directly (a thousand argon2 runs would be slow).
		for (let i = 0; i < SIGN_IN_PER_ADDRESS; i++)
			await recordFailure(db, signInLimits(`spray-${i}@test.example`, address).newDevice);
		const refused = await rejection(
			signIn(db, { email: 'sprayed@test.example', password: PASSWORD, address })
		);
		expect(refused).toBeInstanceOf(RateLimitedError);
		// Known browser at the same address: through.
		expect(
			await signIn(db, {
				email: 'sprayed@test.example',
				password: PASSWORD,
				address,
				deviceToken: owner!.deviceToken
			})
		).not.toBeNull();
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

	test(`a known browser has its own limit of ${SIGN_IN_PER_KNOWN_DEVICE} failures an hour`, async () => {
		await createUser(db, { email: 'stolen@test.example', password: PASSWORD, displayName: 'S' });
		const owner = await signIn(db, {
			email: 'stolen@test.example',
			password: PASSWORD,
			address: '192.0.2.60'
		});
		const known = signInLimits(
			'stolen@test.example',
			'192.0.2.61',
			deviceIdFromToken(owner!.deviceToken)
		);
		for (let i = 0; i < SIGN_IN_PER_KNOWN_DEVICE; i++) await recordFailure(db, known.always);
		expect(
			await rejection(
				signIn(db, {
					email: 'stolen@test.example',
					password: PASSWORD,
					address: '192.0.2.61',
					deviceToken: owner!.deviceToken
				})
			)
		).toBeInstanceOf(RateLimitedError);
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

	test(`wrong join codes are limited per address too: ${JOIN_CODES_PER_ADDRESS} an hour over any number of accounts`, async () => {
		const teacher = await createUser(db, {
			email: 'address-teacher@test.example',
			password: PASSWORD,
			displayName: 'T',
			role: 'teacher'
		});
		const { joinCode } = await createClass(db, teacher.id, 'Behind one address');
		const address = '203.0.113.77';
		// A guesser with fresh accounts: each has its own 10, the address has 50 over them all.
		let answered = 0;
		let student = await createUser(db, {
			email: `bulk-0@test.example`,
			password: PASSWORD,
			displayName: 'B'
		});
		for (let i = 0; i < 200; i++) {
			if (i % JOIN_CODES_PER_STUDENT === 0)
				student = await createUser(db, {
					email: `bulk-${i + 1}@test.example`,
					password: PASSWORD,
					displayName: 'B'
				});
			const code = `YYY${String(i).padStart(3, '0')}`.replace(/\d/g, (d) => 'ABCDEFGHJK'[+d]);
			const e = await rejection(
				joinClass(db, student.id, code === joinCode ? 'QQQQQQ' : code, { address })
			);
			if (e instanceof RequestError && e.status === 404) answered++;
			else expect(e).toBeInstanceOf(RateLimitedError);
		}
		expect(answered).toBe(JOIN_CODES_PER_ADDRESS);
		// A classmate at another address is not held back.
		const classmate = await createUser(db, {
			email: 'classmate@test.example',
			password: PASSWORD,
			displayName: 'C'
		});
		expect((await joinClass(db, classmate.id, joinCode, { address: '203.0.113.78' })).name).toBe(
			'Behind one address'
		);
	});

	test('a join code stops working two weeks after it was made; a new code works at once', async () => {
		const teacher = await createUser(db, {
			email: 'expiry-teacher@test.example',
			password: PASSWORD,
			displayName: 'T',
			role: 'teacher'
		});
		const student = await createUser(db, {
			email: 'late-student@test.example',
			password: PASSWORD,
			displayName: 'L'
		});
		const klass = await createClass(db, teacher.id, 'Expiring');
		const later = new Date(Date.now() + JOIN_CODE_LIFETIME_MS + 60_000);
		const e = await rejection(joinClass(db, student.id, klass.joinCode, { now: later }));
		expect(e).toBeInstanceOf(RequestError);
		expect((e as RequestError).status).toBe(404);
		const fresh = await regenerateJoinCode(db, teacher.id, klass.id);
		expect((await joinClass(db, student.id, fresh)).name).toBe('Expiring');
		const [row] = await listTeacherClasses(db, teacher.id);
		expect(joinCodeExpiresAt(row.joinCodeIssuedAt).getTime()).toBeGreaterThan(Date.now());
	});

	test('sign-up: a taken email gets the same answer, costs the same hash, changes nothing', async () => {
		await createUser(db, { email: 'taken@test.example', password: PASSWORD, displayName: 'Taken' });
		const address = '192.0.2.90';
		const fresh = await registerAccount(db, {
			email: 'fresh@test.example',
			password: 'another-long-password',
			displayName: 'Fresh',
			address
		});
		const taken = await registerAccount(db, {
			email: 'Taken@test.example',
			password: 'another-long-password',
			displayName: 'Intruder',
			address
		});
		expect(fresh).toEqual({ created: true });
		expect(taken).toEqual({ created: false });
		expect(await authenticate(db, 'taken@test.example', PASSWORD)).not.toBeNull();
		expect(await authenticate(db, 'taken@test.example', 'another-long-password')).toBeNull();
		// Both spend one argon2 hash, not a bare lookup.
		const hashesFor = async (email: string, address: string) => {
			vi.mocked(hash).mockClear();
			await registerAccount(db, {
				email,
				password: 'another-long-password',
				displayName: 'T',
				address
			});
			return vi.mocked(hash).mock.calls.length;
		};
		expect(await hashesFor('taken@test.example', '192.0.2.100')).toBe(1);
		expect(await hashesFor('fresh-1@test.example', '192.0.2.101')).toBe(1);
	});

	test(`sign-ups: ${SIGN_UPS_PER_ADDRESS} an hour from one address, then a 429 until the hour is up; other addresses go on`, async () => {
		const address = '192.0.2.200';
		for (let i = 0; i < 3; i++)
			await registerAccount(
				db,
				{ email: `limit-${i}@test.example`, password: PASSWORD, displayName: 'L', address },
				3
			);
		const refused = await rejection(
			registerAccount(
				db,
				{ email: 'limit-3@test.example', password: PASSWORD, displayName: 'L', address },
				3
			)
		);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).message).toMatch(/Too many accounts were made/);
		expect(await getUserByEmail(db, 'limit-3@test.example')).toBeNull();
		expect(
			await registerAccount(
				db,
				{
					email: 'limit-3@test.example',
					password: PASSWORD,
					displayName: 'L',
					address: '192.0.2.201'
				},
				3
			)
		).toEqual({ created: true });
		await ageFailures(db, `signup:${address}`);
		expect(
			await registerAccount(
				db,
				{ email: 'limit-4@test.example', password: PASSWORD, displayName: 'L', address },
				3
			)
		).toEqual({ created: true });
		expect(SIGN_UPS_PER_ADDRESS).toBeGreaterThanOrEqual(40);
	});
});
