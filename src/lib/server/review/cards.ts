// Review cards: every graded answer (practice, assignment, review session) moves the learner's card for
// that question through FSRS (ts-fsrs) and appends one row to the review log.
import { and, asc, count, eq, gte, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import type { Placeholder } from 'drizzle-orm';
import {
	describeCorrectAnswer,
	gradeResponse,
	InvalidResponseError,
	validateResponse
} from '../../quiz/grade.ts';
import { presentQuestion } from '../../quiz/present.ts';
import type { Response } from '../../quiz/types.ts';
import { DEFAULT_ROLLOVER_HOUR, endOfLearnerDay, startOfLearnerDay } from '../../time/zones.ts';
import {
	allowedRatings,
	Rating,
	ratingForAnswer,
	ratingName,
	RATING_NAMES,
	type RatingName,
	type ReviewRating
} from '../../review/rating.ts';
import { createScheduler, type ReviewCard } from '../../review/scheduler.ts';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import { getCitations } from '../db/queries/citations.ts';
import {
	answer,
	assignment,
	attempt,
	attemptQuestion,
	learnerSettings,
	question,
	questionVersion,
	reviewCard,
	reviewLog,
	type CardSnapshot,
	type ReviewCardRow
} from '../db/schema.ts';
import { getWithheldQuestionIds, ownerIsMember } from '../disclosure.ts';
import { RequestError } from '../errors.ts';

export type ReviewSource = 'practice' | 'assignment' | 'review';

const DEFAULT_SETTINGS = {
	desiredRetention: 0.9,
	timeZone: 'UTC',
	dayRolloverHour: DEFAULT_ROLLOVER_HOUR,
	newCardsPerDay: 20,
	weights: null as number[] | null
};

export async function getLearnerSettings(db: Db, userId: string) {
	const query = prepared(db, 'learner_settings', (d) =>
		d
			.select()
			.from(learnerSettings)
			.where(eq(learnerSettings.userId, sql.placeholder('userId')))
			.prepare('learner_settings')
	);
	const [row] = await query.execute({ userId });
	return (
		row ?? {
			userId,
			...DEFAULT_SETTINGS,
			weightsFittedAt: null,
			weightsReviewCount: null,
			weightsLogLoss: null,
			optimiserFailures: 0,
			optimiserFailedAt: null,
			optimiserLeaseUntil: null
		}
	);
}

export async function updateLearnerSettings(
	db: Db,
	userId: string,
	values: {
		desiredRetention: number;
		timeZone: string;
		newCardsPerDay: number;
		dayRolloverHour?: number;
	}
) {
	await db
		.insert(learnerSettings)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: learnerSettings.userId, set: values });
}

/** What scheduling a learner's cards depends on: their retention, weights and day. */
export type SchedulingSettings = {
	desiredRetention: number;
	weights: number[] | null;
	timeZone?: string;
	dayRolloverHour?: number;
};

export function schedulerFor(settings: SchedulingSettings) {
	return createScheduler({
		desiredRetention: settings.desiredRetention,
		weights: settings.weights ?? undefined,
		day: learnerDayOf(settings),
		// Spread due dates (keyed by card id): cards answered together then do not fall due together.
		fuzz: true
	});
}

/** The learner's day (UTC from midnight for settings that do not say). */
export function learnerDayOf(settings: { timeZone?: string; dayRolloverHour?: number }) {
	return {
		timeZone: settings.timeZone ?? 'UTC',
		rolloverHour: settings.dayRolloverHour ?? 0
	};
}

function cardFromRow(row: ReviewCardRow): ReviewCard {
	return {
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		elapsed_days: row.elapsedDays,
		scheduled_days: row.scheduledDays,
		learning_steps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state,
		last_review: row.lastReview
	};
}

function columnsFromCard(card: ReviewCard) {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review
	};
}

