// The review page's daily limits and leeches, on both databases: review cards beyond the learner's daily
// review limit wait for the next day (learning cards never do), and a card failed LEECH_LAPSES times is
// flagged and put aside until the learner takes it back.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../../src/lib/server/auth.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { reviewCard } from '../../src/lib/server/db/schema.ts';
import {
	getDueCards,
	getLeeches,
	getReviewQueue,
	rateCard,
	recordReview,
	setCardSuspended,
	updateLearnerSettings
} from '../../src/lib/server/review/cards.ts';
import { cardUnitOf } from '../../src/lib/review/fact-cards.ts';
import { LEECH_LAPSES } from '../../src/lib/review/leech.ts';
import { Rating, type ReviewRating } from '../../src/lib/review/rating.ts';
import { loadRealBank, soleQuestionIds } from '../helpers/bank.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const sole = soleQuestionIds(bank);
const DAY = 24 * 60 * 60 * 1000;

describe.each(backends())('daily review limit and leeches on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
	});
	afterAll(async () => database?.dispose());

	async function learner(name: string, reviewsPerDay: number) {
		const user = await createUser(db, {
			email: `${name}@test.example`,
			password: 'a-long-password',
			displayName: name
		});
		await updateLearnerSettings(db, user.id, {
			desiredRetention: 0.9,
			timeZone: 'UTC',
			dayRolloverHour: 0,
			newCardsPerDay: 20,
			reviewsPerDay
		});
		const review = (questionId: string, rating: ReviewRating, at: Date) =>
			recordReview(
				db,
				{ desiredRetention: 0.9, weights: null },
				{
					userId: user.id,
					questionId,
					unit: cardUnitOf(byId.get(questionId)!),
					rating,
					source: 'practice',
					now: at
				}
			);
		return { user, review };
	}

	test('review cards beyond the daily limit wait for the next day; learning cards do not', async () => {
		const { user, review } = await learner('limit', 2);
		const [mistake, ...known] = sole.slice(0, 6);
		for (const q of known) await review(q, Rating.Easy, new Date('2026-04-01T09:00:00Z'));
		await review(mistake, Rating.Again, new Date('2026-06-01T08:00:00Z'));
		const now = new Date('2026-06-01T10:00:00Z');
		const due = await getDueCards(db, user.id, now, 100);
		expect(due.due.map((d) => d.card.state)).toEqual(['learning', 'review', 'review']);
		expect(due.total).toBe(3);
		for (const [i, d] of due.due.entries())
			await rateCard(
				db,
				user.id,
				d.card.id,
				'good',
				{ requestId: `limit-${i}`, response: null, elapsedMs: null },
				now
			);
		// Two review cards reviewed today: the other three wait, though due.
		const after = await getReviewQueue(db, user.id, now);
		expect(after.remaining).toBe(0);
		expect(after.card).toBeNull();
		const tomorrow = await getDueCards(db, user.id, new Date(now.getTime() + DAY), 100);
		expect(tomorrow.due.filter((d) => d.card.state === 'review').length).toBe(2);
	});

	test('a mistake made minutes before the day ends is shown at once, not after midnight', async () => {
		const { user, review } = await learner('late', 200);
		const [mistake, known] = sole.slice(6, 8);
		await review(known, Rating.Good, new Date('2026-06-01T09:00:00Z'));
		// Failed at 23:55: due ten minutes later, in the next day. A learner who has just got it wrong
		// reviews it now (within the learn-ahead window), as Anki shows learning cards due soon.
		const lateAt = new Date('2026-06-01T23:55:00Z');
		await review(mistake, Rating.Again, lateAt);
		const now = new Date(lateAt.getTime() + 30_000);
		const queue = await getReviewQueue(db, user.id, now);
		expect(queue.card?.state).toBe('learning');
		expect(queue.remaining).toBe(1);
		// Review cards due early tomorrow still wait for tomorrow.
		const due = await getDueCards(db, user.id, now, 100);
		expect(due.due.map((d) => d.card.state)).toEqual(['learning']);
	});

	test(`a card failed ${LEECH_LAPSES} times is a leech: put aside, listed, and taken back by the learner`, async () => {
		const { user, review } = await learner('leech', 200);
		const [q] = sole.slice(10, 11);
		let at = new Date('2026-01-01T09:00:00Z').getTime();
		await review(q, Rating.Easy, new Date(at));
		for (let k = 0; k < LEECH_LAPSES; k++) {
			at += 5 * DAY;
			await review(q, Rating.Again, new Date(at));
			at += DAY;
			await review(q, Rating.Easy, new Date(at));
		}
		const [card] = await db
			.select()
			.from(reviewCard)
			.where(and(eq(reviewCard.userId, user.id), eq(reviewCard.factId, byId.get(q)!.facts[0])));
		expect(card.lapses).toBe(LEECH_LAPSES);
		expect(card.leechAt).not.toBeNull();
		expect(card.suspendedAt).not.toBeNull();
		const later = new Date(card.due.getTime() + DAY);
		expect((await getDueCards(db, user.id, later)).total).toBe(0);
		expect(await getLeeches(db, user.id, later)).toEqual([
			{ cardId: card.id, prompt: byId.get(q)!.prompt, lapses: LEECH_LAPSES, suspended: true }
		]);
		const stranger = await learner('stranger', 200);
		expect(
			(await refusal(setCardSuspended(db, stranger.user.id, card.id, false, later))).status
		).toBe(404);
		await setCardSuspended(db, user.id, card.id, false, later);
		expect((await getDueCards(db, user.id, later)).due.map((d) => d.card.id)).toEqual([card.id]);
		expect((await getLeeches(db, user.id, later))[0].suspended).toBe(false);
	});
});
