// The account page's rules: change the password (which ends the user's other sessions), list the
// sessions and end the others, and the forgotten-password path. A reset token is 256 random bits sent
// to the owner (by mail where configured; here printed to the server log), stored only as its sha256,
// good for 30 minutes and once.
import { createHash } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import {
	generateSessionToken,
	getUserByEmail,
	hashPassword,
	normaliseEmail,
	verifyPassword
} from './auth.ts';
import type { Db } from './db/index.ts';
import { passwordReset, session, user } from './db/schema.ts';
import { passwordProblem } from './password-policy.ts';
import {
	HOUR_MS,
	RateLimitedError,
	recordFailure,
	retryAfterSeconds,
	waitText,
	type Limit
} from './rate-limit.ts';

export const RESET_LIFETIME_MS = 30 * 60 * 1000;
/** Reset requests an hour: per address (so mail cannot be sprayed) and per account (so one inbox is not flooded). */
export const RESETS_PER_ADDRESS = 20;
export const RESETS_PER_ACCOUNT = 5;

export class AccountError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
		this.name = 'AccountError';
	}
}

export async function listSessions(db: Db, userId: string) {
	return db
		.select({
			id: session.id,
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			userAgent: session.userAgent
		})
		.from(session)
		.where(and(eq(session.userId, userId), gt(session.expiresAt, new Date())))
		.orderBy(desc(session.lastSeenAt));
}

/** Ends every session of `userId` except `keepSessionId`; returns how many were ended. */
export async function endOtherSessions(db: Db, userId: string, keepSessionId: string) {
	const ended = await db
		.delete(session)
		.where(and(eq(session.userId, userId), ne(session.id, keepSessionId)))
		.returning({ id: session.id });
	return ended.length;
}

/**
 * Changes the password after checking the current one, and ends the user's other sessions (whoever
 * else had the old password is signed out). AccountError names the field that is wrong.
 */
export async function changePassword(
	db: Db,
	input: { userId: string; sessionId: string; currentPassword: string; newPassword: string }
) {
	const [row] = await db
		.select({ passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.id, input.userId));
	if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword)))
		throw new AccountError('currentPassword', 'That is not your current password.');
	const problem = passwordProblem(input.newPassword);
	if (problem) throw new AccountError('newPassword', problem);
	await db
		.update(user)
		.set({ passwordHash: await hashPassword(input.newPassword) })
		.where(eq(user.id, input.userId));
	return { endedSessions: await endOtherSessions(db, input.userId, input.sessionId) };
}

const resetId = (token: string) => createHash('sha256').update(`reset:${token}`).digest('hex');

const resetLimits = (email: string, address: string): Limit[] => [
	{ key: `reset-address:${address}`, max: RESETS_PER_ADDRESS, windowMs: HOUR_MS },
	{ key: `reset-account:${email}`, max: RESETS_PER_ACCOUNT, windowMs: HOUR_MS }
];

/**
 * Starts a reset for `email`: the same outcome whether or not it has an account (the caller shows one
 * message). When it has, a token is made and `deliver` gets the link (mail, or the server log).
 */
export async function requestPasswordReset(
	db: Db,
	input: { email: string; address: string; origin: string },
	deliver: (to: string, link: string) => void | Promise<void>,
	now = new Date()
) {
	const email = normaliseEmail(input.email);
	const limits = resetLimits(email, input.address);
	const wait = await retryAfterSeconds(db, limits, now);
	if (wait !== null)
		throw new RateLimitedError(
			wait,
			`Too many reset requests from here or for this email. Try again in ${waitText(wait)}.`
		);
	await recordFailure(db, limits, now);
	const found = await getUserByEmail(db, email);
	if (!found) return;
	const token = generateSessionToken();
	await db.insert(passwordReset).values({
		id: resetId(token),
		userId: found.id,
		expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
		createdAt: now
	});
	await deliver(found.email, `${input.origin}/reset-password?token=${token}`);
}

export const RESET_LINK_INVALID =
	'This reset link has expired or was used already: ask for a new one.';

/** Whether `token` can still set a password (for the page to say so before the form is filled in). */
export async function isResetTokenUsable(db: Db, token: string, now = new Date()) {
	const [row] = await db
		.select({ id: passwordReset.id })
		.from(passwordReset)
		.where(
			and(
				eq(passwordReset.id, resetId(token)),
				isNull(passwordReset.usedAt),
				gt(passwordReset.expiresAt, now)
			)
		);
	return !!row;
}

/**
 * Sets a new password with a reset token: the token is spent in the same statement that checks it (a
 * second use finds it used), every session of the account ends, and so do its other reset tokens.
 */
export async function resetPassword(db: Db, token: string, newPassword: string, now = new Date()) {
	const problem = passwordProblem(newPassword);
	if (problem) throw new AccountError('password', problem);
	const passwordHash = await hashPassword(newPassword);
	const [spent] = await db
		.update(passwordReset)
		.set({ usedAt: now })
		.where(
			and(
				eq(passwordReset.id, resetId(token)),
				isNull(passwordReset.usedAt),
				gt(passwordReset.expiresAt, now)
			)
		)
		.returning({ userId: passwordReset.userId });
	if (!spent) throw new AccountError('form', RESET_LINK_INVALID);
	await db.update(user).set({ passwordHash }).where(eq(user.id, spent.userId));
	await db.delete(session).where(eq(session.userId, spent.userId));
	await db
		.update(passwordReset)
		.set({ usedAt: now })
		.where(and(eq(passwordReset.userId, spent.userId), isNull(passwordReset.usedAt)));
}

/** Without mail, the reset link goes to the server log for the operator to pass on. */
export function logResetLink(to: string, link: string) {
	console.info(`Password reset for ${to} (no mail is configured; pass this link on): ${link}`);
}