function snapshot(card: ReviewCard): CardSnapshot {
	return {
		...card,
		due: card.due.toISOString(),
		last_review: card.last_review?.toISOString() ?? null
	};
}

type ReviewInput = {
	userId: string;
	questionId: string;
	rating: ReviewRating;
	source: ReviewSource;
	now: Date;
	attemptId?: string | null;
	requestId?: string | null;
	elapsedMs?: number | null;
	response?: Response | null;
};

/**
 * Moves one card (created on first use) by one rating and appends the log row. Call inside a
 * transaction: the card row is locked so two reviews of one card never interleave.
 */
export async function recordReview(tx: Db, settings: SchedulingSettings, input: ReviewInput) {
	const scheduler = schedulerFor(settings);
	await tx
		.insert(reviewCard)
		.values({
			userId: input.userId,
			questionId: input.questionId,
			...columnsFromCard(scheduler.newCard(input.now))
		})
		.onConflictDoNothing();
	const [row] = await tx
		.select()
		.from(reviewCard)
		.where(and(eq(reviewCard.userId, input.userId), eq(reviewCard.questionId, input.questionId)))
		.for('update');
	const before = cardFromRow(row);
	// An attempt closed as of its deadline is fed in after the fact, possibly after a later review of the
	// same card: FSRS cannot go back in time, so such a review counts as of the card's last review.
	const reviewedAt =
		before.last_review && input.now < before.last_review ? before.last_review : input.now;
	const { card } = scheduler.review(before, input.rating, reviewedAt, row.id);
	await tx
		.update(reviewCard)
		.set({
			...columnsFromCard(card),
			...(input.source === 'review' && !row.firstSessionReviewAt
				? { firstSessionReviewAt: input.now }
				: {})
		})
		.where(eq(reviewCard.id, row.id));
	await tx.insert(reviewLog).values({
		cardId: row.id,
		userId: input.userId,
		questionId: input.questionId,
		reviewedAt,
		rating: ratingName(input.rating),
		source: input.source,
		attemptId: input.attemptId ?? null,
		requestId: input.requestId ?? null,
		elapsedMs: input.elapsedMs ?? null,
		response: input.response ?? null,
		cardBefore: snapshot(before),
		cardAfter: snapshot(card)
	});
	return { cardId: row.id, card };
}

/**
 * Feeds a just-submitted attempt into the learner's reviews: one review per answered question, rated
 * from its grade and the time since the previous answer. Runs in the submit transaction.
 */
