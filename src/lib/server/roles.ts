// Who may teach and who manages accounts. The way in for teachers on a real install:
// - the first account of an install becomes its administrator (and a teacher): "first" ignores the demo
//   accounts, so an install that seeded them still hands administration to the first real sign-up;
//   an operator who wants no window at all runs `npm run admin:create -- EMAIL` before opening the site;
// - an administrator changes anyone's role at /admin/users;
// - a teacher (or an administrator who teaches) makes single-use invite links that expire, at
//   /teach/invites: whoever accepts one, signed in, becomes a teacher.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { DEMO_USERS, normaliseEmail } from './auth.ts';
import type { Db } from './db/index.ts';
import { teacherInvite, user } from './db/schema.ts';
import { RequestError } from './errors.ts';

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Open (unused, unexpired) invites one person may hold at a time: each one makes a teacher. */
export const OPEN_INVITES_MAX = 20;

const DEMO_EMAILS = DEMO_USERS.map((d) => d.email);

const inviteIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Makes the account of `email` the administrator (and a teacher) when no administrator exists yet and no account other
 * than the demo ones was made before it. Serialised by a transaction-scoped lock, so two sign-ups at the
 * same moment cannot both win. Returns whether it did.
 */
export async function claimFirstAdmin(db: Db, email: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [me] = await tx
			.select({ id: user.id })
			.from(user)
			.where(eq(user.email, normaliseEmail(email)));
		if (!me) return false;
		const userId = me.id;
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sahel-quiz:first-admin'))`);
		const demo = sql.join(
			DEMO_EMAILS.map((e) => sql`${e}`),
			sql`, `
		);
		const promoted = await tx
			.update(user)
			.set({ isAdmin: true, role: 'teacher' })
			.where(
				and(
					eq(user.id, userId),
					sql`not exists (select 1 from "user" where is_admin)`,
					sql`not exists (select 1 from "user" earlier, "user" me
						where me.id = ${userId} and earlier.id <> me.id and earlier.email not in (${demo})
						and (earlier.created_at, earlier.id) < (me.created_at, me.id))`
				)
			)
			.returning({ id: user.id });
		return promoted.length === 1;
	});
}

/** For `npm run admin:create`: makes an existing account an administrator and a teacher. */
export async function makeAdmin(db: Db, email: string) {
	const [row] = await db
		.update(user)
		.set({ isAdmin: true, role: 'teacher' })
		.where(eq(user.email, normaliseEmail(email)))
		.returning({ id: user.id, email: user.email });
	return row ?? null;
}

export type AccountRow = {
	id: string;
	email: string;
	displayName: string;
	role: 'student' | 'teacher';
	isAdmin: boolean;
	createdAt: Date;
};

export const ACCOUNTS_PAGE_SIZE = 100;

/** Accounts for the administrator's page, newest first, optionally those whose name or email contains `query`. */
export async function listAccounts(db: Db, query = ''): Promise<AccountRow[]> {
	const q = query.trim().toLowerCase();
	return db
		.select({
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			role: user.role,
			isAdmin: user.isAdmin,
			createdAt: user.createdAt
		})
		.from(user)
		.where(
			q
				? sql`(position(${q} in lower(${user.email})) > 0 or position(${q} in lower(${user.displayName})) > 0)`
				: undefined
		)
		.orderBy(desc(user.createdAt), user.id)
		.limit(ACCOUNTS_PAGE_SIZE);
}

/** An administrator sets someone's role; an administrator cannot take away their own administration. */
export async function changeAccount(
	db: Db,
	actorId: string,
	targetId: string,
	change: { role?: 'student' | 'teacher'; isAdmin?: boolean }
) {
	if (change.isAdmin === false && targetId === actorId)
		throw new RequestError(400, 'You cannot remove your own administrator rights.');
	const [row] = await db
		.update(user)
		.set(change)
		.where(eq(user.id, targetId))
		.returning({ id: user.id });
	if (!row) throw new RequestError(404, 'No such account.');
}

/** A new invite link's token (shown once: only its hash is stored) and when it stops working. */
export async function createTeacherInvite(db: Db, creatorId: string, now = new Date()) {
	const [{ open }] = await db
		.select({ open: sql<number>`count(*)::int` })
		.from(teacherInvite)
		.where(
			and(
				eq(teacherInvite.createdBy, creatorId),
				isNull(teacherInvite.usedBy),
				gt(teacherInvite.expiresAt, now)
			)
		);
	if (open >= OPEN_INVITES_MAX)
		throw new RequestError(
			400,
			`You already have ${OPEN_INVITES_MAX} unused invite links: wait until some are used or expire.`
		);
	const token = randomBytes(24).toString('base64url');
	const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
	await db.insert(teacherInvite).values({ id: inviteIdOf(token), createdBy: creatorId, expiresAt });
	return { token, expiresAt };
}

/** The invites someone made, newest first, with who used them. */
export async function listInvitesBy(db: Db, creatorId: string) {
	return db
		.select({
			createdAt: teacherInvite.createdAt,
			expiresAt: teacherInvite.expiresAt,
			usedAt: teacherInvite.usedAt,
			usedByName: user.displayName
		})
		.from(teacherInvite)
		.leftJoin(user, eq(user.id, teacherInvite.usedBy))
		.where(eq(teacherInvite.createdBy, creatorId))
		.orderBy(desc(teacherInvite.createdAt))
		.limit(50);
}

export type InviteState =
	| { state: 'open'; inviterName: string; expiresAt: Date }
	| { state: 'used' | 'expired'; inviterName: string };

/** What an invite link is now, or null for a token that was never issued. */
export async function readInvite(
	db: Db,
	token: string,
	now = new Date()
): Promise<InviteState | null> {
	const [row] = await db
		.select({
			expiresAt: teacherInvite.expiresAt,
			usedBy: teacherInvite.usedBy,
			usedAt: teacherInvite.usedAt,
			inviterName: user.displayName
		})
		.from(teacherInvite)
		.innerJoin(user, eq(user.id, teacherInvite.createdBy))
		.where(eq(teacherInvite.id, inviteIdOf(token)));
	if (!row) return null;
	if (row.usedAt) return { state: 'used', inviterName: row.inviterName };
	if (row.expiresAt.getTime() <= now.getTime())
		return { state: 'expired', inviterName: row.inviterName };
	return { state: 'open', inviterName: row.inviterName, expiresAt: row.expiresAt };
}

/**
 * Uses an invite: `userId` becomes a teacher. One statement marks the invite used only if it still is
 * open, so a link accepted twice at once makes one teacher.
 */
export async function acceptTeacherInvite(db: Db, token: string, userId: string, now = new Date()) {
	await db.transaction(async (tx) => {
		const [used] = await tx
			.update(teacherInvite)
			.set({ usedBy: userId, usedAt: now })
			.where(
				and(
					eq(teacherInvite.id, inviteIdOf(token)),
					isNull(teacherInvite.usedAt),
					gt(teacherInvite.expiresAt, now)
				)
			)
			.returning({ id: teacherInvite.id });
		if (!used)
			throw new RequestError(
				409,
				'This invite link has already been used or has expired: ask for a new one.'
			);
		await tx.update(user).set({ role: 'teacher' }).where(eq(user.id, userId));
	});
}
