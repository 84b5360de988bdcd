// Spaced repetition against both databases: answers feed cards and the log, the log is append-only,
// the due queue follows the learner's day and cap, and a replayed review counts once.
import { and, count, eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import {
	getAttemptForTaking,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { reviewCard, reviewLog } from '../../src/lib/server/db/schema.ts';
import {
	getDueCards,
	getReviewQueue,
	rateCard,
	recordReview,
	revealCard,
	updateLearnerSettings
} from '../../src/lib/server/review/cards.ts';
import {
	createAssignment,
	startAssignmentAttempt
} from '../../src/lib/server/teaching/assignments.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { createSet, editSet } from '../../src/lib/server/teaching/sets.ts';
import { createScheduler } from '../../src/lib/review/scheduler.ts';
import { Rating, type ReviewRating } from '../../src/lib/review/rating.ts';
import { cardUnitOf } from '../../src/lib/review/fact-cards.ts';
import { loadRealBank, rightResponse, soleQuestionIds, wrongResponse } from '../helpers/bank.ts';
import {
	backends,
	createTestDatabase,
	databaseWithLearner,
	type TestDatabase
} from '../helpers/db.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));
/** The fact a question asks about: the unit its card schedules. */
const factOf = (questionId: string) => byId.get(questionId)!.facts[0];
const unitOf = (questionId: string) => cardUnitOf(byId.get(questionId)!);
const soleQuestions = soleQuestionIds(bank);
/** The question whose card is `card` (cards of sole questions only). */
const soleQuestionOf = (card: { factId: string | null }) =>
	soleQuestions.find((id) => factOf(id) === card.factId)!;
const DAY = 24 * 60 * 60 * 1000;

describe.each(backends())('reviews on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let learner: SessionUser;

	async function takeQuiz(userId: string, attemptId: string, wrongFirst: number, now: Date) {
		const taking = await getAttemptForTaking(db, userId, attemptId, now);
		for (const [i, p] of taking.questions.entries()) {
			const q = byId.get(p.id)!;
			await saveAnswer(
				db,
				userId,
				attemptId,
				q.id,
				i < wrongFirst ? wrongResponse(q) : rightResponse(q),
				now
			);
		}
		await submitAttempt(db, userId, attemptId, now);
		return taking.questions.map((p) => p.id);
	}

	const logsOf = (userId: string) =>
		db.select().from(reviewLog).where(eq(reviewLog.userId, userId));

	beforeAll(async () => {
		({ database, db, learner } = await databaseWithLearner(backend, bank, {
			email: 'r@test.example',
			displayName: 'Reviewer'
		}));
	});
	afterAll(async () => database?.dispose());

	test('a practice quiz creates one card and one log entry per answer, rated from the grade', async () => {
		const now = new Date('2026-05-04T09:00:00Z');
		const { id } = await startAttempt(
			db,
			learner.id,
			{ count: 4, types: ['single', 'true_false'] },
			'review-seed'
		);
		const ids = await takeQuiz(learner.id, id, 2, now);
		const logs = await logsOf(learner.id);
		expect(logs).toHaveLength(4);
		expect(logs.every((l) => l.source === 'practice' && l.attemptId === id)).toBe(true);
		const ratingOf = new Map(logs.map((l) => [l.questionId, l.rating]));
		expect(ids.slice(0, 2).map((q) => ratingOf.get(q))).toEqual(['again', 'again']);
		// Right answers are Good, or Hard when slow; here all were saved at the same instant.
		expect(ids.slice(2).map((q) => ratingOf.get(q))).toEqual(['good', 'good']);

		// The card equals what ts-fsrs gives for the same rating at the same time.
		const [card] = await db
			.select()
			.from(reviewCard)
			.where(and(eq(reviewCard.userId, learner.id), eq(reviewCard.factId, factOf(ids[0]))));
		const direct = createScheduler();
		const expected = direct.review(direct.newCard(now), Rating.Again, now).card;
		expect(card.due.getTime()).toBe(expected.due.getTime());
		expect(card.stability).toBeCloseTo(expected.stability, 5);
		expect(card.state).toBe(expected.state);
	});

	test('an assignment answer feeds the same card, logged as coming from the assignment', async () => {
		const teacher = await createUser(db, {
			email: 'rt@test.example',
			password: 'a-long-password',
			displayName: 'T',
			role: 'teacher'
		});
		const { id: classId, joinCode } = await createClass(db, teacher.id, 'R');
		await joinClass(db, learner.id, joinCode);
		const { id: setId } = await createSet(db, teacher.id, 'R set');
		const first = (await logsOf(learner.id))[0].questionId;
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [first] });
		const a = await createAssignment(db, teacher.id, {
			classId,
			setId,
			title: 'R',
			opensAt: new Date(Date.now() - DAY),
			dueAt: new Date(Date.now() + DAY),
			timeZone: 'UTC',
			attemptsAllowed: 1,
			timeLimitMinutes: null,
			shuffleQuestions: false,
			shuffleOptions: false,
			feedback: 'after_submit',
			lateWork: 'refuse'
		});
		const { id } = await startAssignmentAttempt(db, learner.id, a.id, new Date());
		await takeQuiz(learner.id, id, 0, new Date());
		const logs = (await logsOf(learner.id)).filter((l) => l.questionId === first);
		expect(logs.map((l) => l.source)).toEqual(['practice', 'assignment']);
		expect(logs[1].cardBefore).toEqual(logs[0].cardAfter);
		const [{ n }] = await db
			.select({ n: count() })
			.from(reviewCard)
			.where(and(eq(reviewCard.userId, learner.id), eq(reviewCard.factId, factOf(first))));
		expect(n).toBe(1);
	});

	test('the log is append-only: the database refuses to change or delete a row', async () => {
		const [log] = await logsOf(learner.id);
		await expect(
			db.update(reviewLog).set({ rating: 'easy' }).where(eq(reviewLog.id, log.id))
		).rejects.toThrow();
		await expect(db.delete(reviewLog).where(eq(reviewLog.id, log.id))).rejects.toThrow();
		const [again] = await db.select().from(reviewLog).where(eq(reviewLog.id, log.id));
		expect(again.rating).toBe(log.rating);
	});

	test("the due queue follows the learner's day and time zone, most overdue first", async () => {
		const other = await createUser(db, {
			email: 'tz@test.example',
			password: 'a-long-password',
			displayName: 'TZ'
		});
		await updateLearnerSettings(db, other.id, {
			desiredRetention: 0.9,
			timeZone: 'Pacific/Auckland',
			dayRolloverHour: 0,
			newCardsPerDay: 20
		});
		const { id } = await startAttempt(
			db,
			other.id,
			{ questionIds: soleQuestions.slice(0, 3), count: 3 },
			'tz-seed'
		);
		const quizTime = new Date('2026-06-01T00:00:00Z');
		await takeQuiz(other.id, id, 3, quizTime); // all wrong: due again within minutes
		const cards = await db.select().from(reviewCard).where(eq(reviewCard.userId, other.id));
		// Make the due times differ, as they would after reviews on different days.
		const dues = ['2026-06-01T10:00:00Z', '2026-06-01T08:00:00Z', '2026-06-01T12:30:00Z'];
		for (const [i, c] of cards.entries())
			await db
				.update(reviewCard)
				.set({ due: new Date(dues[i]) })
				.where(eq(reviewCard.id, c.id));
		// At 11:00Z it is 23:00 in Auckland (NZST, UTC+12): the Auckland day ends at 12:00Z.
		const now = new Date('2026-06-01T11:00:00Z');
		const { due } = await getDueCards(db, other.id, now);
		expect(due.map((d) => d.card.due.toISOString())).toEqual([
			'2026-06-01T08:00:00.000Z',
			'2026-06-01T10:00:00.000Z'
		]);
		// With the day starting at 4 am, the Auckland day runs to 16:00Z: the third card is due today too.
		await updateLearnerSettings(db, other.id, {
			desiredRetention: 0.9,
			timeZone: 'Pacific/Auckland',
			dayRolloverHour: 4,
			newCardsPerDay: 20
		});
		expect((await getDueCards(db, other.id, now)).due).toHaveLength(3);
		expect(
			(await getDueCards(db, other.id, new Date('2026-06-01T16:00:00Z'))).due.map((d) =>
				d.card.due.toISOString()
			)
		).toEqual(['2026-06-01T08:00:00.000Z', '2026-06-01T10:00:00.000Z', '2026-06-01T12:30:00.000Z']);
		// A UTC learner's day runs to midnight UTC, so the third card is due today for them.
		await updateLearnerSettings(db, other.id, {
			desiredRetention: 0.9,
			timeZone: 'UTC',
			newCardsPerDay: 20
		});
		expect((await getDueCards(db, other.id, now)).due).toHaveLength(3);
		// Cards reviewed in a quiz are not new, whatever the cap on new cards: all three stay due.
		await updateLearnerSettings(db, other.id, {
			desiredRetention: 0.9,
			timeZone: 'UTC',
			newCardsPerDay: 0
		});
		expect((await getDueCards(db, other.id, now)).due).toHaveLength(3);
	});

	/** Rates every card the queue offers Good until it offers none; the cards in the order shown. */
	async function walkQueue(userId: string, now: Date) {
		const shown: { cardId: number; state: string }[] = [];
		for (;;) {
			const queue = await getReviewQueue(db, userId, now);
			if (!queue.card) return { shown, remainingAtEnd: queue.remaining };
			expect(queue.remaining).toBeGreaterThan(0);
			shown.push({ cardId: queue.card.cardId, state: queue.card.state });
			await rateCard(
				db,
				userId,
				queue.card.cardId,
				'good',
				{ requestId: `walk-${queue.card.cardId}-${shown.length}`, response: null, elapsedMs: null },
				now
			);
			if (shown.length > 500) throw new Error('the queue does not empty');
		}
	}

	test('30 quiz mistakes: the queue shows all 30, and then nothing is due', async () => {
		const user = await createUser(db, {
			email: 'mix30@test.example',
			password: 'a-long-password',
			displayName: 'Mix 30'
		});
		const quizAt = new Date('2026-06-10T09:00:00Z');
		// Thirty questions alone on their facts: thirty cards.
		const { id } = await startAttempt(
			db,
			user.id,
			{ questionIds: soleQuestions.slice(0, 30), count: 30 },
			'mix-30'
		);
		const ids = await takeQuiz(user.id, id, 30, quizAt);
		expect(new Set(ids).size).toBe(30);
		const now = new Date('2026-06-10T10:00:00Z');
		expect((await getReviewQueue(db, user.id, now)).remaining).toBe(30);
		const { shown, remainingAtEnd } = await walkQueue(user.id, now);
		expect(shown).toHaveLength(30);
		expect(remainingAtEnd).toBe(0);
		const stillDue = await db
			.select({ n: count() })
			.from(reviewCard)
			.where(
				and(eq(reviewCard.userId, user.id), lt(reviewCard.due, new Date('2026-06-11T00:00:00Z')))
			);
		expect(stillDue[0].n).toBe(0);
	});

	/** A learner whose cards are written straight through recordReview (a quiz's answers, as the submit feeds them). */
	async function learnerWithReviews(email: string, newCardsPerDay: number) {
		const user = await createUser(db, {
			email,
			password: 'a-long-password',
			displayName: email
		});
		await updateLearnerSettings(db, user.id, {
			desiredRetention: 0.9,
			timeZone: 'UTC',
			newCardsPerDay
		});
		const settings = { desiredRetention: 0.9, weights: null };
		const review = (questionId: string, rating: ReviewRating, at: string) =>
			recordReview(db, settings, {
				userId: user.id,
				questionId,
				unit: unitOf(questionId),
				rating,
				source: 'practice',
				now: new Date(at)
			});
		const addNewCards = async (questionIds: string[]) => {
			const fresh = createScheduler().newCard(new Date('2026-06-01T00:00:00Z'));
			await db.insert(reviewCard).values(
				questionIds.map((questionId) => ({
					userId: user.id,
					...unitOf(questionId),
					due: fresh.due,
					stability: fresh.stability,
					difficulty: fresh.difficulty,
					elapsedDays: fresh.elapsed_days,
					scheduledDays: fresh.scheduled_days,
					learningSteps: fresh.learning_steps,
					reps: fresh.reps,
					lapses: fresh.lapses,
					state: fresh.state,
					lastReview: fresh.last_review
				}))
			);
		};
		const questionOf = async () =>
			new Map(
				(await db.select().from(reviewCard).where(eq(reviewCard.userId, user.id))).map((c) => [
					c.id,
					soleQuestionOf(c)
				])
			);
		return { user, review, addNewCards, questionOf };
	}

	test('a quiz mistake on every other question of the bank and 3 lapsed review cards: all in the queue, lapses included', async () => {
		const { user, review } = await learnerWithReviews('mix143@test.example', 20);
		// One question per fact of the bank (a fact's card moves with any of its questions).
		const questions = [...new Map(bank.questions.map((q) => [q.facts[0], q.id])).values()];
		// The lapses: questions alone on their fact, so their review buries no sibling.
		const lapsed = soleQuestions.slice(0, 3);
		const mistakes = questions.filter((q) => !lapsed.includes(q));
		expect(mistakes.length).toBeGreaterThan(80);
		// Three cards learnt a month ago and forgotten this morning, after the quiz: relearning, due last.
		for (const q of lapsed) await review(q, Rating.Good, '2026-05-01T09:00:00Z');
		// The rest of the bank answered wrong in quizzes this morning: learning, due ten minutes later.
		for (const q of mistakes) await review(q, Rating.Again, '2026-06-01T08:00:00Z');
		for (const q of lapsed) await review(q, Rating.Again, '2026-06-01T09:00:00Z');

		const now = new Date('2026-06-01T10:00:00Z');
		expect((await getReviewQueue(db, user.id, now)).remaining).toBe(questions.length);
		// The whole queue at once (walking it card by card is the 30-mistake test's job).
		const { due, total } = await getDueCards(db, user.id, now, 1000);
		expect(total).toBe(questions.length);
		const order = due.map((d) => d.card.factId);
		expect(new Set(order)).toEqual(new Set(questions.map(factOf)));
		// Most overdue first within (re)learning: the quiz's mistakes, then the later lapses.
		expect(order.slice(mistakes.length).sort()).toEqual(lapsed.map(factOf).sort());
		expect(due.slice(mistakes.length).map((d) => d.card.state)).toEqual([
			'relearning',
			'relearning',
			'relearning'
		]);
		// Rating the three lapses (the last shown) leaves the quiz's mistakes due.
		for (const d of due.slice(mistakes.length))
			await rateCard(
				db,
				user.id,
				d.card.id,
				'good',
				{ requestId: `lapse-${d.card.id}`, response: null, elapsedMs: null },
				now
			);
		expect((await getReviewQueue(db, user.id, now)).remaining).toBe(mistakes.length);
	});

	test('queue order: (re)learning, then due reviews, then new cards within the daily cap', async () => {
		const { user, review, addNewCards, questionOf } = await learnerWithReviews(
			'order@test.example',
			1
		);
		const [lapse, rev1, rev2, mistake, new1, new2] = soleQuestions.slice(0, 6);
		for (const q of [lapse, rev1, rev2]) await review(q, Rating.Good, '2026-05-01T09:00:00Z');
		await review(lapse, Rating.Again, '2026-06-01T09:00:00Z');
		await review(mistake, Rating.Again, '2026-06-01T09:30:00Z');
		await addNewCards([new1, new2]);
		const now = new Date('2026-06-01T10:00:00Z');
		// The two reviews are the most overdue (due in May) yet come after the learning cards.
		expect((await getReviewQueue(db, user.id, now)).remaining).toBe(5);
		const { shown } = await walkQueue(user.id, now);
		const ids = await questionOf();
		const order = shown.map((s) => ids.get(s.cardId)!);
		expect(order.slice(0, 2)).toEqual([lapse, mistake]);
		expect(order.slice(2, 4).sort()).toEqual([rev1, rev2].sort());
		expect([new1, new2]).toContain(order[4]);
		expect(order).toHaveLength(5);
		expect(shown.map((s) => s.state)).toEqual([
			'relearning',
			'learning',
			'review',
			'review',
			'new'
		]);
	});

	test('a review answer replayed ten times advances the schedule once', async () => {
		const now = new Date('2026-05-04T10:00:00Z');
		const [card] = await db
			.select()
			.from(reviewCard)
			.where(eq(reviewCard.userId, learner.id))
			.limit(1);
		const before = (await logsOf(learner.id)).length;
		const results = await Promise.all(
			Array.from({ length: 10 }, () =>
				rateCard(
					db,
					learner.id,
					card.id,
					'good',
					{ requestId: 'same-request', response: null, elapsedMs: 4000 },
					now
				)
			)
		);
		expect(results.filter((r) => !r.replayed)).toHaveLength(1);
		expect((await logsOf(learner.id)).length).toBe(before + 1);
		const [after] = await db.select().from(reviewCard).where(eq(reviewCard.id, card.id));
		expect(after.reps).toBe(card.reps + 1);
	});

	test('after an answer the server graded wrong, the only rating is Again (Hard is a pass)', async () => {
		const [card] = await db
			.select()
			.from(reviewCard)
			.where(eq(reviewCard.userId, learner.id))
			.limit(1);
		// The card's fact may have several questions: the one the queue shows.
		const q = byId.get((await revealCard(db, learner.id, card.id, null)).questionId)!;
		const shown = await revealCard(db, learner.id, card.id, wrongResponse(q), new Date(), q.id);
		expect(shown.allowed).toEqual(['again']);
		expect(
			(await revealCard(db, learner.id, card.id, rightResponse(q), new Date(), q.id)).allowed
		).toEqual(['again', 'hard', 'good', 'easy']);
		const before = (await logsOf(learner.id)).length;
		for (const rating of ['hard', 'good', 'easy'] as const)
			await expect(
				rateCard(
					db,
					learner.id,
					card.id,
					rating,
					{
						requestId: `wrong-${rating}`,
						response: wrongResponse(q),
						elapsedMs: null,
						questionId: q.id
					},
					new Date()
				)
			).rejects.toMatchObject({ status: 400 });
		expect((await logsOf(learner.id)).length).toBe(before);
		await rateCard(
			db,
			learner.id,
			card.id,
			'again',
			{ requestId: 'wrong-again', response: wrongResponse(q), elapsedMs: null, questionId: q.id },
			new Date()
		);
		expect((await logsOf(learner.id)).length).toBe(before + 1);
	});

	test('revealing the answer writes nothing; a card of someone else is not found', async () => {
		const [card] = await db
			.select()
			.from(reviewCard)
			.where(eq(reviewCard.userId, learner.id))
			.limit(1);
		const before = (await logsOf(learner.id)).length;
		const q = byId.get((await revealCard(db, learner.id, card.id, null)).questionId)!;
		const shown = await revealCard(db, learner.id, card.id, wrongResponse(q), new Date(), q.id);
		expect(shown.grade).toMatchObject({ correct: false });
		expect(shown.suggested).toBe('again');
		expect(shown.explanation).toBe(q.explanation);
		expect((await logsOf(learner.id)).length).toBe(before);
		const stranger = await createUser(db, {
			email: 's@test.example',
			password: 'a-long-password',
			displayName: 'S'
		});
		await expect(revealCard(db, stranger.id, card.id, null)).rejects.toMatchObject({ status: 404 });
		await expect(
			rateCard(
				db,
				stranger.id,
				card.id,
				'easy',
				{ requestId: 'x', response: null, elapsedMs: null },
				new Date()
			)
		).rejects.toMatchObject({ status: 404 });
		expect(await db.execute(sql`select 1`)).toBeTruthy();
	});
});

