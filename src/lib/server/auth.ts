// Sessions in the well-known pattern (as in Lucia's guide): a random token in an httpOnly cookie,
// its SHA-256 as the session id in Postgres, sliding expiry. Passwords hashed with argon2id.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './db/index.ts';
import { prepared } from './db/prepared.ts';
import { knownDevice, learnerSettings, session, user, type User } from './db/schema.ts';
import {
	RateLimitedError,
	recordFailure,
	retryAfterSeconds,
	signInLimits,
	SIGN_UPS_PER_ADDRESS,
	signUpLimits,
	waitText
} from './rate-limit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;
const LAST_SEEN_STEP_MS = 5 * 60 * 1000;

export type SessionUser = Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'isAdmin'> & {
	/** The learner's time zone setting, for writing dates (read with the session; UTC until chosen). */
	timeZone?: string | null;
};

// OWASP's minimum argon2id settings (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Passwords are compared in Unicode NFC, so the same characters typed on different keyboards (a
// precomposed "é" or "e" + combining accent) are the same password. Nothing else is changed.
export function normalisePassword(password: string): string {
	return password.normalize('NFC');
}

export function hashPassword(password: string): Promise<string> {
	return hash(normalisePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		if (await verify(passwordHash, normalisePassword(password))) return true;
		// Hashes made before NFC was applied hold the password as typed.
		return password !== normalisePassword(password) && (await verify(passwordHash, password));
	} catch {
		return false;
	}
}

/** Passwords: 8 to 256 characters (code points, so an emoji is one), any Unicode. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const passwordLength = (password: string) => [...normalisePassword(password)].length;

// Verified against when the email is unknown, so that answer costs one argon2 verify like a wrong password.
let dummyHash: Promise<string> | null = null;
export const timing = { dummyVerifies: 0, dummyHash: '' };
async function dummyVerify(password: string) {
	dummyHash ??= hashPassword('dummy password for unknown accounts');
	timing.dummyVerifies++;
	timing.dummyHash = await dummyHash;
	await verifyPassword(timing.dummyHash, password);
}

export function generateSessionToken(): string {
	// 256 bits from the operating system's CSPRNG.
	return randomBytes(32).toString('base64url');
}

function sessionIdFromToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
	db: Db,
	userId: string,
	now = new Date(),
	userAgent?: string | null
) {
	const token = generateSessionToken();
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	await db.insert(session).values({
		id: sessionIdFromToken(token),
		userId,
		expiresAt,
		createdAt: now,
		lastSeenAt: now,
		// Only for the user to recognise the session by; cut so a huge header costs nothing.
		userAgent: userAgent?.slice(0, 300) ?? null
	});
	return { token, expiresAt };
}

/** The signed-in user for a cookie token, or null; renews sessions that are half used up. */
/** A session and its user, by session id: every signed-in request runs this, prepared once per database. */
export async function lookUpSession(db: Db, id: string) {
	const lookup = prepared(db, 'session_user', (d) =>
		d
			.select({
				expiresAt: session.expiresAt,
				lastSeenAt: session.lastSeenAt,
				user: {
					id: user.id,
					email: user.email,
					displayName: user.displayName,
					role: user.role,
					isAdmin: user.isAdmin,
					timeZone: learnerSettings.timeZone
				}
			})
			.from(session)
			.innerJoin(user, eq(session.userId, user.id))
			.leftJoin(learnerSettings, eq(learnerSettings.userId, user.id))
			.where(eq(session.id, sql.placeholder('id')))
			.prepare('session_user')
	);
	const [row] = await lookup.execute({ id });
	return row;
}

export async function validateSessionToken(db: Db, token: string, now = new Date()) {
	const id = sessionIdFromToken(token);
	const row = await lookUpSession(db, id);
	if (!row) return null;
	if (row.expiresAt.getTime() <= now.getTime()) {
		await db.delete(session).where(eq(session.id, id));
		return null;
	}
	let expiresAt = row.expiresAt;
	const renew = expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS;
	// "Last seen" on the account page is to the nearest few minutes: no write on every request.
	const touch = now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_STEP_MS;
	if (renew) expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	if (renew || touch)
		await db
			.update(session)
			.set({ expiresAt, ...(touch ? { lastSeenAt: now } : {}) })
			.where(eq(session.id, id));
	return { sessionId: id, expiresAt, user: row.user as SessionUser };
}

