// What a teacher reads: the gradebook of a class and the item analysis of an assignment.
// Each is a fixed number of queries, whatever the size of the class.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { analyseItems, type ItemAttempt, type ItemQuestion } from '../../analysis/item-analysis.ts';
import { firstSittings } from '../../analysis/sittings.ts';
import type { Question } from '../../bank/types.ts';
import { describeResponse, normaliseText } from '../../quiz/grade.ts';
import type { Response } from '../../quiz/types.ts';
import { isAnyOf } from '../db/array-params.ts';
import type { Db } from '../db/index.ts';
import {
	answer,
	assignment,
	attempt,
	attemptQuestion,
	classMember,
	question,
	questionSetItem,
	questionVersion,
	user
} from '../db/schema.ts';
import { countedSittings } from './sittings.ts';
import { getTeacherClass } from './classes.ts';
import { getTeacherAssignment } from './assignments.ts';

export type ScoreRule = 'best' | 'last';

export type GradebookCell = {
	attemptId: string;
	score: number;
	maxScore: number;
	late: boolean;
	attempts: number;
} | null;

/** A class's students (by name) and its assignments (by due time): the gradebook's rows and columns. */
function rosterAndAssignments(db: Db, classId: string) {
	return Promise.all([
		db
			.select({ id: user.id, displayName: user.displayName, email: user.email })
			.from(classMember)
			.innerJoin(user, eq(user.id, classMember.userId))
			.where(eq(classMember.classId, classId))
			.orderBy(asc(user.displayName), asc(user.email))
			.prepare('class_roster')
			.execute(),
		db
			.select({
				id: assignment.id,
				title: assignment.title,
				dueAt: assignment.dueAt,
				timeZone: assignment.timeZone
			})
			.from(assignment)
			.where(eq(assignment.classId, classId))
			.orderBy(asc(assignment.dueAt))
			.prepare('class_assignments')
			.execute()
	]);
}

export async function getGradebook(db: Db, teacherId: string, classId: string, rule: ScoreRule) {
	const klass = await getTeacherClass(db, teacherId, classId);
	const [students, assignments] = await rosterAndAssignments(db, classId);
	const attempts = assignments.length
		? await db
				.select({
					id: attempt.id,
					userId: attempt.userId,
					assignmentId: attempt.assignmentId,
					score: attempt.score,
					maxScore: attempt.maxScore,
					late: attempt.late,
					submittedAt: attempt.submittedAt
				})
				.from(attempt)
				.where(
					and(
						isAnyOf(
							attempt.assignmentId,
							assignments.map((a) => a.id)
						),
						eq(attempt.status, 'submitted')
					)
				)
				.orderBy(asc(attempt.submittedAt))
				.prepare('gradebook_attempts')
				.execute()
		: [];

	const cells = new Map<string, GradebookCell>();
	for (const a of attempts) {
		const key = `${a.userId}:${a.assignmentId}`;
		const held = cells.get(key);
		const count = (held?.attempts ?? 0) + 1;
		const candidate = {
			attemptId: a.id,
			score: a.score ?? 0,
			maxScore: a.maxScore,
			late: a.late,
			attempts: count
		};
		// Attempts come oldest first: "last" keeps replacing, "best" replaces only on a higher score.
		if (!held || rule === 'last' || candidate.score > held.score) cells.set(key, candidate);
		else cells.set(key, { ...held, attempts: count });
	}
	return {
		klass,
		students,
		assignments,
		rows: students.map((s) => ({
			student: s,
			cells: assignments.map((a) => cells.get(`${s.id}:${a.id}`) ?? null)
		}))
	};
}

/**
 * One page of the gradebook: the page's students with their cells, and each assignment's class average.
 * The database picks each cell's attempt (best or last) and averages them, so a page reads only its own
 * cells whatever the size of the class; the CSV (getGradebook) reads them all, on demand.
 */
