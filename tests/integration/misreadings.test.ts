// The article heatmap (issue 15) against both databases: per passage, the wrong answers of a teacher's
// class or assignment in each student's first sitting, homework or live (issue 17), the sittings the item
// analysis counts, in a fixed number of statements; nothing for another teacher.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Question } from '../../src/lib/bank/types.ts';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import { saveAnswer, submitAttempt } from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import {
	applyTeacherAction,
	createLiveSession,
	getPlayerView,
	joinLiveSession,
	submitLiveAnswer
} from '../../src/lib/server/live/sessions.ts';
import {
	createAssignment,
	startAssignmentAttempt
} from '../../src/lib/server/teaching/assignments.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { getItemAnalysis } from '../../src/lib/server/teaching/results.ts';
import {
	getMisreadScopes,
	getPassageMisreadings
} from '../../src/lib/server/teaching/misreadings.ts';
import { createSet, editSet } from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import { openHomework } from '../helpers/assignment.ts';
import { backends, countingDb, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const ARTICLE = 'niger-bazoum-2022';
const articleFacts = bank.facts.filter((f) => f.article === ARTICLE).map((f) => f.id);
// Two single-choice questions on this article alone, on different passages.
const [q1, q2] = bank.questions
	.filter((q) => q.type === 'single' && q.facts.every((f) => articleFacts.includes(f)))
	.filter((q, i, all) => all.findIndex((o) => o.facts[0] === q.facts[0]) === i)
	.slice(0, 2) as Question[];

describe.each(backends())('the article heatmap on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let teacher: SessionUser;
	let other: SessionUser;
	let classId: string;
	let assignmentId: string;
	let liveQuestion: Question;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
		const user = (email: string, role: 'student' | 'teacher' = 'student') =>
			createUser(db, { email, password: 'a-long-password', displayName: email, role });
		teacher = await user('t@test.example', 'teacher');
		other = await user('other@test.example', 'teacher');
		const klass = await createClass(db, teacher.id, 'Class');
		classId = klass.id;
		const { id: setId } = await createSet(db, teacher.id, 'Set');
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [q1.id, q2.id] });
		({ id: assignmentId } = await createAssignment(
			db,
			teacher.id,
			openHomework({ classId, setId, title: 'Niger homework', attemptsAllowed: 2 })
		));
		// Two students: both miss q1 (with different wrong options where there are two); one misses q2.
		const answers: [Question, boolean][][] = [
			[
				[q1, false],
				[q2, true]
			],
			[
				[q1, false],
				[q2, false]
			]
		];
		const students: SessionUser[] = [];
		for (const [i, mine] of answers.entries()) {
			const s = await user(`s${i}@test.example`);
			students.push(s);
			await joinClass(db, s.id, klass.joinCode);
			const { id } = await startAssignmentAttempt(db, s.id, assignmentId, new Date());
			for (const [q, right] of mine)
				await saveAnswer(db, s.id, id, q.id, right ? rightResponse(q) : wrongResponse(q));
			await submitAttempt(db, s.id, id);
		}
		// A second attempt, all right, does not count: it follows the first's feedback.
		const again = await startAssignmentAttempt(db, students[0].id, assignmentId, new Date());
		for (const q of [q1, q2])
			await saveAnswer(db, students[0].id, again.id, q.id, rightResponse(q));
		await submitAttempt(db, students[0].id, again.id);
		// In class, the assignment is run live: the first student plays it after their homework (a later
		// sitting, not counted), a third sits it for the first time (counted). Both miss its first question.
		const late = await user('s2@test.example');
		await joinClass(db, late.id, klass.joinCode);
		const live = await createLiveSession(
			db,
			teacher.id,
			{ assignmentId },
			{ secondsPerQuestion: 30, speedBonus: false, guestsAllowed: false }
		);
		for (const s of [students[0], late])
			await joinLiveSession(
				db,
				live.joinCode,
				{ kind: 'user', userId: s.id, displayName: 'S' },
				'x'
			);
		await applyTeacherAction(db, teacher.id, live.id, { kind: 'start' });
		const firstShown = await getPlayerView(db, live.id, { userId: late.id, token: null });
		liveQuestion = byId.get(firstShown!.question!.id)!;
		for (const s of [students[0], late])
			await submitLiveAnswer(
				db,
				live.id,
				{ userId: s.id, token: null },
				liveQuestion.id,
				wrongResponse(liveQuestion)
			);
		await applyTeacherAction(db, teacher.id, live.id, { kind: 'end' });
	});
	afterAll(async () => database?.dispose());

	test("each passage gets the wrong answers of each student's first sitting, homework or live, with the wrong options given", async () => {
		for (const scope of [
			{ kind: 'assignment' as const, id: assignmentId },
			{ kind: 'class' as const, id: classId }
		]) {
			const byFact = (await getPassageMisreadings(db, teacher.id, scope, articleFacts))!;
			const live = (q: Question) => (q.id === liveQuestion.id ? 1 : 0);
			expect(byFact[q1.facts[0]]).toMatchObject({
				answered: 2 + live(q1),
				wrong: 2 + live(q1),
				level: 4
			});
			expect(byFact[q2.facts[0]]).toMatchObject({ answered: 2 + live(q2), wrong: 1 + live(q2) });
			const wrongTexts = byFact[q1.facts[0]].questions[0].wrongAnswers;
			expect(wrongTexts.reduce((n, w) => n + w.count, 0)).toBe(2 + live(q1));
			expect(wrongTexts.map((w) => w.text)).toContain(
				(q1 as Extract<Question, { type: 'single' }>).options.find((o) => !o.correct)!.text
			);
			// A passage no question of theirs cites is left unshaded.
			const unasked = articleFacts.find((f) => f !== q1.facts[0] && f !== q2.facts[0])!;
			expect(byFact[unasked]).toMatchObject({ answered: 0, level: 0 });
			// Each question names the assignment whose item analysis tells more.
			expect(byFact[q1.facts[0]].questions[0].assignmentIds).toEqual([assignmentId]);
		}
		// The item analysis counts the same sittings: two homework attempts and one live first sitting.
		const { analysis } = await getItemAnalysis(db, teacher.id, assignmentId, 'first');
		expect(analysis.attemptCount).toBe(3);
	});

	test('a fixed number of statements, whatever the number of passages', async () => {
		const counting = countingDb(database);
		const otherArticle = bank.facts.filter((f) => f.article !== ARTICLE).map((f) => f.id);
		const statementsFor = async (facts: string[]) => {
			const before = counting.statements();
			await getPassageMisreadings(counting.db, teacher.id, { kind: 'class', id: classId }, facts);
			return counting.statements() - before;
		};
		expect(await statementsFor(articleFacts.slice(0, 1))).toBe(3);
		expect(await statementsFor([...articleFacts, ...otherArticle])).toBe(3);
		const before = counting.statements();
		await getMisreadScopes(counting.db, teacher.id);
		expect(counting.statements() - before).toBe(1);
	});

	test('another teacher gets nothing of this class, and chooses only among their own', async () => {
		expect(
			await getPassageMisreadings(db, other.id, { kind: 'class', id: classId }, articleFacts)
		).toBeNull();
		expect(
			await getPassageMisreadings(
				db,
				other.id,
				{ kind: 'assignment', id: assignmentId },
				articleFacts
			)
		).toBeNull();
		expect(await getMisreadScopes(db, other.id)).toEqual([]);
		expect(await getMisreadScopes(db, teacher.id)).toEqual([
			{
				value: `class:${classId}`,
				label: 'Class',
				assignments: [{ value: `assignment:${assignmentId}`, label: 'Niger homework' }]
			}
		]);
	});
});