export async function invalidateSession(db: Db, sessionId: string) {
	await db.delete(session).where(eq(session.id, sessionId));
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function getUserByEmail(db: Db, email: string) {
	const [row] = await db
		.select()
		.from(user)
		.where(eq(user.email, normaliseEmail(email)));
	return row ?? null;
}

export async function createUser(
	db: Db,
	input: { email: string; password: string; displayName: string; role?: 'student' | 'teacher' }
): Promise<SessionUser> {
	const row = {
		id: randomUUID(),
		email: normaliseEmail(input.email),
		displayName: input.displayName.trim(),
		passwordHash: await hashPassword(input.password),
		role: input.role ?? 'student'
	};
	await db.insert(user).values(row);
	return {
		id: row.id,
		email: row.email,
		displayName: row.displayName,
		role: row.role,
		isAdmin: false
	};
}

/**
 * Sign-up that does not tell whether the email has an account: a taken email costs the same argon2 hash
 * as a new one and gets the same answer (the caller says "if this email can be used, your account is
 * ready: sign in"), and nobody is signed in by it. Sign-ups count against the address's limit (taken or
 * not), so accounts cannot be made in bulk. Returns whether an account was made, for tests and logs
 * only: never show it.
 */
export async function registerAccount(
	db: Db,
	input: {
		email: string;
		password: string;
		displayName: string;
		address: string;
		/** The browser's zone (a valid IANA name), so "due today" and due times are theirs from the start. */
		timeZone?: string;
	},
	maxPerAddress = SIGN_UPS_PER_ADDRESS
): Promise<{ created: boolean }> {
	const limits = signUpLimits(input.address, maxPerAddress);
	const wait = await retryAfterSeconds(db, limits);
	if (wait !== null)
		throw new RateLimitedError(
			wait,
			`Too many accounts were made from this address. Try again in ${waitText(wait)}.`
		);
	await recordFailure(db, limits);
	if (await getUserByEmail(db, input.email)) {
		await hashPassword(input.password);
		return { created: false };
	}
	try {
		const created = await createUser(db, input);
		if (input.timeZone)
			await db
				.insert(learnerSettings)
				.values({ userId: created.id, timeZone: input.timeZone })
				.onConflictDoNothing();
	} catch (e) {
		// Two sign-ups with one email at once: the second finds it taken, and says so no more than above.
		if ((e as { code?: string; cause?: { code?: string } })?.code === '23505')
			return { created: false };
		if ((e as { cause?: { code?: string } })?.cause?.code === '23505') return { created: false };
		throw e;
	}
	return { created: true };
}

/** Checks email and password; the same answer for an unknown email and a wrong password. */
export async function authenticate(db: Db, email: string, password: string) {
	const found = await getUserByEmail(db, email);
	if (!found) {
		// Spend the same time as a real check so response times do not reveal which emails exist.
		await dummyVerify(password);
		return null;
	}
	if (!(await verifyPassword(found.passwordHash, password))) return null;
	return {
		id: found.id,
		email: found.email,
		displayName: found.displayName,
		role: found.role,
		isAdmin: found.isAdmin
	} satisfies SessionUser;
}

export const SIGN_IN_FAILED = 'That email and password do not match an account.';

/** The id a known-device cookie's token is stored under (sha256, like sessions). */
export function deviceIdFromToken(token: string): string {
	return createHash('sha256').update(`device:${token}`).digest('hex');
}

/** Whether the browser holding `deviceToken` has signed in to `userId` before. */
async function isKnownDevice(db: Db, deviceToken: string | null | undefined, userId: string) {
	if (!deviceToken) return false;
	const [row] = await db
		.select({ userId: knownDevice.userId })
		.from(knownDevice)
		.where(
			and(eq(knownDevice.deviceId, deviceIdFromToken(deviceToken)), eq(knownDevice.userId, userId))
		);
	return !!row;
}

/**
 * Sign-in with the limits on guessing (rate-limit.ts): a browser that has signed in to this account
 * before (its known-device cookie) is held only by its own limit; any other is refused (RateLimitedError)
 * while the (account, address) pair, the account over all addresses or the address over all accounts has
 * used up its failures. Each failure counts for all of them. On success a new session is made, the one
 * the browser came with, if any, is deleted (a token from before the sign-in is never reused), and the
 * browser becomes a known device of the account: `deviceToken` is the cookie to keep.
 */
export async function signIn(
	db: Db,
	input: {
		email: string;
		password: string;
		address: string;
		previousSessionId?: string | null;
		deviceToken?: string | null;
		userAgent?: string | null;
	}
) {
	const email = normaliseEmail(input.email);
	const account = await getUserByEmail(db, email);
	const known = account ? await isKnownDevice(db, input.deviceToken, account.id) : false;
	const limits = signInLimits(
		email,
		input.address,
		known ? deviceIdFromToken(input.deviceToken!) : null
	);
	const wait = await retryAfterSeconds(db, known ? limits.always : limits.newDevice);
	if (wait !== null) {
		throw new RateLimitedError(
			wait,
			`Too many failed sign-ins to this account from here. Try again in ${waitText(wait)}, or sign in from a browser you have used before.`
		);
	}
	const found = await authenticate(db, email, input.password);
	if (!found) {
		await recordFailure(db, [...limits.always, ...limits.newDevice]);
		return null;
	}
	if (input.previousSessionId) await invalidateSession(db, input.previousSessionId);
	const deviceToken = input.deviceToken || generateSessionToken();
	await db
		.insert(knownDevice)
		.values({ deviceId: deviceIdFromToken(deviceToken), userId: found.id })
		.onConflictDoNothing();
	return {
		user: found,
		deviceToken,
		...(await createSession(db, found.id, new Date(), input.userAgent))
	};
}

export const DEMO_USERS = [
	{
		email: 'student@demo.test',
		password: 'sahel-student-1',
		displayName: 'Demo Student',
		role: 'student'
	},
	{
		email: 'teacher@demo.test',
		password: 'sahel-teacher-1',
		displayName: 'Demo Teacher',
		role: 'teacher'
	},
	// A second teacher, so "someone else's class" can be tried by hand and by the access tests.
	{
		email: 'teacher2@demo.test',
		password: 'sahel-teacher-2',
		displayName: 'Second Demo Teacher',
		role: 'teacher'
	}
] as const;

export async function ensureDemoUsers(db: Db) {
	for (const demo of DEMO_USERS) {
		if (!(await getUserByEmail(db, demo.email))) await createUser(db, demo);
	}
}
