// Limits on guessing: failed sign-ins per account and per address, wrong join codes per student.
// Failures are rows in auth_failure (Postgres), so a restart does not reset them. The window slides:
// a key is refused while it has `max` failures in the last hour, and is free again an hour after the
// oldest of them, so nobody is locked out for good.
import { and, asc, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from './db/index.ts';
import { authFailure } from './db/schema.ts';

export const HOUR_MS = 60 * 60 * 1000;

export interface Limit {
	key: string;
	max: number;
	windowMs: number;
}

// The figure: at most 100 failed sign-ins per hour per account.
export const SIGN_IN_PER_ACCOUNT = 100;
// Per address: higher, since a school may share one address; still stops one machine spraying accounts.
export const SIGN_IN_PER_ADDRESS = 1000;
export const JOIN_CODES_PER_STUDENT = 10;

export const signInLimits = (email: string, address: string): Limit[] => [
	{ key: `account:${email}`, max: SIGN_IN_PER_ACCOUNT, windowMs: HOUR_MS },
	{ key: `address:${address}`, max: SIGN_IN_PER_ADDRESS, windowMs: HOUR_MS }
];

export const joinCodeLimit = (userId: string): Limit => ({
	key: `join:${userId}`,
	max: JOIN_CODES_PER_STUDENT,
	windowMs: HOUR_MS
});

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
