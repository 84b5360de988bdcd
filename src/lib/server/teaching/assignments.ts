// Assignments: a set given to a class with a window, an attempt limit, an optional time limit and a
// feedback rule. The rules are enforced here, on the server, with the clock passed in.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import { decideDisclosure } from '../../quiz/disclosure.ts';
import { createRandom, shuffled } from '../../quiz/random.ts';
import { newSeed } from '../attempts.ts';
import type { Db } from '../db/index.ts';
import {
	assignment,
	attempt,
	attemptQuestion,
	classMember,
	questionSet,
	questionSetItem,
	schoolClass,
	type Assignment,
	type FeedbackTiming
} from '../db/schema.ts';
import { withVisibleScores } from '../disclosure.ts';
import { RequestError } from '../errors.ts';
import { getTeacherClass, isUniqueViolation } from './classes.ts';
import { getTeacherSet } from './sets.ts';

export type AssignmentInput = {
	classId: string;
	setId: string;
	title: string;
	opensAt: Date;
	dueAt: Date;
	timeZone: string;
	attemptsAllowed: number;
	timeLimitMinutes: number | null;
	shuffleQuestions: boolean;
	shuffleOptions: boolean;
	feedback: FeedbackTiming;
	lateWork: 'refuse' | 'mark_late';
};

export async function createAssignment(db: Db, teacherId: string, input: AssignmentInput) {
	await getTeacherClass(db, teacherId, input.classId);
	await getTeacherSet(db, teacherId, input.setId);
	if (input.dueAt <= input.opensAt)
		throw new RequestError(400, 'The due time must come after the opening time.');
	const [{ size }] = await db
		.select({ size: count() })
		.from(questionSetItem)
		.where(eq(questionSetItem.setId, input.setId));
	if (size === 0) throw new RequestError(400, 'This set has no questions yet.');
	const id = randomUUID();
	await db.insert(assignment).values({ id, ...input });
	return { id };
}

export async function listClassAssignments(db: Db, teacherId: string, classId: string) {
	await getTeacherClass(db, teacherId, classId);
	return db
		.select({
			id: assignment.id,
			title: assignment.title,
			opensAt: assignment.opensAt,
			dueAt: assignment.dueAt,
			timeZone: assignment.timeZone,
			setName: questionSet.name
		})
		.from(assignment)
		.innerJoin(questionSet, eq(questionSet.id, assignment.setId))
		.where(eq(assignment.classId, classId))
		.orderBy(desc(assignment.dueAt));
}

/** An assignment of one of this teacher's classes, or 404. */
export async function getTeacherAssignment(db: Db, teacherId: string, assignmentId: string) {
	const [row] = await db
		.select({ assignment, className: schoolClass.name })
		.from(assignment)
		.innerJoin(schoolClass, eq(schoolClass.id, assignment.classId))
		.where(and(eq(assignment.id, assignmentId), eq(schoolClass.teacherId, teacherId)))
		.prepare('teacher_assignment')
		.execute();
	if (!row) throw new RequestError(404, 'No such assignment.');
	return { ...row.assignment, className: row.className };
}

/** An assignment of a class this student is in, or 404. */
export async function getStudentAssignment(db: Db, studentId: string, assignmentId: string) {
	const [row] = await db
		.select({ assignment, className: schoolClass.name })
		.from(assignment)
		.innerJoin(schoolClass, eq(schoolClass.id, assignment.classId))
		.innerJoin(
			classMember,
			and(eq(classMember.classId, assignment.classId), eq(classMember.userId, studentId))
		)
		.where(and(eq(assignment.id, assignmentId), isNull(schoolClass.archivedAt)));
	if (!row) throw new RequestError(404, 'No such assignment.');
	return { ...row.assignment, className: row.className };
}

const DUE_SOON_MS = 48 * 60 * 60 * 1000;

export type AssignmentStatus = 'upcoming' | 'todo' | 'due_soon' | 'overdue' | 'done' | 'closed';

/** Where a student stands on one assignment; pure, so the home page and tests agree. */
export function assignmentStatus(
	a: Pick<Assignment, 'opensAt' | 'dueAt' | 'attemptsAllowed' | 'lateWork'>,
	submitted: number,
	now: Date
): AssignmentStatus {
	if (submitted > 0) return 'done';
	if (now < a.opensAt) return 'upcoming';
	if (now > a.dueAt) return a.lateWork === 'mark_late' ? 'overdue' : 'closed';
	return a.dueAt.getTime() - now.getTime() <= DUE_SOON_MS ? 'due_soon' : 'todo';
}

export async function listStudentAssignments(db: Db, studentId: string, now: Date) {
	const rows = await db
		.select({
			id: assignment.id,
			title: assignment.title,
			className: schoolClass.name,
			opensAt: assignment.opensAt,
			dueAt: assignment.dueAt,
			timeZone: assignment.timeZone,
			attemptsAllowed: assignment.attemptsAllowed,
			lateWork: assignment.lateWork,
			feedback: assignment.feedback
		})
		.from(assignment)
		.innerJoin(schoolClass, eq(schoolClass.id, assignment.classId))
		.innerJoin(
			classMember,
			and(eq(classMember.classId, assignment.classId), eq(classMember.userId, studentId))
		)
		.where(isNull(schoolClass.archivedAt))
		.orderBy(asc(assignment.dueAt));
	if (rows.length === 0) return [];
	const attempts = await db
		.select({
			assignmentId: attempt.assignmentId,
			status: attempt.status,
			score: attempt.score,
			maxScore: attempt.maxScore,
			id: attempt.id
		})
		.from(attempt)
		.where(
			and(
				eq(attempt.userId, studentId),
				inArray(
					attempt.assignmentId,
					rows.map((r) => r.id)
				)
			)
		);
	return rows.map((r) => {
		const mine = attempts.filter((a) => a.assignmentId === r.id);
		const submitted = mine.filter((a) => a.status === 'submitted');
		const best = submitted.reduce<number | null>(
			(b, a) => (b === null || (a.score ?? 0) > b ? (a.score ?? 0) : b),
			null
		);
		const scoreShown = decideDisclosure({
			viewer: 'owner',
			status: 'submitted',
			assignment: { feedback: r.feedback, dueAt: r.dueAt, member: true },
			now
		}).score;
		return {
			...r,
			status: assignmentStatus(r, submitted.length, now),
			attemptsUsed: mine.length,
			inProgressId: mine.find((a) => a.status === 'in_progress')?.id ?? null,
			bestScore: scoreShown ? best : null,
			maxScore: mine[0]?.maxScore ?? null
		};
	});
}

