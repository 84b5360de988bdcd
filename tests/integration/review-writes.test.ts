// What a submit and a review rating send to the database, on both backends. A live session multiplies
// both, and inside a transaction each statement the app waits for holds one of the pool's few connections:
// the figures here are what `npm run bench` reports as SQL per request (docs/performance.md), less the
// session lookup. Also: two ratings of one card at once both count, one after the other.
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth.ts';
import {
	getAttemptForTaking,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/attempts.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { rowsOf } from '../../src/lib/server/db/json-rows.ts';
import { prepared } from '../../src/lib/server/db/prepared.ts';
import { LEECH_LAPSES } from '../../src/lib/review/leech.ts';
import { question, reviewCard, reviewLog } from '../../src/lib/server/db/schema.ts';
import { getLeeches, getReviewQueue, rateCard } from '../../src/lib/server/review/cards.ts';
import {
	optimisationIdle,
	scheduleOptimisation
} from '../../src/lib/server/review/optimiser-job.ts';
import { loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import {
	backends,
	countingDb,
	databaseWithLearner,
	oneConnectionDb,
	type TestDatabase
} from '../helpers/db.ts';

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

	test.runIf(backend === 'postgres')(
		"a submit's, a rating's and the review queue's statements all go out prepared: postgres.js sends an unnamed one only after a round trip to ask its parameter types",
		async () => {
			const one = oneConnectionDb(database)!;
			try {
				const now = new Date('2026-06-02T09:00:00Z');
				// Cards made, then cards that exist; then a rating.
				await submitAttempt(one.db, learner.id, await answeredAttempt('prepared-seed', now), now);
				await submitAttempt(one.db, learner.id, await answeredAttempt('prepared-seed', now), now);
				const [card] = await db
					.select()
					.from(reviewCard)
					.where(eq(reviewCard.userId, learner.id))
					.limit(1);
				await rateCard(
					one.db,
					learner.id,
					card.id,
					'good',
					{ requestId: 'prepared-rating-1', response: null, elapsedMs: 3000 },
					new Date('2026-06-02T10:00:00Z')
				);
				// Cards due today, so the queue reads them and their questions.
				const queue = await getReviewQueue(one.db, learner.id, new Date('2026-06-02T10:10:00Z'));
				expect(queue.card).not.toBeNull();
				// The review page lists the learner's leeches beside the queue.
				await getLeeches(one.db, learner.id, new Date('2026-06-02T10:10:00Z'));
				expect(one.sent().length).toBeGreaterThanOrEqual(15);
				expect(await one.unprepared()).toEqual([]);
			} finally {
				await one.end();
			}
		}
	);

	test("a submit's feed: the log in answer order, each card left as its last log row says; a card it makes a leech is flagged once and suspended", async () => {
		const now = new Date('2026-06-05T09:00:00Z');
		const { id } = await startAttempt(db, learner.id, { count: 5 }, 'writes-leech', now);
		const taking = await getAttemptForTaking(db, learner.id, id, now);
		const questions = taking.questions.map((p) => byId.get(p.id)!);
		const [first, second] = questions.filter(
			(q, i) => questions.findIndex((o) => o.facts[0] === q.facts[0]) === i
		);
		// The first answer's card reaches the leech threshold; the second's a later step of it, as a
		// leech already flagged (its first time is kept).
		const flaggedBefore = new Date('2026-01-01T00:00:00Z');
		const cardAt = (factId: string, lapses: number, leechAt: Date | null) => ({
			userId: learner.id,
			factId,
			due: new Date(now.getTime() - 86_400_000),
			stability: 3,
			difficulty: 5,
			elapsedDays: 4,
			scheduledDays: 4,
			learningSteps: 0,
			reps: 20,
			lapses,
			state: 'review' as const,
			lastReview: new Date(now.getTime() - 5 * 86_400_000),
			leechAt,
			suspendedAt: null
		});
		for (const card of [
			cardAt(first.facts[0], LEECH_LAPSES - 1, null),
			cardAt(second.facts[0], LEECH_LAPSES + LEECH_LAPSES / 2 - 1, flaggedBefore)
		]) {
			const { userId, factId, ...state } = card;
			await db
				.insert(reviewCard)
				.values(card)
				.onConflictDoUpdate({ target: [reviewCard.userId, reviewCard.factId], set: state });
		}
		// Answered in the reverse of the page order, a second apart: the log follows the answers.
		const answered = [...questions].reverse();
		for (const [i, q] of answered.entries()) {
			const wrong = q === first || q === second;
			const at = new Date(now.getTime() + i * 1000);
			await saveAnswer(db, learner.id, id, q.id, wrong ? wrongResponse(q) : rightResponse(q), at);
		}
		await submitAttempt(db, learner.id, id, new Date(now.getTime() + 60_000));

		const logs = await db
			.select()
			.from(reviewLog)
			.where(eq(reviewLog.attemptId, id))
			.orderBy(asc(reviewLog.id));
		expect(logs.map((l) => l.questionId)).toEqual(answered.map((q) => q.id));
		const cards = await db
			.select()
			.from(reviewCard)
			.where(and(eq(reviewCard.userId, learner.id)));
		for (const log of logs) {
			const card = cards.find((c) => c.id === log.cardId)!;
			const last = logs.filter((l) => l.cardId === card.id).at(-1)!;
			expect(card.reps).toBe(last.cardAfter.reps);
			expect(card.lapses).toBe(last.cardAfter.lapses);
			expect(card.state).toBe(last.cardAfter.state);
			expect(card.due.toISOString()).toBe(last.cardAfter.due);
		}
		const cardOf = (factId: string) => cards.find((c) => c.factId === factId)!;
		const submittedAt = new Date(now.getTime() + 60_000);
		expect(cardOf(first.facts[0])).toMatchObject({
			lapses: LEECH_LAPSES,
			leechAt: submittedAt,
			suspendedAt: submittedAt
		});
		expect(cardOf(second.facts[0])).toMatchObject({
			lapses: LEECH_LAPSES + LEECH_LAPSES / 2,
			leechAt: flaggedBefore,
			suspendedAt: submittedAt
		});
	});

	// Postgres only: PGlite has one connection, and its transactions (which build their queries each time)
	// cannot be open at once.
	test.skipIf(backend !== 'postgres')(
		'a prepared query built in one transaction runs on the connection of each transaction that runs it',
		async () => {
			const backendPid = (d: Db) =>
				d
					.select({ pid: sql<number>`pg_backend_pid()` })
					.from(question)
					.limit(1)
					.prepare('test_backend_pid');
			const connectionOf = async (tx: Db) =>
				rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`))[0].pid;
			const ranOn = async (tx: Db) => {
				const [row] = await prepared(tx, 'test_backend_pid', backendPid).execute();
				return { query: row.pid, transaction: await connectionOf(tx) };
			};
			// The first transaction stays open while the second runs, so the two hold two connections.
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			let firstRan!: (pids: { query: number; transaction: number }) => void;
			const first = new Promise<{ query: number; transaction: number }>((r) => (firstRan = r));
			const open = db.transaction(async (tx) => {
				firstRan(await ranOn(tx as unknown as Db));
				await held;
			});
			const a = await first;
			const b = await db.transaction(async (tx) => ranOn(tx as unknown as Db));
			release();
			await open;
			expect(a.query).toBe(a.transaction);
			expect(b.transaction).not.toBe(a.transaction);
			expect(b.query).toBe(b.transaction);
		}
	);

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