describe.each(backends())('FSRS parameters fitted per learner on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
	});
	afterAll(async () => database?.dispose());

	test('below the threshold nothing is fitted; above it the fit runs in the background and keeps only a better fit', async () => {
		const { recordReview } = await import('../../src/lib/server/review/cards.ts');
		const { runOptimisation, scheduleOptimisation, optimisationIdle } =
			await import('../../src/lib/server/review/optimiser-job.ts');
		const { learnerSettings } = await import('../../src/lib/server/db/schema.ts');
		const user = await createUser(db, {
			email: 'fit@test.example',
			password: 'a-long-password',
			displayName: 'Fit'
		});
		expect((await runOptimisation(db, user.id)).decision).toBe('too-few-reviews');

		// 30 cards reviewed on a spaced schedule: mostly recalled, forgotten now and then, as a learner would.
		const settings = { desiredRetention: 0.9, weights: null };
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const start = new Date('2026-01-01T08:00:00Z').getTime();
		for (const q of bank.questions.slice(0, 30)) {
			let day = 0;
			let gap = 1;
			for (let i = 0; i < 16; i++) {
				const recalled = random() < 0.85;
				const rating = recalled ? (random() < 0.2 ? Rating.Hard : Rating.Good) : Rating.Again;
				await recordReview(db, settings, {
					userId: user.id,
					questionId: q.id,
					unit: unitOf(q.id),
					rating,
					source: 'review',
					now: new Date(start + day * 86_400_000 + i * 60_000)
				});
				gap = recalled ? Math.ceil(gap * 2.2) : 1;
				day += gap;
			}
		}
		scheduleOptimisation(db, user.id); // returns at once
		await optimisationIdle();
		const [row] = await db
			.select()
			.from(learnerSettings)
			.where(eq(learnerSettings.userId, user.id));
		expect(row.weightsReviewCount).toBe(480);
		if (row.weights) {
			expect(row.weights).toHaveLength(21);
			expect(row.weightsLogLoss).toBeGreaterThan(0);
		}
		// Right after a fit, a new one waits for more reviews.
		expect((await runOptimisation(db, user.id)).decision).toBe('not-yet');
	});

	test('a failing fit backs off, a fit claimed by another process is skipped, and an adoption recomputes every card', async () => {
		const { runOptimisation, recomputeCards, reviewsBeforeNextRun, REFIT_EVERY } =
			await import('../../src/lib/server/review/optimiser-job.ts');
		const { learnerSettings } = await import('../../src/lib/server/db/schema.ts');
		const { replayReviews } = await import('../../src/lib/review/scheduler.ts');
		const { default_w } = await import('ts-fsrs');
		const user = await createUser(db, {
			email: 'backoff@test.example',
			password: 'a-long-password',
			displayName: 'Backoff'
		});
		const settings = { desiredRetention: 0.9, weights: null };
		for (const [i, q] of soleQuestions
			.slice(0, 25)
			.map((id) => byId.get(id)!)
			.entries())
			for (let k = 0; k < 17; k++)
				await recordReview(db, settings, {
					userId: user.id,
					questionId: q.id,
					unit: unitOf(q.id),
					rating: k % 5 === 4 ? Rating.Again : Rating.Good,
					source: 'review',
					now: new Date(Date.UTC(2026, 0, 1 + k * 3, 9, i))
				});
		const failing = async () => {
			throw new Error('fsrs-rs fell over');
		};
		await expect(runOptimisation(db, user.id, { optimise: failing })).rejects.toThrow('fell over');
		const settingsRow = async () =>
			(await db.select().from(learnerSettings).where(eq(learnerSettings.userId, user.id)))[0];
		const failed = await settingsRow();
		expect(failed.optimiserFailures).toBe(1);
		expect(failed.weightsReviewCount).toBe(425);
		expect(failed.optimiserLeaseUntil).toBeNull();
		// The next rating does not retry it, nor do the next REFIT_EVERY: the wait has doubled.
		expect((await runOptimisation(db, user.id, { optimise: failing })).decision).toBe('not-yet');
		expect(reviewsBeforeNextRun(1)).toBe(2 * REFIT_EVERY);
		await db
			.update(learnerSettings)
			.set({ weightsReviewCount: 425 - REFIT_EVERY })
			.where(eq(learnerSettings.userId, user.id));
		expect((await runOptimisation(db, user.id, { optimise: failing })).decision).toBe('not-yet');

		// Another process holds the learner's fit: skipped, nothing changed.
		await db
			.update(learnerSettings)
			.set({ weightsReviewCount: null, optimiserLeaseUntil: new Date(Date.now() + 60_000) })
			.where(eq(learnerSettings.userId, user.id));
		expect((await runOptimisation(db, user.id, { optimise: failing })).decision).toBe('busy');
		expect((await settingsRow()).optimiserFailures).toBe(1);

		// New weights adopted: each card is recomputed from its log with them.
		const weights = [...default_w];
		weights[8] = weights[8] / 2; // stability grows half as fast on each recall
		await db.update(learnerSettings).set({ weights }).where(eq(learnerSettings.userId, user.id));
		const [before] = await db
			.select()
			.from(reviewCard)
			.where(eq(reviewCard.userId, user.id))
			.limit(1);
		expect(await recomputeCards(db, user.id)).toBe(25);
		const [after] = await db.select().from(reviewCard).where(eq(reviewCard.id, before.id));
		const logs = await db
			.select()
			.from(reviewLog)
			.where(eq(reviewLog.cardId, before.id))
			.orderBy(reviewLog.reviewedAt);
		const expected = replayReviews(
			createScheduler({ weights, day: { timeZone: 'UTC', rolloverHour: 4 }, fuzz: true }),
			logs.map((l) => ({
				rating: ({ again: 1, hard: 2, good: 3, easy: 4 } as const)[l.rating],
				reviewedAt: l.reviewedAt
			})),
			before.id
		)!;
		expect(after.stability).toBeCloseTo(expected.stability, 3);
		expect(after.stability).not.toBeCloseTo(before.stability, 3);
		expect(after.due.getTime()).toBe(expected.due.getTime());
	});
});