/**
 * A student's assignment page: the assignment, their attempts (each score shown only where the disclosure
 * rule allows it) and whether they may start (or resume) one now.
 */
export async function getStudentAssignmentPage(
	db: Db,
	studentId: string,
	assignmentId: string,
	now: Date
) {
	const a = await getStudentAssignment(db, studentId, assignmentId);
	const rows = await db
		.select({
			id: attempt.id,
			status: attempt.status,
			score: attempt.score,
			maxScore: attempt.maxScore,
			late: attempt.late,
			submittedAt: attempt.submittedAt,
			attemptNumber: attempt.attemptNumber,
			assignmentId: attempt.assignmentId
		})
		.from(attempt)
		.where(and(eq(attempt.assignmentId, a.id), eq(attempt.userId, studentId)))
		.orderBy(asc(attempt.attemptNumber));
	// getStudentAssignment found them in the class.
	const attempts = withVisibleScores(
		rows.map((r) => ({ ...r, feedback: a.feedback, dueAt: a.dueAt, member: true })),
		now
	).map(({ assignmentId: _assignmentId, ...r }) => r);
	const submitted = attempts.filter((t) => t.status === 'submitted').length;
	const inProgress = attempts.find((t) => t.status === 'in_progress')?.id ?? null;
	return {
		assignment: a,
		status: assignmentStatus(a, submitted, now),
		attempts,
		canStart:
			now >= a.opensAt &&
			(now <= a.dueAt || a.lateWork === 'mark_late') &&
			(inProgress !== null || attempts.length < a.attemptsAllowed),
		inProgress
	};
}

/**
 * Starts (or resumes) a student's attempt at an assignment. The attempt number is unique per student
 * and assignment in the database, so parallel starts cannot exceed the limit.
 */
export async function startAssignmentAttempt(
	db: Db,
	studentId: string,
	assignmentId: string,
	now: Date
) {
	const a = await getStudentAssignment(db, studentId, assignmentId);
	if (now < a.opensAt) throw new RequestError(409, 'This assignment is not open yet.');
	if (now > a.dueAt && a.lateWork === 'refuse')
		throw new RequestError(409, 'This assignment is past its due time.');
	const [open] = await db
		.select({ id: attempt.id })
		.from(attempt)
		.where(
			and(
				eq(attempt.assignmentId, assignmentId),
				eq(attempt.userId, studentId),
				eq(attempt.status, 'in_progress')
			)
		);
	if (open) return { id: open.id, resumed: true };

	const items = await db
		.select({ versionId: questionSetItem.questionVersionId })
		.from(questionSetItem)
		.where(eq(questionSetItem.setId, a.setId))
		.orderBy(asc(questionSetItem.position));
	const seed = newSeed();
	const versionIds = a.shuffleQuestions
		? shuffled(
				items.map((i) => i.versionId),
				createRandom(seed)
			)
		: items.map((i) => i.versionId);
	const limitEnd = a.timeLimitMinutes
		? new Date(now.getTime() + a.timeLimitMinutes * 60_000)
		: null;
	// With "refuse", nothing counts after the due time, so the attempt ends there at the latest.
	const dueEnd = a.lateWork === 'refuse' ? a.dueAt : null;
	const deadlineAt =
		[limitEnd, dueEnd]
			.filter((d): d is Date => d !== null)
			.sort((x, y) => x.getTime() - y.getTime())[0] ?? null;

	const id = randomUUID();
	try {
		await db.transaction(async (tx) => {
			const [{ used }] = await tx
				.select({ used: max(attempt.attemptNumber) })
				.from(attempt)
				.where(and(eq(attempt.assignmentId, assignmentId), eq(attempt.userId, studentId)));
			const attemptNumber = (used ?? 0) + 1;
			if (attemptNumber > a.attemptsAllowed)
				throw new RequestError(409, 'You have used every attempt this assignment allows.');
			await tx.insert(attempt).values({
				id,
				userId: studentId,
				seed,
				filters: { count: versionIds.length },
				maxScore: versionIds.length,
				assignmentId,
				attemptNumber,
				deadlineAt,
				startedAt: now
			});
			await tx.insert(attemptQuestion).values(
				versionIds.map((questionVersionId, position) => ({
					attemptId: id,
					position,
					questionVersionId
				}))
			);
		});
	} catch (e) {
		// Another request took this attempt number first: the limit holds, say so plainly.
		if (isUniqueViolation(e))
			throw new RequestError(
				409,
				'An attempt at this assignment was just started: reload the page.'
			);
		throw e;
	}
	return { id, resumed: false };
}