export async function feedAttemptIntoReviews(
	tx: Db,
	userId: string,
	attemptId: string,
	source: 'practice' | 'assignment',
	now: Date
) {
	const [settings, rows, [started]] = await Promise.all([
		getLearnerSettings(tx, userId),
		tx
			.select({
				questionId: questionVersion.questionId,
				score: answer.score,
				correct: answer.correct,
				response: answer.response,
				answeredAt: answer.answeredAt
			})
			.from(answer)
			.innerJoin(
				attemptQuestion,
				and(
					eq(attemptQuestion.attemptId, answer.attemptId),
					eq(attemptQuestion.position, answer.position)
				)
			)
			.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
			.where(eq(answer.attemptId, attemptId))
			.orderBy(asc(answer.answeredAt)),
		tx.select({ startedAt: attempt.startedAt }).from(attempt).where(eq(attempt.id, attemptId))
	]);
	// Create and lock the learner's cards for these questions in one fixed order (by question id) before
	// moving any: two submits of one learner over the same questions then queue instead of deadlocking.
	const questionIds = [...new Set(rows.map((r) => r.questionId))].sort();
	if (questionIds.length === 0) return 0;
	const scheduler = schedulerFor(settings);
	await tx
		.insert(reviewCard)
		.values(
			questionIds.map((questionId) => ({
				userId,
				questionId,
				...columnsFromCard(scheduler.newCard(now))
			}))
		)
		.onConflictDoNothing();
	const locked = await tx
		.select()
		.from(reviewCard)
		.where(and(eq(reviewCard.userId, userId), inArray(reviewCard.questionId, questionIds)))
		.orderBy(asc(reviewCard.questionId))
		.for('update');
	const cards = new Map(
		locked.map((row) => [row.questionId, { id: row.id, card: cardFromRow(row) }])
	);
	const logRows: (typeof reviewLog.$inferInsert)[] = [];
	let previous = started?.startedAt ?? null;
	for (const r of rows) {
		// Time spent: from the previous answer (or the start) to this one. Answers revisited later
		// overstate it; that only ever makes a right answer "Hard", never a wrong one "Good".
		const elapsedMs = previous ? Math.max(0, r.answeredAt.getTime() - previous.getTime()) : null;
		previous = r.answeredAt;
		const rating = ratingForAnswer({
			score: r.score,
			correct: r.correct,
			elapsedMs: elapsedMs ?? undefined
		});
		const held = cards.get(r.questionId)!;
		const before = held.card;
		// As in recordReview: FSRS cannot go back in time (an attempt closed as of its deadline, fed in late).
		const reviewedAt = before.last_review && now < before.last_review ? before.last_review : now;
		held.card = scheduler.review(before, rating, reviewedAt, held.id).card;
		logRows.push({
			cardId: held.id,
			userId,
			questionId: r.questionId,
			reviewedAt,
			rating: ratingName(rating),
			source,
			attemptId,
			elapsedMs,
			response: r.response,
			cardBefore: snapshot(before),
			cardAfter: snapshot(held.card)
		});
	}
	// Every card moved in one statement (an upsert of rows that exist and are locked), the log in another:
	// a submit used to send three statements per answer.
	const movedColumns = Object.keys(columnsFromCard(scheduler.newCard(now))) as (keyof ReturnType<
		typeof columnsFromCard
	>)[];
	await tx
		.insert(reviewCard)
		.values(
			[...cards].map(([questionId, { card }]) => ({ userId, questionId, ...columnsFromCard(card) }))
		)
		.onConflictDoUpdate({
			target: [reviewCard.userId, reviewCard.questionId],
			set: Object.fromEntries(
				movedColumns.map((k) => [k, sql.raw(`excluded."${reviewCard[k].name}"`)])
			)
		});
	await tx.insert(reviewLog).values(logRows);
	return rows.length;
}

/**
 * Answers move the learner's review cards only once their feedback is released: a card's state (learning
 * or known) says whether an answer was right. An attempt held back at submit (feedback after the due time)
 * is fed in here, the first time any view of the learner's reviews is read after its due time; under the
 * attempt's lock, so it is fed once.
 */
export async function releaseFeedback(db: Db, userId: string, now: Date) {
	const pending = await db
		.select({ id: attempt.id })
		.from(attempt)
		.innerJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(
			and(
				eq(attempt.userId, userId),
				eq(attempt.status, 'submitted'),
				eq(assignment.feedback, 'after_due'),
				lte(assignment.dueAt, now),
				ownerIsMember,
				sql`not exists (select 1 from review_log rl where rl.user_id = ${attempt.userId} and rl.attempt_id = ${attempt.id})`
			)
		);
	for (const { id } of pending)
		await db.transaction(async (txRaw) => {
			const tx = txRaw as unknown as Db;
			await tx.select({ id: attempt.id }).from(attempt).where(eq(attempt.id, id)).for('update');
			const [fed] = await tx
				.select({ id: reviewLog.id })
				.from(reviewLog)
				.where(and(eq(reviewLog.userId, userId), eq(reviewLog.attemptId, id)))
				.limit(1);
			if (!fed) await feedAttemptIntoReviews(tx, userId, id, 'assignment', now);
		});
}

