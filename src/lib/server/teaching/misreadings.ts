// The article heatmap's data: a teacher's classes and assignments to choose from, and their students'
// answers to the questions citing one article's passages. Three statements whatever the passage count.
import { and, arrayOverlaps, asc, eq, sql } from 'drizzle-orm';
import { misreadingsByFact, type PassageMisreading } from '../../analysis/misreadings.ts';
import { firstSittings } from '../../analysis/sittings.ts';
import type { Db } from '../db/index.ts';
import {
	answer,
	assignment,
	attempt,
	attemptQuestion,
	liveSession,
	questionVersion,
	schoolClass
} from '../db/schema.ts';
import { countedSittings, sittingWork, type SittingScope } from './sittings.ts';

/** What the teacher reads the heatmap for: one class (all its work) or one assignment. */
export type MisreadScope = SittingScope;

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
 * Per passage of the article: the answers of the scope's students, in their first sitting (homework or
 * live) of each assignment, to the questions citing it: the sittings the item analysis counts. Null when
 * the scope is not the teacher's. Students removed from the class no longer count, as in the gradebook.
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
	const counted = and(
		countedSittings(db, owned.classId, scope),
		arrayOverlaps(questionVersion.factIds, articleFactIds)
	);
	// The versions' bodies once each, not once per answer.
	const [answers, versions] = await Promise.all([
		db
			.select({
				attemptId: attempt.id,
				userId: attempt.userId,
				startedAt: attempt.startedAt,
				work: sittingWork,
				assignmentId: sql<
					string | null
				>`coalesce(${attempt.assignmentId}, (select s.assignment_id from ${liveSession} s where s.id = ${attempt.liveSessionId}))`,
				versionId: questionVersion.id,
				correct: answer.correct,
				response: answer.response
			})
			.from(answer)
			.innerJoin(attempt, eq(attempt.id, answer.attemptId))
			.innerJoin(
				attemptQuestion,
				and(
					eq(attemptQuestion.attemptId, answer.attemptId),
					eq(attemptQuestion.position, answer.position)
				)
			)
			.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
			.where(counted),
		db
			.selectDistinct({
				id: questionVersion.id,
				questionId: questionVersion.questionId,
				body: questionVersion.body
			})
			.from(attemptQuestion)
			.innerJoin(attempt, eq(attempt.id, attemptQuestion.attemptId))
			.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
			.where(counted)
	]);
	// A student's first sitting of each piece of work only, as in the item analysis: later ones follow feedback.
	const first = firstSittings(
		answers.map((a) => ({
			id: a.attemptId,
			userId: a.userId,
			work: a.work,
			startedAt: a.startedAt
		}))
	);
	return misreadingsByFact(
		answers.filter((a) => first.has(a.attemptId)),
		new Map(versions.map((v) => [v.id, { questionId: v.questionId, body: v.body }])),
		articleFactIds
	);
}