export async function getGradebookPage(
	db: Db,
	teacherId: string,
	classId: string,
	rule: ScoreRule,
	page: { offset: number; limit: number }
) {
	const klass = await getTeacherClass(db, teacherId, classId);
	const [students, assignments] = await rosterAndAssignments(db, classId);
	const shown = students.slice(page.offset, page.offset + page.limit);
	// Attempts come oldest first in getGradebook: "best" keeps the first of the highest scores, "last" the latest.
	const ruleOrder =
		rule === 'best'
			? [desc(sql`coalesce(${attempt.score}, 0)`), asc(attempt.submittedAt)]
			: [desc(attempt.submittedAt)];
	const submittedInClass = and(eq(assignment.classId, classId), eq(attempt.status, 'submitted'));
	const members = db
		.select({ id: classMember.userId })
		.from(classMember)
		.where(eq(classMember.classId, classId));
	const chosen = db
		.selectDistinctOn([attempt.userId, attempt.assignmentId], {
			assignmentId: attempt.assignmentId,
			percent:
				sql<number>`case when ${attempt.maxScore} > 0 then round(coalesce(${attempt.score}, 0)::numeric / ${attempt.maxScore} * 1000) / 10 else 0 end`.as(
					'percent'
				)
		})
		.from(attempt)
		.innerJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(and(submittedInClass, inArray(attempt.userId, members)))
		.orderBy(attempt.userId, attempt.assignmentId, ...ruleOrder)
		.as('chosen');
	const [cellRows, averageRows] = await Promise.all([
		shown.length && assignments.length
			? db
					.selectDistinctOn([attempt.userId, attempt.assignmentId], {
						userId: attempt.userId,
						assignmentId: attempt.assignmentId,
						attemptId: attempt.id,
						score: attempt.score,
						maxScore: attempt.maxScore,
						late: attempt.late,
						attempts:
							sql<number>`count(*) over (partition by ${attempt.userId}, ${attempt.assignmentId})`.mapWith(
								Number
							)
					})
					.from(attempt)
					.innerJoin(assignment, eq(assignment.id, attempt.assignmentId))
					.where(
						and(
							submittedInClass,
							isAnyOf(
								attempt.userId,
								shown.map((s) => s.id)
							)
						)
					)
					.orderBy(attempt.userId, attempt.assignmentId, ...ruleOrder)
					.prepare('gradebook_cells')
					.execute()
			: [],
		db
			.select({
				assignmentId: chosen.assignmentId,
				average: sql<number>`round(avg(${chosen.percent}) * 10) / 10`.mapWith(Number)
			})
			.from(chosen)
			.groupBy(chosen.assignmentId)
			.prepare('gradebook_averages')
			.execute()
	]);
	const cells = new Map<string, NonNullable<GradebookCell>>();
	for (const c of cellRows)
		cells.set(`${c.userId}:${c.assignmentId}`, {
			attemptId: c.attemptId,
			score: c.score ?? 0,
			maxScore: c.maxScore,
			late: c.late,
			attempts: c.attempts
		});
	const averageOf = new Map(averageRows.map((a) => [a.assignmentId, a.average]));
	return {
		klass,
		studentCount: students.length,
		assignments,
		averages: assignments.map((a) => averageOf.get(a.id) ?? null),
		rows: shown.map((s) => ({
			student: s,
			cells: assignments.map((a) => cells.get(`${s.id}:${a.id}`) ?? null)
		}))
	};
}

/** The label under which a response is counted in the response analysis. */
function responseLabels(q: Question, r: Response | null): string[] | null {
	if (!r) return null;
	if (r.type === 'single' && q.type === 'single')
		return [q.options.find((o) => o.id === r.optionId)?.text ?? '?'];
	if (r.type === 'multiple' && q.type === 'multiple')
		return r.optionIds.map((id) => q.options.find((o) => o.id === id)?.text ?? '?');
	if (r.type === 'true_false') return [r.value ? 'True' : 'False'];
	if (r.type === 'short_text') return [normaliseText(r.text)];
	return [describeResponse(q, r)];
}

function choicesOf(q: Question): ItemQuestion['choices'] {
	if (q.type === 'single' || q.type === 'multiple')
		return q.options.map((o) => ({ label: o.text, isKey: o.correct }));
	if (q.type === 'true_false')
		return [
			{ label: 'True', isKey: q.answer },
			{ label: 'False', isKey: !q.answer }
		];
	return [];
}

