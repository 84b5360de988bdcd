// Feedback after the due time holds beyond the results page: a submitted attempt's answers also move the
// learner's review cards and fill the mistakes notebook, and both show the key. Until the due time the
// answers move no card (a card's state would tell right from wrong), the questions' cards cannot be
// revealed or rated, and the notebook leaves the answers out; after it, all is as for any other attempt.
// An assignment with feedback after submitting is the control.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import { getAttemptForTaking, saveAnswer, submitAttempt } from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { reviewCard } from '../../src/lib/server/db/schema.ts';
import { getReviewQueue, rateCard, revealCard } from '../../src/lib/server/review/cards.ts';
import { getMistakes } from '../../src/lib/server/review/insights.ts';
import {
	createAssignment,
	startAssignmentAttempt
} from '../../src/lib/server/teaching/assignments.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { createSet, editSet } from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank, soleQuestionIds, wrongResponse } from '../helpers/bank.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe.each(backends())(
	'keys of an assignment with feedback after the due time, on %s',
	(backend) => {
		let database: TestDatabase;
		let db: Db;
		let teacher: SessionUser;
		let setId: string;
		const now = new Date();
		const dueAt = new Date(now.getTime() + 2 * HOUR);

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
			({ id: setId } = await createSet(db, teacher.id, 'Set'));
			await editSet(db, teacher.id, setId, {
				kind: 'add',
				// Questions alone on their facts: each its own card, and no other phrasing to review instead.
				questionIds: soleQuestionIds(bank).slice(0, 4)
			});
		});
		afterAll(async () => database?.dispose());

		/** A student who answers every question of a new assignment (with this feedback) wrong and submits; their cards. */
		async function wrongEverywhere(name: string, feedback: 'after_due' | 'after_submit') {
			const student = await createUser(db, {
				email: `${name}@test.example`,
				password: 'a-long-password',
				displayName: name
			});
			// A class of its own: an assignment still withholding its keys would hold back the others' too.
			const own = await createClass(db, teacher.id, `Class of ${name}`);
			await joinClass(db, student.id, own.joinCode);
			const { id: assignmentId } = await createAssignment(db, teacher.id, {
				classId: own.id,
				setId,
				title: `${feedback} task`,
				opensAt: new Date(now.getTime() - HOUR),
				dueAt,
				timeZone: 'UTC',
				attemptsAllowed: 1,
				timeLimitMinutes: null,
				shuffleQuestions: false,
				shuffleOptions: false,
				feedback,
				lateWork: 'refuse'
			});
			const { id: attemptId } = await startAssignmentAttempt(db, student.id, assignmentId, now);
			for (const q of (await getAttemptForTaking(db, student.id, attemptId, now)).questions) {
				await saveAnswer(db, student.id, attemptId, q.id, wrongResponse(byId.get(q.id)!), now);
			}
			await submitAttempt(db, student.id, attemptId, now);
			const cards = () => db.select().from(reviewCard).where(eq(reviewCard.userId, student.id));
			return { student, cards };
		}

		test('before the due time: no card due, none revealed or rated, no mistake listed; after it, all of them', async () => {
			const { student, cards: cardsNow } = await wrongEverywhere('waiting', 'after_due');
			expect(await cardsNow()).toEqual([]);
			// Up to the due time, in any time zone's "end of the day" the queue reaches to.
			for (const at of [now, new Date(now.getTime() + HOUR), new Date(dueAt.getTime() - 1000)]) {
				const queue = await getReviewQueue(db, student.id, at);
				expect(queue.card, `queue at ${at.toISOString()}`).toBeNull();
				expect(queue.remaining).toBe(0);
			}
			expect(await cardsNow()).toEqual([]);
			expect(await getMistakes(db, student.id, now)).toEqual([]);

			// After the due time the keys are out: the answers move the cards, reveal, rate and the notebook
			// work as for any attempt.
			const after = new Date(dueAt.getTime() + 60_000);
			expect((await getReviewQueue(db, student.id, after)).remaining).toBeGreaterThan(0);
			const cards = await cardsNow();
			expect(cards).toHaveLength(4);
			// A card of these questions from before (here: the same cards) cannot be revealed before the due time.
			for (const c of cards) {
				const refused = await refusal(revealCard(db, student.id, c.id, null, now));
				expect(refused.status).toBe(409);
				expect(refused.message).toContain('results you have not had yet');
				expect(
					(
						await refusal(
							rateCard(
								db,
								student.id,
								c.id,
								'again',
								{ requestId: randomUUID(), response: null, elapsedMs: null },
								now
							)
						)
					).status
				).toBe(409);
			}
			const shown = await revealCard(db, student.id, cards[0].id, null, after);
			expect(shown.correctText.length).toBeGreaterThan(0);
			const mistakes = await getMistakes(db, student.id, after);
			expect(mistakes).toHaveLength(4);
			expect(mistakes.every((m) => m.rightAnswer.length > 0)).toBe(true);
			await rateCard(
				db,
				student.id,
				cards[0].id,
				'again',
				{ requestId: randomUUID(), response: null, elapsedMs: null },
				after
			);
			expect(
				(await getReviewQueue(db, student.id, new Date(dueAt.getTime() + DAY + HOUR))).remaining
			).toBeGreaterThan(0);
		});

		test('control: with feedback after submitting, the wrong answers are due for review and in the notebook at once', async () => {
			const { student, cards: cardsNow } = await wrongEverywhere('control', 'after_submit');
			const cards = await cardsNow();
			expect(cards).toHaveLength(4);
			expect(
				(await getReviewQueue(db, student.id, new Date(now.getTime() + HOUR))).remaining
			).toBeGreaterThan(0);
			expect(
				(await revealCard(db, student.id, cards[0].id, null, now)).explanation.length
			).toBeGreaterThan(0);
			expect(await getMistakes(db, student.id, now)).toHaveLength(4);
		});
	}
);