/**
 * The order a review session takes cards in: (re)learning cards first (lapsed reviews and quiz mistakes,
 * due minutes after the answer, are what the learner most needs), then due review cards, each group most
 * overdue first; new cards (never reviewed) come last, within the daily cap (see getDueCards).
 */
const queuePriority = sql<number>`case when ${reviewCard.state} in ('learning', 'relearning') then 0 else 1 end`;

const dueBy = (userId: string | Placeholder, endOfDay: Date | Placeholder) =>
	and(eq(reviewCard.userId, userId), lt(reviewCard.due, endOfDay), eq(question.active, true));

/**
 * The due-cards query (exported so scripts/review-explain.ts and the benchmark can EXPLAIN exactly this
 * SQL); with placeholders it is the prepared statement the review queue runs. Cards already reviewed at
 * least once (by a quiz or a review), in queue order; new cards are asked for separately (newCardsQuery).
 */
export function dueCardsQuery(
	db: Db,
	userId: string | Placeholder,
	endOfDay: Date | Placeholder,
	limit: number | Placeholder
) {
	return db
		.select({ card: reviewCard, body: questionVersion.body })
		.from(reviewCard)
		.innerJoin(question, eq(question.id, reviewCard.questionId))
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(and(dueBy(userId, endOfDay), ne(reviewCard.state, 'new')))
		.orderBy(queuePriority, asc(reviewCard.due), asc(reviewCard.id))
		.limit(limit);
}

const dueCardsPrepared = (db: Db) =>
	dueCardsQuery(
		db,
		sql.placeholder('userId'),
		sql.placeholder('endOfDay'),
		sql.placeholder('limit')
	).prepare('due_cards');

const newCardsPrepared = (db: Db) =>
	db
		.select({ card: reviewCard, body: questionVersion.body })
		.from(reviewCard)
		.innerJoin(question, eq(question.id, reviewCard.questionId))
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(
			and(
				dueBy(sql.placeholder('userId'), sql.placeholder('endOfDay')),
				eq(reviewCard.state, 'new')
			)
		)
		.orderBy(asc(reviewCard.due), asc(reviewCard.id))
		.limit(sql.placeholder('limit'))
		.prepare('new_cards');

/** How many cards are due by the end of the learner's day: reviewed ones, and new ones (before the cap). */
const dueCountsPrepared = (db: Db) =>
	db
		.select({
			seen: sql<number>`count(*) filter (where ${reviewCard.state} <> 'new')`.mapWith(Number),
			unseen: sql<number>`count(*) filter (where ${reviewCard.state} = 'new')`.mapWith(Number)
		})
		.from(reviewCard)
		.innerJoin(question, eq(question.id, reviewCard.questionId))
		.where(dueBy(sql.placeholder('userId'), sql.placeholder('endOfDay')))
		.prepare('due_counts');

/**
 * New cards the review page introduced today: review-session reviews today of a card that was new before.
 * (Questions first met in a quiz do not count: the cap is on what the review page brings in.)
 */
const introducedTodayPrepared = (db: Db) =>
	db
		.select({ introducedToday: count() })
		.from(reviewLog)
		.where(
			and(
				eq(reviewLog.userId, sql.placeholder('userId')),
				eq(reviewLog.source, 'review'),
				gte(reviewLog.reviewedAt, sql.placeholder('startOfDay')),
				sql`${reviewLog.cardBefore}->>'state' = 'new'`
			)
		)
		.prepare('introduced_today');

/**
 * Cards due by the end of the learner's day, in queue order (see queuePriority), at most `limit` of them,
 * and how many are due in all (`total`). Every card that has been reviewed (in a quiz or a review session)
 * and is due is in the queue: the daily cap only limits new cards, those never reviewed, as Anki's does.
 */