/** Moodle-style quiz statistics for one assignment (first attempts unless `all`). */
export async function getItemAnalysis(
	db: Db,
	teacherId: string,
	assignmentId: string,
	which: 'first' | 'all'
) {
	const a = await getTeacherAssignment(db, teacherId, assignmentId);
	// Homework and live sittings of students still in the class (the heatmap counts the same ones).
	const submitted = countedSittings(db, a.classId, { kind: 'assignment', id: assignmentId });
	const [setItems, attempts] = await Promise.all([
		db
			.select({
				versionId: questionVersion.id,
				body: questionVersion.body,
				// A teacher's own question counts as grounded once any version of it, the current one at least, cites a passage.
				currentlyCited: sql<boolean>`exists (select 1 from ${questionVersion} cv where cv.id = ${question.currentVersionId} and cardinality(cv.fact_ids) > 0)`
			})
			.from(questionSetItem)
			.innerJoin(questionVersion, eq(questionVersion.id, questionSetItem.questionVersionId))
			.innerJoin(question, eq(question.id, questionVersion.questionId))
			.where(eq(questionSetItem.setId, a.setId))
			.orderBy(asc(questionSetItem.position))
			.prepare('analysis_set_items')
			.execute(),
		db
			.select({ id: attempt.id, userId: attempt.userId, startedAt: attempt.startedAt })
			.from(attempt)
			.where(submitted)
			.orderBy(asc(attempt.startedAt), asc(attempt.id))
			.prepare('analysis_attempts')
			.execute()
	]);
	// Answers with the version each was served in, and those versions' bodies once each (not once per
	// answer): a class of 500 gives 5,000 answers but only the set's handful of versions.
	const [answers, served] = attempts.length
		? await Promise.all([
				db
					.select({
						attemptId: answer.attemptId,
						score: answer.score,
						response: answer.response,
						versionId: attemptQuestion.questionVersionId
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
					.where(submitted)
					.prepare('analysis_answers')
					.execute(),
				db
					.selectDistinct({ id: questionVersion.id, body: questionVersion.body })
					.from(attemptQuestion)
					.innerJoin(attempt, eq(attempt.id, attemptQuestion.attemptId))
					.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
					.where(submitted)
					.prepare('analysis_versions')
					.execute()
			])
		: [[], []];

	const questions: ItemQuestion[] = setItems.map((i) => ({
		id: i.body.id,
		maxMark: 1,
		choices: choicesOf(i.body)
	}));
	const bodyOf = new Map(served.map((v) => [v.id, v.body]));
	const answersOf = new Map<string, typeof answers>();
	for (const given of answers) {
		const list = answersOf.get(given.attemptId);
		if (list) list.push(given);
		else answersOf.set(given.attemptId, [given]);
	}
	// Each student's first sitting, homework or live: the one answered before any feedback.
	const first = firstSittings(attempts.map((t) => ({ ...t, work: assignmentId })));
	const itemAttempts: ItemAttempt[] = attempts.map((t) => {
		const marks: ItemAttempt['marks'] = {};
		const responses: ItemAttempt['responses'] = {};
		for (const q of questions) {
			marks[q.id] = null;
			responses[q.id] = null;
		}
		for (const given of answersOf.get(t.id) ?? []) {
			const body = bodyOf.get(given.versionId);
			if (!body) continue;
			marks[body.id] = given.score;
			responses[body.id] = responseLabels(body, given.response);
		}
		return {
			attemptId: t.id,
			userId: t.userId,
			isFirstAttempt: first.has(t.id),
			marks,
			responses
		};
	});
	const analysis = analyseItems(questions, itemAttempts, { attempts: which });
	const prompts = new Map(
		setItems.map((i) => [
			i.body.id,
			{
				prompt: i.body.prompt,
				type: i.body.type,
				cited: i.body.facts.length > 0 || i.currentlyCited
			}
		])
	);
	return { assignment: a, analysis, prompts: Object.fromEntries(prompts) };
}
