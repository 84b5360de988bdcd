// The article heatmap's data: a teacher's classes and assignments to choose from, and their students'
// answers to the questions citing one article's passages. Three statements whatever the passage count.
import { and, arrayOverlaps, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { misreadingsByFact, type PassageMisreading } from '../../analysis/misreadings.ts';
import type { Db } from '../db/index.ts';
import {
	answer,
	assignment,
	attempt,
	attemptQuestion,
	classMember,
	liveSession,
	questionVersion,
	schoolClass
} from '../db/schema.ts';

/** What the teacher reads the heatmap for: one class (all its work) or one assignment. */
export type MisreadScope = { kind: 'class' | 'assignment'; id: string };

/** "class:<id>" or "assignment:<id>", as the page's select sends it; anything else is no scope. */
export function parseMisreadScope(value: string | null): MisreadScope | null {
	const m = /^(class|assignment):([\w-]{1,100})$/.exec(value ?? '');
	return m ? { kind: m[1] as MisreadScope['kind'], id: m[2] } : null;
}

/** The teacher's classes, each with its assignments, for the select (archived classes last). */
export async function getMisreadScopes(db: Db, teacherId: string) {
	const rows = await db
		.select({
			classId: schoolClass.id,
			className: schoolClass.name,
			assignmentId: assignment.id,
			assignmentTitle: assignment.title
		})
		.from(schoolClass)
		.leftJoin(assignment, eq(assignment.classId, schoolClass.id))
		.where(eq(schoolClass.teacherId, teacherId))
		.orderBy(asc(schoolClass.name), asc(schoolClass.id), asc(assignment.title));
	const classes = new Map<
		string,
		{ value: string; label: string; assignments: { value: string; label: string }[] }
	>();
	for (const r of rows) {
		let c = classes.get(r.classId);
		if (!c) {
			c = { value: `class:${r.classId}`, label: r.className, assignments: [] };
			classes.set(r.classId, c);
		}
		if (r.assignmentId)
			c.assignments.push({ value: `assignment:${r.assignmentId}`, label: r.assignmentTitle! });
	}
	return [...classes.values()];
}

/**
 * Per passage of the article: the first-attempt answers (and live answers) of the scope's students to
 * the questions citing it. Null when the scope is not the teacher's. Students removed from the class
 * no longer count, as in the gradebook.
 */
export async function getPassageMisreadings(
	db: Db,
	teacherId: string,
	scope: MisreadScope,
	articleFactIds: string[]
): Promise<Record<string, PassageMisreading> | null> {
	const [owned] =
		scope.kind === 'class'
			? await db
					.select({ classId: schoolClass.id })
					.from(schoolClass)
					.where(and(eq(schoolClass.id, scope.id), eq(schoolClass.teacherId, teacherId)))
			: await db
					.select({ classId: assignment.classId })
					.from(assignment)
					.innerJoin(schoolClass, eq(schoolClass.id, assignment.classId))
					.where(and(eq(assignment.id, scope.id), eq(schoolClass.teacherId, teacherId)));
	if (!owned) return null;
	if (!articleFactIds.length) return {};
	const inScope: SQL =
		scope.kind === 'class'
			? or(eq(assignment.classId, scope.id), eq(liveSession.classId, scope.id))!
			: or(eq(attempt.assignmentId, scope.id), eq(liveSession.assignmentId, scope.id))!;
	const counted = and(
		eq(attempt.status, 'submitted'),
		inScope,
		// A student's first attempt only: later ones are practice on questions they have seen answered.
		or(isNull(attempt.attemptNumber), eq(attempt.attemptNumber, 1)),
		sql`exists (select 1 from ${classMember} m where m.class_id = ${owned.classId} and m.user_id = ${attempt.userId})`,
		arrayOverlaps(questionVersion.factIds, articleFactIds)
	);
	const served = () =>
		db
			.select({
				versionId: questionVersion.id,
				correct: answer.correct,
				response: answer.response
			})
			.from(answer)
			.innerJoin(attempt, eq(attempt.id, answer.attemptId))
			.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
			.leftJoin(liveSession, eq(liveSession.id, attempt.liveSessionId))
			.innerJoin(
				attemptQuestion,
				and(
					eq(attemptQuestion.attemptId, answer.attemptId),
					eq(attemptQuestion.position, answer.position)
				)
			)
			.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
			.where(counted);
	// The versions' bodies once each, not once per answer.
	const [answers, versions] = await Promise.all([
		served(),
		db
			.selectDistinct({
				id: questionVersion.id,
				questionId: questionVersion.questionId,
				body: questionVersion.body
			})
			.from(attemptQuestion)
			.innerJoin(attempt, eq(attempt.id, attemptQuestion.attemptId))
			.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
			.leftJoin(liveSession, eq(liveSession.id, attempt.liveSessionId))
			.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
			.where(counted)
	]);
	return misreadingsByFact(
		answers,
		new Map(versions.map((v) => [v.id, { questionId: v.questionId, body: v.body }])),
		articleFactIds
	);
}
