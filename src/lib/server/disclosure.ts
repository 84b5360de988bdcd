// What a student may know right now, asked by every page, action, export and endpoint that shows a score,
// a verdict, a key, an explanation or anything derived from them (history, home, progress, review queue,
// mistakes, results, article pages, practice). The rule itself is pure ($lib/quiz/disclosure.ts); this
// module reads the facts it needs and applies it. Docs: docs/security.md.
import { and, eq, sql } from 'drizzle-orm';
import {
	assignmentWithholdsKeys,
	decideDisclosure,
	type Disclosure,
	type FeedbackTiming
} from '../quiz/disclosure.ts';
import type { Db } from './db/index.ts';
import { isAnyOf } from './db/array-params.ts';
import { prepared } from './db/prepared.ts';
import {
	assignment,
	attempt,
	attemptQuestion,
	classMember,
	questionSetItem,
	questionVersion,
	reviewLog,
	schoolClass
} from './db/schema.ts';
import { RequestError } from './errors.ts';

export type { Disclosure } from '../quiz/disclosure.ts';
export { mayShowAnswer } from '../quiz/disclosure.ts';

/** Whether the attempt's owner is still in the class of its assignment (practice: always). */
export const ownerIsMember = sql<boolean>`(${attempt.assignmentId} is null or exists (select 1 from class_member m
	where m.class_id = ${assignment.classId} and m.user_id = ${attempt.userId}))`;

/** The columns decideDisclosure needs, read with the attempt (joined to `assignment`). */
export type DisclosureColumns = {
	status: 'in_progress' | 'submitted';
	assignmentId: string | null;
	feedback: FeedbackTiming | null;
	dueAt: Date | null;
	member: boolean;
	/** Practice: some of its questions are held back by an open assignment (getPracticeHeldBack). */
	heldByAssignment?: boolean;
};

/** What the attempt's owner may know now. */
export function ownerDisclosure(row: DisclosureColumns, now: Date): Disclosure {
	return decideDisclosure({
		viewer: 'owner',
		status: row.status,
		assignment: row.assignmentId
			? { feedback: row.feedback ?? 'after_submit', dueAt: row.dueAt!, member: row.member }
			: null,
		heldByAssignment: row.heldByAssignment,
		now
	});
}

/**
 * The attempt as its viewer may see it: its owner, or a teacher of the class it was assigned in; anyone
 * else gets 404, as for a missing one.
 */
export async function getAttemptDisclosure(db: Db, viewerId: string, attemptId: string, now: Date) {
	const [row] = await db
		.select({
			userId: attempt.userId,
			status: attempt.status,
			assignmentId: attempt.assignmentId,
			feedback: assignment.feedback,
			dueAt: assignment.dueAt,
			teacherId: schoolClass.teacherId,
			member: ownerIsMember
		})
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.leftJoin(schoolClass, eq(schoolClass.id, assignment.classId))
		.where(eq(attempt.id, attemptId))
		.prepare('attempt_disclosure')
		.execute();
	if (row && row.userId === viewerId) {
		const held = row.assignmentId
			? false
			: (await getPracticeHeldBack(db, viewerId, [attemptId], now)).has(attemptId);
		return {
			asTeacher: false,
			disclosure: ownerDisclosure({ ...row, heldByAssignment: held }, now)
		};
	}
	if (row && row.teacherId === viewerId)
		return {
			asTeacher: true,
			disclosure: decideDisclosure({ viewer: 'teacher', status: row.status, assignment: null, now })
		};
	throw new RequestError(404, 'No such attempt.');
}

/**
 * The questions whose keys this student must not be shown anywhere outside the assignment itself (practice,
 * review queue, mistakes, article pages): those of every assignment of their classes that still withholds
 * its keys from them (assignmentWithholdsKeys).
 */
export async function getWithheldQuestionIds(
	db: Db,
	studentId: string,
	now: Date
): Promise<Set<string>> {
	const rows = await prepared(db, 'withheld_questions', withheldQuestionsPrepared).execute({
		studentId
	});
	return new Set(
		rows.filter((r) => assignmentWithholdsKeys({ ...r, now })).flatMap((r) => r.questionIds)
	);
}

