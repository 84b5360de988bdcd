// What a submit and a review rating send to the database, on both backends. A live session multiplies
// both, and inside a transaction each statement the app waits for holds one of the pool's few connections:
// the figures here are what `npm run bench` reports as SQL per request (docs/performance.md), less the
// session lookup. Also: two ratings of one card at once both count, one after the other.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth.ts';
import {
	getAttemptForTaking,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/attempts.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { reviewCard, reviewLog } from '../../src/lib/server/db/schema.ts';
import { rateCard } from '../../src/lib/server/review/cards.ts';
import {
	optimisationIdle,
	scheduleOptimisation
} from '../../src/lib/server/review/optimiser-job.ts';
import { loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import { backends, countingDb, databaseWithLearner, type TestDatabase } from '../helpers/db.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));

describe.each(backends())('review writes on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let learner: SessionUser;

	beforeAll(async () => {
		({ database, db, learner } = await databaseWithLearner(backend, bank, {
			email: 'writes@test.example',
			displayName: 'Writes'
		}));
	});
	afterAll(async () => database?.dispose());

	/** A practice attempt over `seed`'s questions, answered (the first two wrong), ready to submit. */
	async function answeredAttempt(seed: string, now: Date) {
		const { id } = await startAttempt(db, learner.id, { count: 5 }, seed, now);
		const taking = await getAttemptForTaking(db, learner.id, id, now);
		for (const [i, p] of taking.questions.entries()) {
			const q = byId.get(p.id)!;
			await saveAnswer(db, learner.id, id, q.id, i < 2 ? wrongResponse(q) : rightResponse(q), now);
		}
		return id;
	}

	test('a submit sends 8 statements when it creates the cards and 7 when they exist; a rating sends 5', async () => {
		const counting = countingDb(database);
		const statementsOf = async (work: () => Promise<unknown>) => {
			const before = counting.statements();
			await work();
			return counting.statements() - before;
		};
		const now = new Date('2026-06-01T09:00:00Z');
		// The lock of the attempt, its answers, the settings and review count, the learner's cards (locked);
		// the missing cards made; the attempt closed, the cards moved and the log written.
		const first = await answeredAttempt('writes-seed', now);
		expect(await statementsOf(() => submitAttempt(counting.db, learner.id, first, now))).toBe(8);
		// The same questions again: their cards exist, none is made.
		const second = await answeredAttempt('writes-seed', now);
		expect(await statementsOf(() => submitAttempt(counting.db, learner.id, second, now))).toBe(7);
		expect(await db.select().from(reviewLog).where(eq(reviewLog.userId, learner.id))).toHaveLength(
			10
		);

		// Settings and review count, the replay check, the card with its questions, the withheld
		// questions; then the card's move and its log row in one statement.
		const [card] = await db
			.select()
			.from(reviewCard)
			.where(eq(reviewCard.userId, learner.id))
			.limit(1);
		const rating = () =>
			rateCard(
				counting.db,
				learner.id,
				card.id,
				'good',
				{ requestId: 'writes-rating-1', response: null, elapsedMs: 3000 },
				new Date('2026-06-01T10:00:00Z')
			);
		expect(await statementsOf(rating)).toBe(5);
		const [moved] = await db.select().from(reviewCard).where(eq(reviewCard.id, card.id));
		expect(moved.reps).toBe(card.reps + 1);
	});

	test('a rating or submit whose figures say no fit is due queues none: the fit job reads nothing', async () => {
		const counting = countingDb(database);
		const before = counting.statements();
		scheduleOptimisation(counting.db, learner.id, {
			reviews: 11,
			weightsReviewCount: null,
			optimiserFailures: 0
		});
		await optimisationIdle();
		expect(counting.statements() - before).toBe(0);
	});

	test('two ratings of one card at once both count, the second from the card the first left', async () => {
		const now = new Date('2026-06-02T09:00:00Z');
		const [card] = await db
			.select()
			.from(reviewCard)
			.where(eq(reviewCard.userId, learner.id))
			.limit(1);
		const ratings = await Promise.all(
			['again', 'good'].map((rating, i) =>
				rateCard(
					db,
					learner.id,
					card.id,
					rating as 'again' | 'good',
					{ requestId: `writes-race-${i}`, response: null, elapsedMs: 2000 },
					now
				)
			)
		);
		expect(ratings.every((r) => !r.replayed)).toBe(true);
		const [after] = await db.select().from(reviewCard).where(eq(reviewCard.id, card.id));
		expect(after.reps).toBe(card.reps + 2);
		const logs = (await db.select().from(reviewLog).where(eq(reviewLog.cardId, card.id)))
			.filter((l) => l.requestId?.startsWith('writes-race-'))
			.sort((a, b) => a.id - b.id);
		expect(logs).toHaveLength(2);
		// The card columns are float4: the state read back is the one written, to its precision.
		const { stability, difficulty, ...exact } = logs[0].cardAfter;
		expect(logs[1].cardBefore).toMatchObject(exact);
		expect(logs[1].cardBefore.stability).toBeCloseTo(stability, 4);
		expect(logs[1].cardBefore.difficulty).toBeCloseTo(difficulty, 4);
		expect(logs[1].cardAfter.reps).toBe(after.reps);
	});
});