export async function getDueCards(
	db: Db,
	userId: string,
	now: Date,
	limit = 100,
	knownSettings?: Awaited<ReturnType<typeof getLearnerSettings>>
) {
	// Answers whose feedback has just been released move their cards first.
	await releaseFeedback(db, userId, now);
	const [settings, withheld] = await Promise.all([
		knownSettings ?? getLearnerSettings(db, userId),
		getWithheldQuestionIds(db, userId, now)
	]);
	// Placeholders skip the column's own conversion: timestamps go in as ISO strings.
	const endOfDay = endOfLearnerDay(now, settings.timeZone, settings.dayRolloverHour).toISOString();
	const startOfDay = startOfLearnerDay(
		now,
		settings.timeZone,
		settings.dayRolloverHour
	).toISOString();
	const [seen, [counts], [{ introducedToday }]] = await Promise.all([
		prepared(db, 'due_cards', dueCardsPrepared).execute({ userId, endOfDay, limit }),
		prepared(db, 'due_counts', dueCountsPrepared).execute({ userId, endOfDay }),
		prepared(db, 'introduced_today', introducedTodayPrepared).execute({ userId, startOfDay })
	]);
	const newAllowed = Math.min(
		counts.unseen,
		Math.max(0, settings.newCardsPerDay - introducedToday)
	);
	const room = Math.min(newAllowed, limit - seen.length);
	const unseen =
		room > 0
			? await prepared(db, 'new_cards', newCardsPrepared).execute({ userId, endOfDay, limit: room })
			: [];
	// The questions of an assignment still open to the learner are not reviewed (the review shows keys).
	const all = [...seen, ...unseen];
	const due = all.filter((r) => !withheld.has(r.card.questionId));
	return { settings, due, total: counts.seen + newAllowed - (all.length - due.length) };
}

const ratingsTodayPrepared = (db: Db) =>
	db
		.select({ rating: reviewLog.rating })
		.from(reviewLog)
		.where(
			and(
				eq(reviewLog.userId, sql.placeholder('userId')),
				eq(reviewLog.source, 'review'),
				gte(reviewLog.reviewedAt, sql.placeholder('startOfDay'))
			)
		)
		.prepare('ratings_today');

/**
 * The review queue page: the next card (its question without key), how many remain, and today's
 * ratings. The learner's settings first (their day depends on their time zone), then the rest at once.
 */
export async function getReviewQueue(db: Db, userId: string, now: Date) {
	const settings = await getLearnerSettings(db, userId);
	const startOfDay = startOfLearnerDay(
		now,
		settings.timeZone,
		settings.dayRolloverHour
	).toISOString();
	const [{ due, total }, today] = await Promise.all([
		getDueCards(db, userId, now, 1, settings),
		prepared(db, 'ratings_today', ratingsTodayPrepared).execute({ userId, startOfDay })
	]);
	const summary = { again: 0, hard: 0, good: 0, easy: 0 };
	for (const r of today) summary[r.rating]++;
	const first = due[0];
	const card = first
		? {
				cardId: first.card.id,
				state: first.card.state,
				question: presentQuestion(first.body, `card:${first.card.id}:${first.card.reps}`)
			}
		: null;
	return { card, remaining: total, reviewedToday: today.length, summary };
}

export async function countDueCards(db: Db, userId: string, now: Date) {
	return (await getDueCards(db, userId, now, 0)).total;
}

const ownCardQuestionPrepared = (db: Db) =>
	db
		.select({ card: reviewCard, body: questionVersion.body })
		.from(reviewCard)
		.innerJoin(question, eq(question.id, reviewCard.questionId))
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(
			and(
				eq(reviewCard.id, sql.placeholder('cardId')),
				eq(reviewCard.userId, sql.placeholder('userId'))
			)
		)
		.prepare('own_card_question');

async function getOwnCardQuestion(db: Db, userId: string, cardId: number) {
	const [row] = await prepared(db, 'own_card_question', ownCardQuestionPrepared).execute({
		cardId,
		userId
	});
	if (!row) throw new RequestError(404, 'No such review card.');
	return row;
}