/** Each assignment of the student's classes with its set's questions, in one statement (one wait, whatever is withheld). */
const withheldQuestionsPrepared = (db: Db) => {
	const studentId = sql.placeholder('studentId');
	const mine = and(eq(attempt.assignmentId, assignment.id), eq(attempt.userId, studentId));
	return db
		.select({
			id: assignment.id,
			feedback: assignment.feedback,
			dueAt: assignment.dueAt,
			lateWork: assignment.lateWork,
			attemptsAllowed: assignment.attemptsAllowed,
			attemptsStarted: sql<number>`(select count(*)::int from ${attempt} where ${mine})`,
			submitted: sql<number>`(select count(*)::int from ${attempt} where ${mine} and ${attempt.status} = 'submitted')`,
			inProgress: sql<boolean>`exists (select 1 from ${attempt} where ${mine} and ${attempt.status} = 'in_progress')`,
			questionIds: sql<
				string[]
			>`array(select distinct ${questionVersion.questionId} from ${questionSetItem}
				join ${questionVersion} on ${questionVersion.id} = ${questionSetItem.questionVersionId}
				where ${questionSetItem.setId} = ${assignment.setId})`
		})
		.from(assignment)
		.innerJoin(schoolClass, eq(schoolClass.id, assignment.classId))
		.innerJoin(
			classMember,
			and(eq(classMember.classId, assignment.classId), eq(classMember.userId, studentId))
		)
		.prepare('withheld_questions');
};

/**
 * Which of these practice attempts hold a question an open assignment now withholds from their owner (one
 * started before the assignment reached them): their score and keys wait for that assignment.
 */
export async function getPracticeHeldBack(
	db: Db,
	studentId: string,
	attemptIds: string[],
	now: Date
): Promise<Set<string>> {
	if (attemptIds.length === 0) return new Set();
	const withheld = await getWithheldQuestionIds(db, studentId, now);
	if (withheld.size === 0) return new Set();
	const rows = await db
		.selectDistinct({ id: attemptQuestion.attemptId })
		.from(attemptQuestion)
		.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
		.where(
			and(
				isAnyOf(attemptQuestion.attemptId, attemptIds),
				isAnyOf(questionVersion.questionId, [...withheld])
			)
		)
		.prepare('practice_held_back')
		.execute();
	return new Set(rows.map((r) => r.id));
}

/**
 * The questions whose answers this student may see outside an attempt (the article page lists them under
 * their passages): those they have had feedback on (the review log names each question answered once its
 * feedback is released, see releaseFeedback) and that no open assignment withholds.
 */
export async function getKnownQuestionIds(db: Db, studentId: string, now: Date) {
	const [cards, withheld] = await Promise.all([
		db
			.selectDistinct({ id: reviewLog.questionId })
			.from(reviewLog)
			.where(eq(reviewLog.userId, studentId)),
		getWithheldQuestionIds(db, studentId, now)
	]);
	return new Set(cards.map((c) => c.id).filter((id) => !withheld.has(id)));
}

/** A list of the learner's attempts with each score shown only where the rule allows it. */
export function withVisibleScores<R extends DisclosureColumns & { score: number | null }>(
	rows: R[],
	now: Date
) {
	return rows.map((row) => {
		const {
			feedback: _feedback,
			dueAt: _dueAt,
			member: _member,
			heldByAssignment: _held,
			...shown
		} = row;
		return { ...shown, score: ownerDisclosure(row, now).score ? row.score : null };
	});
}

/**
 * Which questions a viewer may see listed beside the passages they cite (the article page): a teacher any
 * (they read every key in the bank), a student those whose answer they may see (getKnownQuestionIds), an
 * anonymous visitor none.
 */
export async function getQuestionListingFilter(
	db: Db,
	viewer: { id: string; role: 'student' | 'teacher' } | null,
	now: Date
): Promise<(questionId: string) => boolean> {
	if (!viewer) return () => false;
	if (viewer.role === 'teacher') return () => true;
	const known = await getKnownQuestionIds(db, viewer.id, now);
	return (id) => known.has(id);
}
