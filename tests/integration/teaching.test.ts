// Teachers and classes against both databases: classes and codes, sets pinned to versions, the
// assignment rules enforced by the server, the gradebook and the item analysis.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Question } from '../../src/lib/bank/types.ts';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import {
	getAttemptForTaking,
	getAttemptResults,
	getImmediateFeedback,
	saveAnswer,
	submitAttempt
} from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { assignment, attempt, question } from '../../src/lib/server/db/schema.ts';
import type { RequestError } from '../../src/lib/server/errors.ts';
import {
	createAssignment,
	listStudentAssignments,
	startAssignmentAttempt,
	type AssignmentInput
} from '../../src/lib/server/teaching/assignments.ts';
import {
	createClass,
	getRoster,
	joinClass,
	listTeacherClasses,
	regenerateJoinCode,
	removeStudent,
	setClassArchived
} from '../../src/lib/server/teaching/classes.ts';
import {
	getGradebook,
	getGradebookPage,
	getItemAnalysis
} from '../../src/lib/server/teaching/results.ts';
import { createSet, editSet, getSetItems, searchBank } from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import { backends, createTestDatabase, oneConnectionDb, type TestDatabase } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

const bank = loadRealBank();
const HOUR = 60 * 60 * 1000;

describe.each(backends())('teaching on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let teacher: SessionUser;
	let otherTeacher: SessionUser;
	let alice: SessionUser;
	let bob: SessionUser;
	let classId: string;
	let joinCode: string;
	let setId: string;

	const questionById = new Map(bank.questions.map((q) => [q.id, q]));
	const baseInput = (over: Partial<AssignmentInput> = {}): AssignmentInput => ({
		classId,
		setId,
		title: 'Homework',
		opensAt: new Date(Date.now() - HOUR),
		dueAt: new Date(Date.now() + 24 * HOUR),
		timeZone: 'Europe/Paris',
		attemptsAllowed: 1,
		timeLimitMinutes: null,
		shuffleQuestions: true,
		shuffleOptions: true,
		feedback: 'after_submit',
		lateWork: 'refuse',
		...over
	});

	async function answerAll(
		studentId: string,
		attemptId: string,
		pick: (q: Question, i: number) => 'right' | 'wrong' | 'skip'
	) {
		const taking = await getAttemptForTaking(db, studentId, attemptId);
		for (const [i, presented] of taking.questions.entries()) {
			const q = questionById.get(presented.id)!;
			const choice = pick(q, i);
			if (choice !== 'skip')
				await saveAnswer(
					db,
					studentId,
					attemptId,
					q.id,
					choice === 'right' ? rightResponse(q) : wrongResponse(q)
				);
		}
		return submitAttempt(db, studentId, attemptId);
	}

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
		teacher = await createUser(db, {
			email: 't@test.example',
			password: 'a-long-password',
			displayName: 'Teacher',
			role: 'teacher'
		});
		otherTeacher = await createUser(db, {
			email: 't2@test.example',
			password: 'a-long-password',
			displayName: 'Other Teacher',
			role: 'teacher'
		});
		alice = await createUser(db, {
			email: 'alice@test.example',
			password: 'a-long-password',
			displayName: 'Alice'
		});
		bob = await createUser(db, {
			email: 'bob@test.example',
			password: 'a-long-password',
			displayName: 'Bob'
		});
	});
	afterAll(async () => database?.dispose());

	test('a class gathers students by join code; others cannot reach it', async () => {
		({ id: classId, joinCode } = await createClass(db, teacher.id, 'Year 10 history'));
		expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
		await joinClass(db, alice.id, joinCode.toLowerCase().replace(/^(...)/, '$1-'));
		await joinClass(db, alice.id, joinCode); // twice is harmless
		await joinClass(db, bob.id, joinCode);
		expect((await getRoster(db, teacher.id, classId)).map((s) => s.displayName)).toEqual([
			'Alice',
			'Bob'
		]);
		expect((await refusal(getRoster(db, otherTeacher.id, classId))).status).toBe(404);
		expect(await listTeacherClasses(db, otherTeacher.id)).toEqual([]);
		expect((await refusal(joinClass(db, bob.id, 'QQQQQQ'))).status).toBe(404);
		expect((await refusal(joinClass(db, bob.id, 'x'))).status).toBe(400);
	});

	test('a new code replaces the old one; an archived class cannot be joined', async () => {
		const { id } = await createClass(db, teacher.id, 'Spare class');
		const old = (await listTeacherClasses(db, teacher.id)).find((c) => c.id === id)!.joinCode;
		const fresh = await regenerateJoinCode(db, teacher.id, id);
		expect(fresh).not.toBe(old);
		expect((await refusal(joinClass(db, bob.id, old))).status).toBe(404);
		await setClassArchived(db, teacher.id, id, true);
		expect((await refusal(joinClass(db, bob.id, fresh))).status).toBe(404);
		await joinClass(db, bob.id, joinCode);
	});

	test('a set is built by hand and by rule, and keeps the versions it was built with', async () => {
		({ id: setId } = await createSet(db, teacher.id, 'Niger and troops'));
		const found = await searchBank(db, { text: 'Bazoum', type: 'single' });
		expect(found.length).toBeGreaterThan(0);
		// The search reads the whole question (bank-search.test.ts): the word is in it somewhere.
		expect(
			found.every(
				(r) =>
					r.body.type === 'single' &&
					JSON.stringify([r.body, r.quotes]).toLowerCase().includes('bazoum')
			)
		).toBe(true);
		const byArticle = await searchBank(db, { article: 'pau-summit-2020', minDifficulty: 2 });
		expect(byArticle.length).toBeGreaterThan(0);
		expect(
			byArticle.every(
				(r) => r.body.difficulty >= 2 && r.quotes.some((f) => f.articleSlug === 'pau-summit-2020')
			)
		).toBe(true);

		const picked = found.slice(0, 2).map((r) => r.body.id);
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: picked });
		const { added } = await editSet(db, teacher.id, setId, {
			kind: 'add-rule',
			filters: { tags: ['troop-numbers'], count: 3, difficulty: { min: 1, max: 3 } },
			seed: 's'
		});
		expect(added).toBe(3);
		await editSet(db, teacher.id, setId, { kind: 'move', position: 0, by: 1 });
		let items = await getSetItems(db, setId);
		expect(items).toHaveLength(5);
		expect(items[1].body.id).toBe(picked[0]);
		expect(items.slice(2).every((i) => i.body.tags.includes('troop-numbers'))).toBe(true);
		expect(
			(await refusal(editSet(db, otherTeacher.id, setId, { kind: 'remove', position: 0 }))).status
		).toBe(404);

		// The bank changes a question of the set: the set keeps its version and says a newer one exists.
		const edited = bank.questions.map((q) =>
			q.id === picked[0] ? { ...q, explanation: `${q.explanation} (Reworded.)` } : q
		);
		await syncBank(db, { ...bank, questions: edited });
		items = await getSetItems(db, setId);
		expect(items[1].newerVersion).toBe(true);
		expect(items[1].body.explanation).not.toContain('Reworded');
		await editSet(db, teacher.id, setId, { kind: 'update-version', position: 1 });
		items = await getSetItems(db, setId);
		expect(items[1].newerVersion).toBe(false);
		expect(items[1].body.explanation).toContain('Reworded');
		await syncBank(db, bank); // back to the files' version for the rest of the tests
	});

	test('an assignment opens, limits attempts, and is seen only by the class', async () => {
		const { id } = await createAssignment(db, teacher.id, baseInput({ title: 'Limit one' }));
		expect((await refusal(createAssignment(db, otherTeacher.id, baseInput()))).status).toBe(404);
		const outsider = await createUser(db, {
			email: 'out@test.example',
			password: 'a-long-password',
			displayName: 'Outsider'
		});
		expect((await refusal(startAssignmentAttempt(db, outsider.id, id, new Date()))).status).toBe(
			404
		);
		expect(await listStudentAssignments(db, outsider.id, new Date())).toEqual([]);

		// Twenty parallel starts with a limit of one: one attempt, the others resume it or are refused.
		const starts = await Promise.allSettled(
			Array.from({ length: 20 }, () => startAssignmentAttempt(db, alice.id, id, new Date()))
		);
		const ids = new Set(starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value.id] : [])));
		expect(ids.size).toBe(1);
		for (const s of starts)
			if (s.status === 'rejected') expect((s.reason as RequestError).status).toBe(409);
		const [{ n }] = await db
			.select({ n: count() })
			.from(attempt)
			.where(eq(attempt.assignmentId, id));
		expect(n).toBe(1);

		await answerAll(alice.id, [...ids][0], () => 'right');
		expect((await refusal(startAssignmentAttempt(db, alice.id, id, new Date()))).message).toMatch(
			/every attempt/
		);
		const listed = (await listStudentAssignments(db, alice.id, new Date())).find(
			(a) => a.id === id
		)!;
		expect(listed.status).toBe('done');
		expect(listed.bestScore).toBe(5);
	});

	test('not before opening; after the due time refused or marked late, as the teacher chose', async () => {
		const later = await createAssignment(
			db,
			teacher.id,
			baseInput({ opensAt: new Date(Date.now() + HOUR), dueAt: new Date(Date.now() + 2 * HOUR) })
		);
		expect(
			(await refusal(startAssignmentAttempt(db, bob.id, later.id, new Date()))).message
		).toMatch(/not open yet/);

		const due = new Date(Date.now() + HOUR);
		const strict = await createAssignment(
			db,
			teacher.id,
			baseInput({ dueAt: due, lateWork: 'refuse' })
		);
		const lenient = await createAssignment(
			db,
			teacher.id,
			baseInput({ dueAt: due, lateWork: 'mark_late' })
		);
		const afterDue = new Date(due.getTime() + HOUR);
		expect(
			(await refusal(startAssignmentAttempt(db, bob.id, strict.id, afterDue))).message
		).toMatch(/past its due time/);

		// Started in time, answered after the due time: refused with "refuse", accepted and late with "mark_late".
		const a1 = await startAssignmentAttempt(db, bob.id, strict.id, new Date());
		const q1 = questionById.get((await getAttemptForTaking(db, bob.id, a1.id)).questions[0].id)!;
		expect(
			(await refusal(saveAnswer(db, bob.id, a1.id, q1.id, rightResponse(q1), afterDue))).message
		).toMatch(/Time is up/);

		const a2 = await startAssignmentAttempt(db, bob.id, lenient.id, afterDue);
		const q2 = questionById.get(
			(await getAttemptForTaking(db, bob.id, a2.id, afterDue)).questions[0].id
		)!;
		await saveAnswer(db, bob.id, a2.id, q2.id, rightResponse(q2), afterDue);
		await submitAttempt(db, bob.id, a2.id, afterDue);
		const [row] = await db.select().from(attempt).where(eq(attempt.id, a2.id));
		expect(row.late).toBe(true);
	});

	test('the time limit is kept by the server: past it the attempt closes with what was saved', async () => {
		const timed = await createAssignment(db, teacher.id, baseInput({ timeLimitMinutes: 10 }));
		const start = new Date();
		const { id } = await startAssignmentAttempt(db, alice.id, timed.id, start);
		const first = questionById.get(
			(await getAttemptForTaking(db, alice.id, id, start)).questions[0].id
		)!;
		await saveAnswer(
			db,
			alice.id,
			id,
			first.id,
			rightResponse(first),
			new Date(start.getTime() + 5 * 60_000)
		);
		const tooLate = new Date(start.getTime() + 11 * 60_000);
		expect(
			(await refusal(saveAnswer(db, alice.id, id, first.id, wrongResponse(first), tooLate))).status
		).toBe(409);
		const taking = await getAttemptForTaking(db, alice.id, id, tooLate);
		expect(taking.status).toBe('submitted');
		const [row] = await db.select().from(attempt).where(eq(attempt.id, id));
		expect(row.score).toBe(1);
		expect(row.submittedAt!.getTime()).toBe(start.getTime() + 10 * 60_000);
	});

	test('feedback after the due date: nothing of the key before it', async () => {
		const due = new Date(Date.now() + HOUR);
		const a = await createAssignment(
			db,
			teacher.id,
			baseInput({ dueAt: due, feedback: 'after_due' })
		);
		const { id } = await startAssignmentAttempt(db, bob.id, a.id, new Date());
		await answerAll(bob.id, id, () => 'wrong');
		const before = await getAttemptResults(db, bob.id, id, new Date());
		expect(before.results).toEqual([]);
		expect(before.score).toBeNull();
		expect(JSON.stringify(before)).not.toMatch(/explanation|correctText/);
		expect(
			(await listStudentAssignments(db, bob.id, new Date())).find((x) => x.id === a.id)!.bestScore
		).toBeNull();
		const after = await getAttemptResults(db, bob.id, id, new Date(due.getTime() + 1000));
		expect(after.results).toHaveLength(5);
		// The teacher sees everything at once, and only the class's teacher.
		expect((await getAttemptResults(db, teacher.id, id, new Date())).results).toHaveLength(5);
		expect((await refusal(getAttemptResults(db, otherTeacher.id, id))).status).toBe(404);
		expect((await refusal(getAttemptResults(db, alice.id, id))).status).toBe(404);
	});

	test('feedback after each question: shown once answered, and the answer is then final', async () => {
		const a = await createAssignment(
			db,
			teacher.id,
			baseInput({ feedback: 'after_each', shuffleOptions: false })
		);
		const { id } = await startAssignmentAttempt(db, alice.id, a.id, new Date());
		const taking = await getAttemptForTaking(db, alice.id, id);
		const q = questionById.get(taking.questions[0].id)!;
		expect(await getImmediateFeedback(db, alice.id, id, q.id)).toBeNull();
		await saveAnswer(db, alice.id, id, q.id, wrongResponse(q));
		const feedback = await getImmediateFeedback(db, alice.id, id, q.id);
		// The set may serve the reworded version made by the set test above: it starts with the files' text.
		expect(feedback).toMatchObject({
			correct: false,
			explanation: expect.stringContaining(q.explanation)
		});
		expect((await refusal(saveAnswer(db, alice.id, id, q.id, rightResponse(q)))).message).toMatch(
			/final/
		);
		// Options keep the bank's order when the teacher turns shuffling off.
		const choice = taking.questions.find((p) => p.options);
		if (choice)
			expect(choice.options!.map((o) => o.id)).toEqual(
				(questionById.get(choice.id) as { options: { id: string }[] }).options.map((o) => o.id)
			);
	});

	test('the gradebook shows best or last score per student and assignment, in a fixed number of queries', async () => {
		const a = await createAssignment(
			db,
			teacher.id,
			baseInput({ title: 'Two tries', attemptsAllowed: 2 })
		);
		const first = await startAssignmentAttempt(db, bob.id, a.id, new Date());
		await answerAll(bob.id, first.id, () => 'right');
		const second = await startAssignmentAttempt(db, bob.id, a.id, new Date());
		await answerAll(bob.id, second.id, (_q, i) => (i === 0 ? 'right' : 'wrong'));
		const best = await getGradebook(db, teacher.id, classId, 'best');
		const last = await getGradebook(db, teacher.id, classId, 'last');
		const col = best.assignments.findIndex((x) => x.id === a.id);
		const bobRow = (g: typeof best) => g.rows.find((r) => r.student.id === bob.id)!;
		expect(bobRow(best).cells[col]).toMatchObject({ score: 5, attempts: 2, attemptId: first.id });
		expect(bobRow(last).cells[col]).toMatchObject({ score: 1, attempts: 2, attemptId: second.id });
		expect(best.rows.find((r) => r.student.id === alice.id)!.cells[col]).toBeNull();
		expect((await refusal(getGradebook(db, otherTeacher.id, classId, 'best'))).status).toBe(404);
		// The page the teacher sees picks the same cells in the database, one page of students at a time.
		for (const [rule, whole] of [
			['best', best],
			['last', last]
		] as const) {
			const paged = await getGradebookPage(db, teacher.id, classId, rule, {
				offset: 0,
				limit: 100
			});
			expect(paged.rows).toEqual(whole.rows);
			const percents = (i: number) =>
				whole.rows.flatMap((r) =>
					r.cells[i] ? [Math.round((r.cells[i]!.score / r.cells[i]!.maxScore) * 1000) / 10] : []
				);
			expect(paged.averages).toEqual(
				whole.assignments.map((_, i) =>
					percents(i).length
						? Math.round((10 * percents(i).reduce((s, p) => s + p, 0)) / percents(i).length) / 10
						: null
				)
			);
			const second = await getGradebookPage(db, teacher.id, classId, rule, { offset: 1, limit: 1 });
			expect(second.rows).toEqual(whole.rows.slice(1, 2));
		}
		expect(
			(
				await refusal(
					getGradebookPage(db, otherTeacher.id, classId, 'best', { offset: 0, limit: 100 })
				)
			).status
		).toBe(404);
	});

	test.runIf(backend === 'postgres')(
		'the gradebook, its CSV and an item analysis send every statement with parameters prepared (postgres.js sends any other in two round trips)',
		async () => {
			const one = oneConnectionDb(database)!;
			try {
				const page = await getGradebookPage(one.db, teacher.id, classId, 'best', {
					offset: 0,
					limit: 100
				});
				await getGradebook(one.db, teacher.id, classId, 'last');
				// An assignment someone has submitted, so that its answers are read too.
				const column = page.assignments.findIndex((_, i) => page.rows.some((r) => r.cells[i]));
				expect(column).toBeGreaterThanOrEqual(0);
				const { analysis } = await getItemAnalysis(
					one.db,
					teacher.id,
					page.assignments[column].id,
					'first'
				);
				expect(analysis.attemptCount).toBeGreaterThan(0);
				expect(await one.unprepared()).toEqual([]);
			} finally {
				await one.end();
			}
		}
	);

	test('removing a student takes them off the roster and out of the assignments', async () => {
		const { id: spare } = await createClass(db, teacher.id, 'Removal');
		const { joinCode: code } = (await listTeacherClasses(db, teacher.id)).find(
			(c) => c.id === spare
		)!;
		const carol = await createUser(db, {
			email: 'carol@test.example',
			password: 'a-long-password',
			displayName: 'Carol'
		});
		await joinClass(db, carol.id, code);
		await removeStudent(db, teacher.id, spare, carol.id);
		expect(await getRoster(db, teacher.id, spare)).toEqual([]);
	});

	test('item analysis follows the class: facility and response counts from first attempts', async () => {
		const { id: setTwo } = await createSet(db, teacher.id, 'Analysis');
		const tf = bank.questions
			.filter((q) => q.type === 'true_false')
			.slice(0, 2)
			.map((q) => q.id);
		await editSet(db, teacher.id, setTwo, { kind: 'add', questionIds: tf });
		const a = await createAssignment(
			db,
			teacher.id,
			baseInput({ setId: setTwo, title: 'Analysed', attemptsAllowed: 2 })
		);
		const aliceAttempt = await startAssignmentAttempt(db, alice.id, a.id, new Date());
		await answerAll(alice.id, aliceAttempt.id, () => 'right');
		const bobAttempt = await startAssignmentAttempt(db, bob.id, a.id, new Date());
		await answerAll(bob.id, bobAttempt.id, (q) => (q.id === tf[0] ? 'right' : 'wrong'));
		const bobAgain = await startAssignmentAttempt(db, bob.id, a.id, new Date());
		await answerAll(bob.id, bobAgain.id, () => 'right');

		const { analysis } = await getItemAnalysis(db, teacher.id, a.id, 'first');
		expect(analysis.attemptCount).toBe(2);
		const [q1, q2] = tf.map((id) => analysis.questions.find((s) => s.questionId === id)!);
		expect(q1.facilityIndex).toBe(100);
		expect(q2.facilityIndex).toBe(50);
		const key = (questionById.get(tf[1]) as { answer: boolean }).answer ? 'True' : 'False';
		expect(q2.responses.find((r) => r.label === key)).toMatchObject({ count: 1, isKey: true });
		const all = await getItemAnalysis(db, teacher.id, a.id, 'all');
		expect(all.analysis.attemptCount).toBe(3);
		expect((await refusal(getItemAnalysis(db, otherTeacher.id, a.id, 'first'))).status).toBe(404);
		expect(await db.select({ id: question.id }).from(question).limit(1)).toHaveLength(1);
		expect(
			await db.select({ id: assignment.id }).from(assignment).where(eq(assignment.id, a.id))
		).toHaveLength(1);
	});
});