/** Whether the card's question belongs to an assignment that still withholds its keys from this learner. */
async function keyWithheld(db: Db, userId: string, questionId: string, now: Date) {
	return (await getWithheldQuestionIds(db, userId, now)).has(questionId);
}

export class KeyWithheldError extends RequestError {
	constructor() {
		super(
			409,
			'This question is in an assignment whose results you have not had yet: review it after that.'
		);
		this.name = 'KeyWithheldError';
	}
}

/** The answer side of a card: key, explanation and quotes; with a response, its grade and suggested rating. */
export async function revealCard(
	db: Db,
	userId: string,
	cardId: number,
	response: Response | null,
	now = new Date()
) {
	const { card, body } = await getOwnCardQuestion(db, userId, cardId);
	if (await keyWithheld(db, userId, card.questionId, now)) throw new KeyWithheldError();
	let grade = null;
	if (response) {
		try {
			validateResponse(body, response);
		} catch (e) {
			if (e instanceof InvalidResponseError) throw new RequestError(400, e.message);
			throw e;
		}
		grade = gradeResponse(body, response);
	}
	return {
		grade,
		allowed: allowedRatings(grade),
		suggested: grade
			? ratingName(ratingForAnswer({ score: grade.score, correct: grade.correct }))
			: null,
		correctText: describeCorrectAnswer(body),
		explanation: body.explanation,
		citations: await getCitations(db, body.facts)
	};
}

export function parseRatingName(value: string): RatingName | null {
	return (RATING_NAMES as readonly string[]).includes(value) ? (value as RatingName) : null;
}

const RATING_OF: Record<RatingName, ReviewRating> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

/**
 * The learner's rating of a card in a review session. `requestId` makes it idempotent: the same
 * request replayed (a double click, a retried post) advances the schedule once.
 */
export async function rateCard(
	db: Db,
	userId: string,
	cardId: number,
	rating: RatingName,
	options: { requestId: string; response: Response | null; elapsedMs: number | null },
	now: Date
) {
	const replay = async () => {
		const [done] = await prepared(db, 'review_by_request', (d) =>
			d
				.select({ cardId: reviewLog.cardId })
				.from(reviewLog)
				.where(eq(reviewLog.requestId, sql.placeholder('requestId')))
				.prepare('review_by_request')
		).execute({ requestId: options.requestId });
		return done ? { cardId: done.cardId, replayed: true } : null;
	};
	// Independent reads at once: one round trip of waiting instead of four.
	const [{ card, body }, settings, seen] = await Promise.all([
		getOwnCardQuestion(db, userId, cardId),
		getLearnerSettings(db, userId),
		replay()
	]);
	if (!seen && (await keyWithheld(db, userId, card.questionId, now))) throw new KeyWithheldError();
	if (options.response) {
		try {
			validateResponse(body, options.response);
		} catch (e) {
			if (e instanceof InvalidResponseError) throw new RequestError(400, e.message);
			throw e;
		}
		// The server graded the answer: after a wrong one, a pass would tell FSRS it was recalled.
		if (!allowedRatings(gradeResponse(body, options.response)).includes(rating))
			throw new RequestError(
				400,
				'Your answer was not right, so the only rating is Again: Hard, Good and Easy mean you recalled it.'
			);
	}
	if (seen) return seen;
	try {
		return await db.transaction(async (tx) => {
			await recordReview(tx as unknown as Db, settings, {
				userId,
				questionId: card.questionId,
				rating: RATING_OF[rating],
				source: 'review',
				now,
				requestId: options.requestId,
				elapsedMs: options.elapsedMs,
				response: options.response
			});
			return { cardId, replayed: false };
		});
	} catch (e) {
		const code =
			(e as { code?: string; cause?: { code?: string } }).code ??
			(e as { cause?: { code?: string } }).cause?.code;
		if (code === '23505') {
			const again = await replay();
			if (again) return again;
		}
		throw e;
	}
}
