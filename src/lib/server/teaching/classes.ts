// Classes: a teacher gathers students with a join code. Every function checks who is asking: a teacher
// reaches only their own classes, a student only the classes they are in; anything else is "not found".
import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import {
	joinCodeLimits,
	RateLimitedError,
	recordFailure,
	retryAfterSeconds,
	waitText
} from '../rate-limit.ts';
import { isWellFormedJoinCode, newJoinCode, normaliseJoinCode } from '../../teaching/join-code.ts';
import type { Db } from '../db/index.ts';
import { classMember, schoolClass, user } from '../db/schema.ts';
import { RequestError } from '../errors.ts';

/** Postgres' unique_violation, from either driver. */
export function isUniqueViolation(e: unknown): boolean {
	const code =
		(e as { code?: string; cause?: { code?: string } })?.code ??
		(e as { cause?: { code?: string } })?.cause?.code;
	return code === '23505';
}

/** A join code works for two weeks after it is made; the teacher can make a new one at any time. */
export const JOIN_CODE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export const joinCodeExpiresAt = (issuedAt: Date) =>
	new Date(issuedAt.getTime() + JOIN_CODE_LIFETIME_MS);

/** Runs `write` with fresh codes until one is free (a clash is rare: 27^6 ≈ 387 million codes). */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
	for (let tries = 0; ; tries++) {
		try {
			return await write(newJoinCode(randomInt));
		} catch (e) {
			if (!isUniqueViolation(e) || tries >= 5) throw e;
		}
	}
}

export async function createClass(db: Db, teacherId: string, name: string) {
	const id = randomUUID();
	const joinCode = await withFreshCode(async (code) => {
		await db.insert(schoolClass).values({ id, teacherId, name, joinCode: code });
		return code;
	});
	return { id, joinCode };
}

export async function listTeacherClasses(db: Db, teacherId: string) {
	return db
		.select({
			id: schoolClass.id,
			name: schoolClass.name,
			joinCode: schoolClass.joinCode,
			joinCodeIssuedAt: schoolClass.joinCodeIssuedAt,
			archivedAt: schoolClass.archivedAt,
			students: count(classMember.userId)
		})
		.from(schoolClass)
		.leftJoin(classMember, eq(classMember.classId, schoolClass.id))
		.where(eq(schoolClass.teacherId, teacherId))
		.groupBy(schoolClass.id)
		.orderBy(asc(schoolClass.archivedAt), asc(schoolClass.name));
}

/** One of this teacher's classes, or 404 (someone else's class looks like no class at all). */
export async function getTeacherClass(db: Db, teacherId: string, classId: string) {
	const [row] = await db
		.select()
		.from(schoolClass)
		.where(and(eq(schoolClass.id, classId), eq(schoolClass.teacherId, teacherId)))
		.prepare('teacher_class')
		.execute();
	if (!row) throw new RequestError(404, 'No such class.');
	return row;
}

export async function getRoster(db: Db, teacherId: string, classId: string) {
	await getTeacherClass(db, teacherId, classId);
	return db
		.select({
			id: user.id,
			displayName: user.displayName,
			email: user.email,
			joinedAt: classMember.joinedAt
		})
		.from(classMember)
		.innerJoin(user, eq(user.id, classMember.userId))
		.where(eq(classMember.classId, classId))
		.orderBy(asc(user.displayName));
}

export async function regenerateJoinCode(db: Db, teacherId: string, classId: string) {
	await getTeacherClass(db, teacherId, classId);
	return withFreshCode(async (code) => {
		await db
			.update(schoolClass)
			.set({ joinCode: code, joinCodeIssuedAt: new Date() })
			.where(eq(schoolClass.id, classId));
		return code;
	});
}

export async function setClassArchived(
	db: Db,
	teacherId: string,
	classId: string,
	archived: boolean
) {
	await getTeacherClass(db, teacherId, classId);
	await db
		.update(schoolClass)
		.set({ archivedAt: archived ? new Date() : null })
		.where(eq(schoolClass.id, classId));
}

export async function removeStudent(db: Db, teacherId: string, classId: string, studentId: string) {
	await getTeacherClass(db, teacherId, classId);
	await db
		.delete(classMember)
		.where(and(eq(classMember.classId, classId), eq(classMember.userId, studentId)));
}

/**
 * A student joins with a code; joining twice is harmless. Wrong codes are limited per student and per
 * address (rate-limit.ts), and codes expire (JOIN_CODE_LIFETIME_MS), so codes cannot be found by trying
 * them all: docs/security.md gives the guessing rate that remains.
 */
export async function joinClass(
	db: Db,
	studentId: string,
	typedCode: string,
	options: { address?: string; now?: Date } = {}
) {
	const now = options.now ?? new Date();
	const code = normaliseJoinCode(typedCode);
	if (!isWellFormedJoinCode(code))
		throw new RequestError(400, 'A join code is six letters and digits, like KM7-4QX.');
	const limits = joinCodeLimits(studentId, options.address ?? null);
	const wait = await retryAfterSeconds(db, limits, now);
	if (wait !== null)
		throw new RateLimitedError(
			wait,
			`Too many wrong join codes. Try again in ${waitText(wait)}, or check the code with your teacher.`
		);
	const [found] = await db
		.select({ id: schoolClass.id, name: schoolClass.name })
		.from(schoolClass)
		.where(
			and(
				eq(schoolClass.joinCode, code),
				isNull(schoolClass.archivedAt),
				gt(schoolClass.joinCodeIssuedAt, new Date(now.getTime() - JOIN_CODE_LIFETIME_MS))
			)
		);
	if (!found) {
		await recordFailure(db, limits, now);
		// The same answer for an expired code as for none: an expired code tells a guesser nothing.
		throw new RequestError(
			404,
			'No open class has this code (codes last two weeks): check it with your teacher.'
		);
	}
	await db
		.insert(classMember)
		.values({ classId: found.id, userId: studentId })
		.onConflictDoNothing();
	return found;
}

export async function listStudentClasses(db: Db, studentId: string) {
	return db
		.select({ id: schoolClass.id, name: schoolClass.name, teacher: user.displayName })
		.from(classMember)
		.innerJoin(schoolClass, eq(schoolClass.id, classMember.classId))
		.innerJoin(user, eq(user.id, schoolClass.teacherId))
		.where(and(eq(classMember.userId, studentId), isNull(schoolClass.archivedAt)))
		.orderBy(asc(schoolClass.name));
}

export async function isClassMember(db: Db, studentId: string, classId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: classMember.userId })
		.from(classMember)
		.where(and(eq(classMember.classId, classId), eq(classMember.userId, studentId)));
	return !!row;
}
