// Limits on guessing and on filling the database. Counted events (failed sign-ins, wrong join codes,
// sign-ups) are rows in auth_failure (Postgres), so a restart does not reset them and every app process
// sharing the database sees the same counts. The window slides: a key is refused while it has `max`
// events in the last hour, and is free again an hour after the oldest of them, so nobody is locked out
// for good; an attacker is slowed to `max` tries an hour.
//
// Sign-in follows OWASP's advice on lockout (Authentication Cheat Sheet, "Account Lockout"): the tight
// limit is per (account, address) pair, so failures from one address never stop the owner at another;
// the wide limits (per address, per account across addresses) only hold back browsers that have never
// signed in to the account, and a browser that has (the known-device cookie) always gets to try its
// password, with its own limit.
import { and, asc, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from './db/index.ts';
import { asPrepared } from './db/prepared.ts';
import { refused } from './form-actions.ts';
import { attempt, authFailure } from './db/schema.ts';

export const HOUR_MS = 60 * 60 * 1000;

export interface Limit {
	key: string;
	max: number;
	windowMs: number;
}

// Per (account, address): the figure of 100 failed sign-ins an hour, now for one pair only.
export const SIGN_IN_PER_ACCOUNT_ADDRESS = 100;
// Per account over all addresses, for browsers new to the account: ten addresses' worth, so failures from
// one address can never reach it; it stops a guesser spread over many addresses.
export const SIGN_IN_PER_ACCOUNT = 1000;
// Per address over all accounts, for browsers new to the account: high, since a school may share one
// address; it still stops one machine spraying a password over many accounts.
export const SIGN_IN_PER_ADDRESS = 1000;
// Per known device and account: a stolen cookie does not make guessing free.
export const SIGN_IN_PER_KNOWN_DEVICE = 100;
export const JOIN_CODES_PER_STUDENT = 10;
// Wrong join codes per address, over all accounts: a class typing its code behind one address makes a
// few mistakes, a guesser with many accounts is held to this.
export const JOIN_CODES_PER_ADDRESS = 50;

// Sign-ups per address an hour: a class of 40 signing up in its first lesson behind one school address
// fits; accounts made in bulk (to fill the database, or to multiply the join-code limit) do not. An
// operator whose schools are bigger raises it with SIGN_UPS_PER_ADDRESS (env.ts).
export const SIGN_UPS_PER_ADDRESS = 60;

export const signUpLimits = (address: string, max = SIGN_UPS_PER_ADDRESS): Limit[] => [
	{ key: `signup:${address}`, max, windowMs: HOUR_MS }
];

export interface SignInLimits {
	/** Refused only for browsers the account has not signed in from before. */
	newDevice: Limit[];
	/** Refused for everyone trying this account from this place (pair, or known device). */
	always: Limit[];
}

export function signInLimits(
	email: string,
	address: string,
	knownDeviceId: string | null = null
): SignInLimits {
	const pair: Limit = {
		key: `pair:${email}|${address}`,
		max: SIGN_IN_PER_ACCOUNT_ADDRESS,
		windowMs: HOUR_MS
	};
	const wide: Limit[] = [
		{ key: `account:${email}`, max: SIGN_IN_PER_ACCOUNT, windowMs: HOUR_MS },
		{ key: `address:${address}`, max: SIGN_IN_PER_ADDRESS, windowMs: HOUR_MS }
	];
	if (knownDeviceId)
		return {
			newDevice: wide,
			always: [
				{
					key: `device:${knownDeviceId}|${email}`,
					max: SIGN_IN_PER_KNOWN_DEVICE,
					windowMs: HOUR_MS
				}
			]
		};
	return { newDevice: [pair, ...wide], always: [] };
}

export const joinCodeLimits = (userId: string, address: string | null): Limit[] => [
	{ key: `join:${userId}`, max: JOIN_CODES_PER_STUDENT, windowMs: HOUR_MS },
	...(address
		? [{ key: `join-address:${address}`, max: JOIN_CODES_PER_ADDRESS, windowMs: HOUR_MS }]
		: [])
];

/** Seconds until the first of `limits` that is used up frees a slot, or null when none is. */
export async function retryAfterSeconds(
	db: Db,
	limits: Limit[],
	now = new Date()
): Promise<number | null> {
	let wait: number | null = null;
	for (const limit of limits) {
		const since = new Date(now.getTime() - limit.windowMs);
		const [{ n }] = await db
			.select({ n: count() })
			.from(authFailure)
			.where(and(eq(authFailure.key, limit.key), gt(authFailure.at, since)));
		if (n < limit.max) continue;
		// The slot frees when the failure `n - max + 1`-th from the oldest leaves the window.
		const [row] = await db
			.select({ at: authFailure.at })
			.from(authFailure)
			.where(and(eq(authFailure.key, limit.key), gt(authFailure.at, since)))
			.orderBy(asc(authFailure.at))
			.offset(n - limit.max)
			.limit(1);
		const seconds = Math.max(
			1,
			Math.ceil((row.at.getTime() + limit.windowMs - now.getTime()) / 1000)
		);
		wait = Math.max(wait ?? 0, seconds);
	}
	return wait;
}

export async function recordFailure(db: Db, limits: Limit[], now = new Date()) {
	await db.insert(authFailure).values(limits.map((l) => ({ key: l.key, at: now })));
	// Keep the table small: rows out of every window are of no use.
	const oldest = new Date(now.getTime() - Math.max(...limits.map((l) => l.windowMs)));
	for (const l of limits)
		await db.delete(authFailure).where(and(eq(authFailure.key, l.key), lt(authFailure.at, oldest)));
}

export class RateLimitedError extends Error {
	constructor(
		readonly retryAfter: number,
		message: string
	) {
		super(message);
		this.name = 'RateLimitedError';
	}
}

export function waitText(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}

/** A form action's answer to a RateLimitedError: 429, Retry-After, and the message above form `action`. */
export function rateLimitedFailure(
	event: Pick<RequestEvent, 'setHeaders'>,
	e: RateLimitedError,
	action = 'default',
	values: Record<string, string> = {}
) {
	event.setHeaders({ 'retry-after': String(e.retryAfter) });
	return refused(action, values, e.message, 429);
}

// Practice quizzes a student may start: ample for practice (a 5-question quiz takes minutes), not for
// filling the database (each attempt is a row per question). Counted from the attempt table itself.
export const PRACTICE_STARTS_PER_HOUR = 30;
export const PRACTICE_STARTS_PER_DAY = 150;
const DAY_MS = 24 * HOUR_MS;

/**
 * Refuses (RateLimitedError) a new practice attempt for `userId` past the hourly or daily number. Call
 * it inside the transaction that inserts the attempt: the advisory lock makes concurrent starts of one
 * student wait for each other, so the count cannot be overrun by starting many at once.
 */
export async function assertPracticeStartAllowed(tx: Db, userId: string, now = new Date()) {
	await asPrepared(tx, sql`select pg_advisory_xact_lock(hashtext(${'practice:' + userId}))`);
	for (const [max, windowMs, what] of [
		[PRACTICE_STARTS_PER_HOUR, HOUR_MS, 'in the last hour'],
		[PRACTICE_STARTS_PER_DAY, DAY_MS, 'in the last day']
	] as const) {
		const since = new Date(now.getTime() - windowMs);
		const rows = await tx
			.select({ startedAt: attempt.startedAt })
			.from(attempt)
			.where(
				and(
					eq(attempt.userId, userId),
					isNull(attempt.assignmentId),
					isNull(attempt.liveSessionId),
					gt(attempt.startedAt, since)
				)
			)
			.orderBy(asc(attempt.startedAt))
			.limit(max)
			.prepare('practice_starts')
			.execute();
		if (rows.length < max) continue;
		const wait = Math.max(
			1,
			Math.ceil((rows[0].startedAt.getTime() + windowMs - now.getTime()) / 1000)
		);
		throw new RateLimitedError(
			wait,
			`You have started ${max} practice quizzes ${what}: finish the ones you have, or start another in ${waitText(wait)}.`
		);
	}
}
