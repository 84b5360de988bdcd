// Review cards: every graded answer (practice, assignment, review session) moves the learner's card for
// the fact that question asks about through FSRS (ts-fsrs) and appends one row to the review log, which
// names the question shown. One card per fact: two phrasings of a fact share one memory state.
import {
	and,
	asc,
	eq,
	gte,
	inArray,
	isNull,
	isNotNull,
	lt,
	lte,
	max,
	ne,
	or,
	sql
} from 'drizzle-orm';
import {
	describeCorrectAnswer,
	gradeResponse,
	InvalidResponseError,
	validateResponse
} from '../../quiz/grade.ts';
import { presentQuestion } from '../../quiz/present.ts';
import type { Response } from '../../quiz/types.ts';
import type { Question } from '../../bank/types.ts';
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
import { createScheduler, LEARN_AHEAD_MS, type ReviewCard } from '../../review/scheduler.ts';
import { turnsLeech } from '../../review/leech.ts';
import {
	cardUnitOf,
	pickQuestionToShow,
	unitOfCard,
	unitKey,
	type CardUnit
} from '../../review/fact-cards.ts';
import type { Db } from '../db/index.ts';
import { insertRows, rowsOf, tableRows, updateRows } from '../db/json-rows.ts';
import { isAnyOf, isNoneOf } from '../db/array-params.ts';
import { asPrepared, prepared } from '../db/prepared.ts';
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
	reviewsPerDay: 200,
	weights: null as number[] | null
};

/** A learner's settings, or the defaults for one who has never changed them. */
export type LearnerSettings = typeof learnerSettings.$inferSelect;

function withDefaults(row: LearnerSettings | null | undefined, userId: string): LearnerSettings {
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

export async function getLearnerSettings(db: Db, userId: string) {
	const query = prepared(db, 'learner_settings', (d) =>
		d
			.select()
			.from(learnerSettings)
			.where(eq(learnerSettings.userId, sql.placeholder('userId')))
			.prepare('learner_settings')
	);
	const [row] = await query.execute({ userId });
	return withDefaults(row, userId);
}

/**
 * The learner's settings and how many reviews their log holds, in one statement: a request that writes
 * reviews decides from these whether a fit of their FSRS parameters is due (optimisationDue), instead of
 * the fit's job reading them again after every submit and rating.
 */
const settingsAndReviewsPrepared = (db: Db) =>
	db
		.select({
			settings: learnerSettings,
			reviews: sql<number>`(select count(*)::int from ${reviewLog} where ${reviewLog.userId} = ${sql.placeholder('userId')})`
		})
		.from(sql`(select 1) as one`)
		.leftJoin(learnerSettings, eq(learnerSettings.userId, sql.placeholder('userId')))
		.prepare('learner_settings_reviews');

export async function getLearnerSettingsAndReviews(db: Db, userId: string) {
	const [row] = await prepared(db, 'learner_settings_reviews', settingsAndReviewsPrepared).execute({
		userId
	});
	return { settings: withDefaults(row?.settings, userId), reviews: row?.reviews ?? 0 };
}

export async function updateLearnerSettings(
	db: Db,
	userId: string,
	values: {
		desiredRetention: number;
		timeZone: string;
		newCardsPerDay: number;
		reviewsPerDay?: number;
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

export function cardFromRow(row: ReviewCardRow): ReviewCard {
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
	/** The question shown (the log names it). */
	questionId: string;
	/** What the answer moves: the fact the question asks about (see cardUnitOf). */
	unit: CardUnit;
	rating: ReviewRating;
	source: ReviewSource;
	now: Date;
	attemptId?: string | null;
	requestId?: string | null;
	elapsedMs?: number | null;
	response?: Response | null;
};

/** The card of one unit (fact or uncited question) of one learner. */
const isUnit = (userId: string, unit: CardUnit) =>
	and(
		eq(reviewCard.userId, userId),
		unit.factId !== null
			? eq(reviewCard.factId, unit.factId)
			: eq(reviewCard.questionId, unit.questionId)
	);

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
			...input.unit,
			...columnsFromCard(scheduler.newCard(input.now))
		})
		.onConflictDoNothing();
	const [row] = await tx
		.select()
		.from(reviewCard)
		.where(isUnit(input.userId, input.unit))
		.for('update');
	const before = cardFromRow(row);
	// An attempt closed as of its deadline is fed in after the fact, possibly after a later review of the
	// same card: FSRS cannot go back in time, so such a review counts as of the card's last review.
	const reviewedAt =
		before.last_review && input.now < before.last_review ? before.last_review : input.now;
	const { card } = scheduler.review(before, input.rating, reviewedAt, row.id);
	// The card's move and its log row, sent together (neither depends on the other): one wait, not two.
	const moving = tx
		.update(reviewCard)
		.set({
			...columnsFromCard(card),
			...(input.source === 'review' && !row.firstSessionReviewAt
				? { firstSessionReviewAt: input.now }
				: {}),
			...(turnsLeech(before.lapses, card.lapses)
				? { leechAt: row.leechAt ?? input.now, suspendedAt: input.now }
				: {})
		})
		.where(eq(reviewCard.id, row.id));
	const logging = tx.insert(reviewLog).values({
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
	await Promise.all([moving, logging]);
	return { cardId: row.id, card };
}

/** One answer of an attempt as feeding reads it: the question as answered (its version's facts), its grade and when. */
export type FeedAnswer = {
	questionId: string | null;
	facts: string[] | null;
	score: number;
	correct: boolean;
	response: Response;
	answeredAt: Date;
};

/**
 * An attempt's answers in answer order, each with the question it answered. Submit scores the same rows
 * (an answer without its question row, which no save can make, is scored and not fed).
 */
const feedAnswersPrepared = (db: Db) =>
	db
		.select({
			questionId: questionVersion.questionId,
			facts: questionVersion.factIds,
			score: answer.score,
			correct: answer.correct,
			response: answer.response,
			answeredAt: answer.answeredAt
		})
		.from(answer)
		.leftJoin(
			attemptQuestion,
			and(
				eq(attemptQuestion.attemptId, answer.attemptId),
				eq(attemptQuestion.position, answer.position)
			)
		)
		.leftJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
		.where(eq(answer.attemptId, sql.placeholder('attemptId')))
		.orderBy(asc(answer.answeredAt))
		.prepare('feed_answers');

/**
 * The learner's existing cards for an attempt's answers (the units of cardUnitOf, in SQL: the question's
 * first fact, or the question itself when it cites none), locked in the one order every writer of a
 * learner's cards takes them in (facts, then uncited questions, by id): two submits of one learner over the
 * same facts then queue instead of deadlocking. Sent on a transaction right after the statement that locks
 * the attempt, it runs once that lock is held.
 */
const lockAttemptCardsPrepared = (db: Db) => {
	const answered = sql`from answer an
		join attempt_question aq on aq.attempt_id = an.attempt_id and aq.position = an.position
		join question_version qv on qv.id = aq.question_version_id
		where an.attempt_id = ${sql.placeholder('attemptId')}`;
	return db
		.select()
		.from(reviewCard)
		.where(
			and(
				eq(reviewCard.userId, sql.placeholder('userId')),
				sql`(${reviewCard.factId} in (select qv.fact_ids[1] ${answered})
					or ${reviewCard.questionId} in (select qv.question_id ${answered} and qv.fact_ids[1] is null))`
			)
		)
		.orderBy(sql`${reviewCard.factId} asc nulls last`, asc(reviewCard.questionId))
		.for('update')
		.prepare('lock_attempt_cards');
};

/** What feeding an attempt reads: its answers, the learner's settings and review count, their cards (locked). */
export type AttemptFeedReads = {
	answers: FeedAnswer[];
	settings: LearnerSettings;
	reviews: number;
	locked: ReviewCardRow[];
};

/**
 * The reads of feedAttemptIntoReviews, sent together (one wait). Submit sends them right behind its lock
 * of the attempt, on the same transaction: each statement starts when the one before has finished, so they
 * read what was committed once the lock was held (a save that committed meanwhile included).
 */
export async function readAttemptFeed(
	tx: Db,
	userId: string,
	attemptId: string
): Promise<AttemptFeedReads> {
	const [answers, { settings, reviews }, locked] = await Promise.all([
		prepared(tx, 'feed_answers', feedAnswersPrepared).execute({ attemptId }),
		getLearnerSettingsAndReviews(tx, userId),
		prepared(tx, 'lock_attempt_cards', lockAttemptCardsPrepared).execute({ userId, attemptId })
	]);
	return { answers: answers as FeedAnswer[], settings, reviews, locked };
}

// What feeding an attempt writes, by column (json-rows.ts): the log rows, and the cards' moves by id.
const LOG_COLUMNS = {
	cardId: reviewLog.cardId,
	userId: reviewLog.userId,
	questionId: reviewLog.questionId,
	reviewedAt: reviewLog.reviewedAt,
	rating: reviewLog.rating,
	source: reviewLog.source,
	attemptId: reviewLog.attemptId,
	elapsedMs: reviewLog.elapsedMs,
	response: reviewLog.response,
	cardBefore: reviewLog.cardBefore,
	cardAfter: reviewLog.cardAfter
};
type FeedLogRow = Required<Pick<typeof reviewLog.$inferInsert, keyof typeof LOG_COLUMNS>>;
// A card's FSRS state: the columns columnsFromCard fills.
const CARD_STATE_COLUMNS = {
	due: reviewCard.due,
	stability: reviewCard.stability,
	difficulty: reviewCard.difficulty,
	elapsedDays: reviewCard.elapsedDays,
	scheduledDays: reviewCard.scheduledDays,
	learningSteps: reviewCard.learningSteps,
	reps: reviewCard.reps,
	lapses: reviewCard.lapses,
	state: reviewCard.state,
	lastReview: reviewCard.lastReview
};
const NEW_CARD_COLUMNS = {
	userId: reviewCard.userId,
	factId: reviewCard.factId,
	questionId: reviewCard.questionId,
	...CARD_STATE_COLUMNS
};
const CARD_MOVE_COLUMNS = {
	id: reviewCard.id,
	...CARD_STATE_COLUMNS,
	leechAt: reviewCard.leechAt,
	suspendedAt: reviewCard.suspendedAt
};

/** Whether a fit of the learner's FSRS parameters may be due, from what a request that wrote reviews read. */
export type RefitState = {
	reviews: number;
	weightsReviewCount: number | null;
	optimiserFailures: number;
};

/**
 * Feeds a just-submitted attempt into the learner's reviews: one review per answered question, rated
 * from its grade and the time since the previous answer. Runs in the submit transaction, with the reads
 * of readAttemptFeed. `alongside` are the caller's own writes, sent with the feed's (one wait for all).
 * Returns how many reviews were logged and the learner's refit state after them.
 */
export async function writeAttemptFeed(
	tx: Db,
	reads: AttemptFeedReads,
	input: {
		userId: string;
		attemptId: string;
		source: 'practice' | 'assignment';
		startedAt: Date | null;
		now: Date;
	},
	alongside: PromiseLike<unknown>[] = []
) {
	const { userId, attemptId, source, now } = input;
	const { settings } = reads;
	const rows = reads.answers.flatMap((r) =>
		r.questionId !== null ? [{ ...r, questionId: r.questionId, facts: r.facts ?? [] }] : []
	);
	const refit = (logged: number): RefitState => ({
		reviews: reads.reviews + logged,
		weightsReviewCount: settings.weightsReviewCount,
		optimiserFailures: settings.optimiserFailures
	});
	// Each answer moves the card of the fact its question (as answered) asks about: two questions on one
	// fact in one quiz are two reviews of one card, in answer order.
	const units = new Map(
		rows.map((r) => {
			const unit = cardUnitOf({ id: r.questionId, facts: r.facts });
			return [unitKey(unit), unit];
		})
	);
	if (units.size === 0) {
		await Promise.all(alongside);
		return { logged: 0, refit: refit(0) };
	}
	const scheduler = schedulerFor(settings);
	let locked = reads.locked.filter((row) => units.has(unitKey(unitOfCard(row))));
	if (locked.length < units.size) {
		// Cards met for the first time: created, or (made meanwhile by another request of the learner)
		// locked and read as they are now: an upsert that changes nothing returns the row either way. In the
		// same order as the lock above, after it.
		const have = new Set(locked.map((row) => unitKey(unitOfCard(row))));
		const fresh = columnsFromCard(scheduler.newCard(now));
		const missing = [...units.entries()]
			.filter(([key]) => !have.has(key))
			.map(([, unit]) => unit)
			.sort(
				(a, b) =>
					Number(a.factId === null) - Number(b.factId === null) ||
					((a.factId ?? a.questionId)! < (b.factId ?? b.questionId)! ? -1 : 1)
			);
		const facts = missing.filter((u) => u.factId !== null);
		const uncited = missing.filter((u) => u.questionId !== null);
		const create = (
			units: CardUnit[],
			unit: typeof reviewCard.factId | typeof reviewCard.questionId
		) =>
			asPrepared(
				tx,
				sql`${insertRows(
					reviewCard,
					NEW_CARD_COLUMNS,
					units.map((u) => ({ userId, ...u, ...fresh }))
				)} on conflict (${sql.identifier(reviewCard.userId.name)}, ${sql.identifier(unit.name)})
				do update set ${sql.identifier(unit.name)} = excluded.${sql.identifier(unit.name)} returning *`
			);
		const made = await Promise.all([
			...alongside.splice(0),
			facts.length ? create(facts, reviewCard.factId) : [],
			uncited.length ? create(uncited, reviewCard.questionId) : []
		]);
		locked = [...locked, ...made.slice(-2).flatMap((result) => tableRows(reviewCard, result))];
	}
	const cards = new Map(
		locked.map((row) => [
			unitKey(unitOfCard(row)),
			{
				id: row.id,
				card: cardFromRow(row),
				lapsesBefore: row.lapses,
				factId: row.factId,
				questionId: row.questionId
			}
		])
	);
	const logRows: FeedLogRow[] = [];
	let previous = input.startedAt;
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
		const held = cards.get(unitKey(cardUnitOf({ id: r.questionId, facts: r.facts })))!;
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
	// Every card moved in one statement (the rows exist and are locked), the log in another, each from one
	// JSON parameter (json-rows.ts), sent at once with the caller's writes: none depends on another, so one
	// wait (a submit used to send three statements per answer, one after the other). A card this submit
	// made a leech is flagged (once, the first time) and suspended by the same update.
	const moves = [...cards.values()].map((c) => {
		const leech = turnsLeech(c.lapsesBefore, c.card.lapses);
		return {
			id: c.id,
			...columnsFromCard(c.card),
			leechAt: leech ? now : null,
			suspendedAt: leech ? now : null
		};
	});
	const writes: PromiseLike<unknown>[] = [
		...alongside,
		asPrepared(tx, insertRows(reviewLog, LOG_COLUMNS, logRows)),
		asPrepared(
			tx,
			updateRows(reviewCard, 'id', CARD_MOVE_COLUMNS, moves, {
				leechAt: sql`coalesce(${reviewCard.leechAt}, r.leech_at)`,
				suspendedAt: sql`coalesce(r.suspended_at, ${reviewCard.suspendedAt})`
			})
		)
	];
	await Promise.all(writes);
	return { logged: logRows.length, refit: refit(logRows.length) };
}

/**
 * Feeds an attempt into the learner's reviews (readAttemptFeed, then writeAttemptFeed), for callers that
 * hold the attempt already: an attempt released after its due time, a live session's.
 */
export async function feedAttemptIntoReviews(
	tx: Db,
	userId: string,
	attemptId: string,
	source: 'practice' | 'assignment',
	now: Date
) {
	const [reads, [started]] = await Promise.all([
		readAttemptFeed(tx, userId, attemptId),
		tx.select({ startedAt: attempt.startedAt }).from(attempt).where(eq(attempt.id, attemptId))
	]);
	const { logged } = await writeAttemptFeed(tx, reads, {
		userId,
		attemptId,
		source,
		startedAt: started?.startedAt ?? null,
		now
	});
	return logged;
}

/**
 * Answers move the learner's review cards only once their feedback is released: a card's state (learning
 * or known) says whether an answer was right. An attempt held back at submit (feedback after the due time)
 * is fed in here, the first time any view of the learner's reviews is read after its due time; under the
 * attempt's lock, so it is fed once.
 */
export async function releaseFeedback(db: Db, userId: string, now: Date) {
	await feedReleased(db, userId, now, await attemptsToRelease(db, userId, now));
}

/** All of the learner's review cards (mistakes, progress and workload read them whole). */
export function getLearnerCards(db: Db, userId: string) {
	return prepared(db, 'cards_of_learner', learnerCardsPrepared).execute({ userId });
}

const learnerCardsPrepared = (db: Db) =>
	db
		.select()
		.from(reviewCard)
		.where(eq(reviewCard.userId, sql.placeholder('userId')))
		.prepare('cards_of_learner');

/** The learner's submitted attempts whose feedback is released and not yet fed (see releaseFeedback). */
function attemptsToRelease(db: Db, userId: string, now: Date) {
	// Placeholders skip the column's own conversion: timestamps go in as ISO strings.
	return prepared(db, 'attempts_to_release', attemptsToReleasePrepared).execute({
		userId,
		now: now.toISOString()
	});
}

const attemptsToReleasePrepared = (db: Db) =>
	db
		.select({ id: attempt.id })
		.from(attempt)
		.innerJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(
			and(
				eq(attempt.userId, sql.placeholder('userId')),
				eq(attempt.status, 'submitted'),
				eq(assignment.feedback, 'after_due'),
				lte(assignment.dueAt, sql.placeholder('now')),
				ownerIsMember,
				sql`not exists (select 1 from review_log rl where rl.user_id = ${attempt.userId} and rl.attempt_id = ${attempt.id})`
			)
		)
		.prepare('attempts_to_release');

/** Feeds each of `pending` (attemptsToRelease) under the attempt's lock, so it is fed once. */
async function feedReleased(db: Db, userId: string, now: Date, pending: { id: string }[]) {
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

/** What a card may show: active questions asking about its fact (or its own uncited question), none withheld. */
function showableBy(withheld: ReadonlySet<string>) {
	return and(
		eq(question.active, true),
		or(
			sql`${questionVersion.factIds}[1] = ${reviewCard.factId}`,
			eq(question.id, reviewCard.questionId)
		),
		// The questions of an assignment still open to the learner are never reviewed (the review shows keys).
		isNoneOf(question.id, [...withheld])
	);
}

type QueueScope = {
	userId: string;
	endOfDay: Date;
	startOfDay: Date;
	/** Learning cards due before this are shown even after the day ends (see LEARN_AHEAD_MS). */
	learnAheadUntil: Date;
	withheld: ReadonlySet<string>;
};

/**
 * Cards due by the end of the learner's day (learning cards also a little beyond it, see LEARN_AHEAD_MS)
 * that have a question to show, less those buried today: a card
 * whose fact a question shown in today's review session also cites (a sibling: Anki buries them to the next
 * day), unless that review was of the card itself.
 */
function dueBy(db: Db, scope: QueueScope) {
	const showable = db
		.select({ one: sql`1` })
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(showableBy(scope.withheld));
	const siblingShownToday = db
		.select({ one: sql`1` })
		.from(reviewLog)
		.innerJoin(question, eq(question.id, reviewLog.questionId))
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(
			and(
				eq(reviewLog.userId, reviewCard.userId),
				eq(reviewLog.source, 'review'),
				gte(reviewLog.reviewedAt, scope.startOfDay),
				ne(reviewLog.cardId, reviewCard.id),
				sql`${reviewCard.factId} = any(${questionVersion.factIds})`
			)
		);
	return and(
		eq(reviewCard.userId, scope.userId),
		// One range on due (the index's), the later of the two bounds; only learning cards pass the day's end.
		lt(
			reviewCard.due,
			scope.learnAheadUntil > scope.endOfDay ? scope.learnAheadUntil : scope.endOfDay
		),
		or(lt(reviewCard.due, scope.endOfDay), inArray(reviewCard.state, ['learning', 'relearning'])),
		isNull(reviewCard.suspendedAt),
		sql`exists (${showable})`,
		sql`not exists (${siblingShownToday})`
	);
}

/**
 * The due-cards query (exported so scripts/review-explain.ts and the benchmark can EXPLAIN exactly this
 * SQL). Cards already reviewed at least once (by a quiz or a review), in queue order; new cards are asked
 * for separately (newCardsQuery).
 */
export function dueCardsQuery(db: Db, scope: QueueScope, limit: number) {
	return db
		.select()
		.from(reviewCard)
		.where(and(dueBy(db, scope), ne(reviewCard.state, 'new')))
		.orderBy(queuePriority, asc(reviewCard.due), asc(reviewCard.id))
		.limit(limit);
}

function newCardsQuery(db: Db, scope: QueueScope, limit: number) {
	return db
		.select()
		.from(reviewCard)
		.where(and(dueBy(db, scope), eq(reviewCard.state, 'new')))
		.orderBy(asc(reviewCard.due), asc(reviewCard.id))
		.limit(limit);
}

/** How many cards are due by the end of the learner's day: reviewed ones, and new ones (before the cap). */
function dueCountsQuery(db: Db, scope: QueueScope) {
	return db
		.select({
			learning:
				sql<number>`count(*) filter (where ${reviewCard.state} in ('learning', 'relearning'))`.mapWith(
					Number
				),
			reviewing: sql<number>`count(*) filter (where ${reviewCard.state} = 'review')`.mapWith(
				Number
			),
			unseen: sql<number>`count(*) filter (where ${reviewCard.state} = 'new')`.mapWith(Number)
		})
		.from(reviewCard)
		.where(dueBy(db, scope));
}

/**
 * The review page's ratings today, by rating and by the state the card was in before (the daily limits
 * count new cards introduced and review cards reviewed; the page shows the ratings).
 */
const reviewsTodayPrepared = (db: Db) =>
	db
		.select({
			rating: reviewLog.rating,
			before: sql<string>`${reviewLog.cardBefore}->>'state'`,
			count: sql<number>`count(*)::int`.mapWith(Number)
		})
		.from(reviewLog)
		.where(
			and(
				eq(reviewLog.userId, sql.placeholder('userId')),
				eq(reviewLog.source, 'review'),
				gte(reviewLog.reviewedAt, sql.placeholder('startOfDay'))
			)
		)
		.groupBy(reviewLog.rating, sql`${reviewLog.cardBefore}->>'state'`)
		.prepare('reviews_today');

/**
 * The question each card shows (pickQuestionToShow: the form this learner saw least recently), among the
 * questions it may show. Cards with none are left out.
 */
async function withQuestionsToShow(
	db: Db,
	userId: string,
	cards: ReviewCardRow[],
	withheld: ReadonlySet<string>
) {
	if (cards.length === 0) return [];
	const factIds = cards.flatMap((c) => (c.factId !== null ? [c.factId] : []));
	const uncitedIds = cards.flatMap((c) => (c.questionId !== null ? [c.questionId] : []));
	const showable = and(
		eq(question.active, true),
		or(isAnyOf(sql`${questionVersion.factIds}[1]`, factIds), isAnyOf(question.id, uncitedIds)),
		isNoneOf(question.id, [...withheld])
	);
	// The candidates and when the learner last saw each, at once (one wait): the second statement picks
	// the candidates by the same test.
	const [candidates, seen] = await Promise.all([
		db
			.select({ id: question.id, facts: questionVersion.factIds, body: questionVersion.body })
			.from(question)
			.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
			.where(showable)
			.prepare('review_candidates')
			.execute(),
		db
			.select({ questionId: reviewLog.questionId, at: max(reviewLog.reviewedAt) })
			.from(reviewLog)
			.where(
				and(
					eq(reviewLog.userId, userId),
					inArray(
						reviewLog.questionId,
						db
							.select({ id: question.id })
							.from(question)
							.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
							.where(showable)
					)
				)
			)
			.groupBy(reviewLog.questionId)
			.prepare('review_candidates_seen')
			.execute()
	]);
	const lastSeen = new Map(seen.map((s) => [s.questionId, s.at]));
	const byUnit = new Map<string, typeof candidates>();
	for (const c of candidates) {
		const key = unitKey(cardUnitOf({ id: c.id, facts: c.facts }));
		byUnit.set(key, [...(byUnit.get(key) ?? []), c]);
	}
	return cards.flatMap((card) => {
		const options = byUnit.get(unitKey(unitOfCard(card))) ?? [];
		const picked = pickQuestionToShow(
			options.map((o) => ({
				id: o.id,
				factCount: o.facts.length,
				lastSeen: lastSeen.get(o.id) ?? null
			}))
		);
		const shown = options.find((o) => o.id === picked?.id);
		return shown ? [{ card, question: { id: shown.id, body: shown.body } }] : [];
	});
}

/**
 * Cards due by the end of the learner's day, in queue order (see queuePriority), at most `limit` of them,
 * each with the question it shows, and how many are due in all (`total`). Every card that has been
 * reviewed (in a quiz or a review session), is due and has a question to show is in the queue: the daily
 * cap only limits new cards, those never reviewed, as Anki's does.
 */
export async function getDueCards(
	db: Db,
	userId: string,
	now: Date,
	limit = 100,
	knownSettings?: Awaited<ReturnType<typeof getLearnerSettings>>
) {
	// What the rest depends on, at once: the learner's settings (their day), the attempts whose feedback has
	// just been released (they move their cards first: feeding changes cards, not what is withheld) and the
	// questions withheld from them.
	const [settings, pending, withheld] = await Promise.all([
		knownSettings ?? getLearnerSettings(db, userId),
		attemptsToRelease(db, userId, now),
		getWithheldQuestionIds(db, userId, now)
	]);
	await feedReleased(db, userId, now, pending);
	const scope: QueueScope = {
		userId,
		endOfDay: endOfLearnerDay(now, settings.timeZone, settings.dayRolloverHour),
		learnAheadUntil: new Date(now.getTime() + LEARN_AHEAD_MS),
		startOfDay: startOfLearnerDay(now, settings.timeZone, settings.dayRolloverHour),
		withheld
	};
	const [[counts], today] = await Promise.all([
		dueCountsQuery(db, scope).prepare('due_counts').execute(),
		// Placeholders skip the column's own conversion: timestamps go in as ISO strings.
		prepared(db, 'reviews_today', reviewsTodayPrepared).execute({
			userId,
			startOfDay: scope.startOfDay.toISOString()
		})
	]);
	// What the review page did today, against the daily limits: new cards it introduced (reviews of a card
	// that was new before) and review cards it reviewed (of a card in the review state before).
	const introducedToday = sumOf(today, (r) => r.before === 'new');
	const reviewedToday = sumOf(today, (r) => r.before === 'review');
	// Learning cards are always shown (a card just failed comes back minutes later, as Anki's intraday
	// learning does); review cards up to the daily review limit; new ones up to the new-card cap.
	const reviewsAllowed = Math.min(
		counts.reviewing,
		Math.max(0, settings.reviewsPerDay - reviewedToday)
	);
	const newAllowed = Math.min(
		counts.unseen,
		Math.max(0, settings.newCardsPerDay - introducedToday)
	);
	// The queue's order puts every learning card before any review card: the first learning + allowed rows,
	// then new cards in the room left. The counts say how many of each there are, so both are read at once.
	const seenLimit = Math.min(limit, counts.learning + reviewsAllowed);
	const room = Math.min(newAllowed, limit - seenLimit);
	const [seen, unseen] = await Promise.all([
		seenLimit > 0 ? dueCardsQuery(db, scope, seenLimit).prepare('due_cards').execute() : [],
		room > 0 ? newCardsQuery(db, scope, room).prepare('new_cards').execute() : []
	]);
	const due = await withQuestionsToShow(db, userId, [...seen, ...unseen], withheld);
	const summary = { again: 0, hard: 0, good: 0, easy: 0 };
	for (const r of today) summary[r.rating] += r.count;
	return {
		settings,
		due,
		total: counts.learning + reviewsAllowed + newAllowed,
		today: { reviewed: sumOf(today, () => true), summary }
	};
}

function sumOf<R extends { count: number }>(rows: R[], which: (row: R) => boolean) {
	return rows.reduce((sum, r) => sum + (which(r) ? r.count : 0), 0);
}

/**
 * The review queue page: the next card (the question it shows, without key), how many remain, and today's
 * ratings (read with the daily limits' figures).
 */
export async function getReviewQueue(db: Db, userId: string, now: Date) {
	const { due, total, today } = await getDueCards(db, userId, now, 1);
	const first = due[0];
	const card = first
		? {
				cardId: first.card.id,
				state: first.card.state,
				question: presentQuestion(first.question.body, `card:${first.card.id}:${first.card.reps}`)
			}
		: null;
	return { card, remaining: total, reviewedToday: today.reviewed, summary: today.summary };
}

export async function countDueCards(db: Db, userId: string, now: Date) {
	return (await getDueCards(db, userId, now, 0)).total;
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

/**
 * One of the learner's cards with its version (the row's xmin, which every write changes) and the active
 * questions of its unit, each with when this learner last answered it (ms since the epoch, by question
 * id): what a rating or a reveal needs of the card, in one statement.
 */
const ownCardPrepared = (db: Db) =>
	db
		.select({
			card: reviewCard,
			version: sql<string>`${reviewCard}.xmin::text`,
			questions: sql<
				{ id: string; facts: string[]; body: Question }[]
			>`(select coalesce(json_agg(json_build_object('id', q.id, 'facts', qv.fact_ids, 'body', qv.body)), '[]'::json)
				from question q join question_version qv on qv.id = q.current_version_id
				where q.active and (qv.fact_ids[1] = ${reviewCard.factId} or q.id = ${reviewCard.questionId}))`,
			lastSeen: sql<Record<
				string,
				number
			> | null>`(select json_object_agg(s.question_id, s.at) from (select rl.question_id, extract(epoch from max(rl.reviewed_at)) * 1000 as at
				from review_log rl where rl.user_id = ${reviewCard.userId} and rl.question_id in (select q.id
					from question q join question_version qv on qv.id = q.current_version_id
					where q.active and (qv.fact_ids[1] = ${reviewCard.factId} or q.id = ${reviewCard.questionId}))
				group by rl.question_id) s)`
		})
		.from(reviewCard)
		.where(
			and(
				eq(reviewCard.id, sql.placeholder('cardId')),
				eq(reviewCard.userId, sql.placeholder('userId'))
			)
		)
		.prepare('own_card');

/**
 * The learner's card, its version and the question it shows: `questionId` (the one the page showed) if
 * the card may show it, else none (an error that says why); without one, the question the queue would
 * pick. One wait: the card with its questions, and the questions withheld from the learner, at once.
 */
async function getOwnCardQuestion(
	db: Db,
	userId: string,
	cardId: number,
	questionId: string | null,
	now: Date
) {
	const [[found], withheld] = await Promise.all([
		prepared(db, 'own_card', ownCardPrepared).execute({ cardId, userId }),
		getWithheldQuestionIds(db, userId, now)
	]);
	if (!found) throw new RequestError(404, 'No such review card.');
	if (questionId !== null && withheld.has(questionId)) throw new KeyWithheldError();
	const { card, version } = found;
	const unit = unitKey(unitOfCard(card));
	// The questions of this card's unit (the statement's test is wider for a question that now cites facts).
	const options = found.questions.filter((q) => unitKey(cardUnitOf(q)) === unit);
	if (questionId === null) {
		const showable = options.filter((q) => !withheld.has(q.id));
		const picked = pickQuestionToShow(
			showable.map((o) => ({
				id: o.id,
				factCount: o.facts.length,
				lastSeen: found.lastSeen?.[o.id] !== undefined ? new Date(found.lastSeen[o.id]) : null
			}))
		);
		const shown = showable.find((o) => o.id === picked?.id);
		if (!shown) throw new KeyWithheldError();
		return { card, version, question: { id: shown.id, body: shown.body } };
	}
	const asked = options.find((q) => q.id === questionId);
	if (!asked) throw new RequestError(400, 'That question is not one this card reviews.');
	return { card, version, question: { id: asked.id, body: asked.body } };
}

/** The answer side of a card: key, explanation and quotes; with a response, its grade and suggested rating. */
export async function revealCard(
	db: Db,
	userId: string,
	cardId: number,
	response: Response | null,
	now = new Date(),
	questionId: string | null = null
) {
	const { question: shown } = await getOwnCardQuestion(db, userId, cardId, questionId, now);
	const body = shown.body;
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
		questionId: shown.id,
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

/**
 * The learner's leeches (cards failed LEECH_LAPSES times or more), most lapsed first, each with the prompt
 * of the question a review would show (never one an open assignment withholds) and whether it is suspended.
 */
export async function getLeeches(db: Db, userId: string, now: Date) {
	const [cards, withheld] = await Promise.all([
		db
			.select()
			.from(reviewCard)
			.where(and(eq(reviewCard.userId, userId), isNotNull(reviewCard.leechAt)))
			.orderBy(sql`${reviewCard.lapses} desc`, asc(reviewCard.id))
			.prepare('leeches')
			.execute(),
		getWithheldQuestionIds(db, userId, now)
	]);
	return (await withQuestionsToShow(db, userId, cards, withheld)).map(({ card, question: q }) => ({
		cardId: card.id,
		prompt: q.body.prompt,
		lapses: card.lapses,
		suspended: card.suspendedAt !== null
	}));
}

/** Suspends one of the learner's cards (out of the queue) or takes it back; a leech stays flagged. */
export async function setCardSuspended(
	db: Db,
	userId: string,
	cardId: number,
	suspended: boolean,
	now: Date
) {
	const changed = await db
		.update(reviewCard)
		.set({ suspendedAt: suspended ? now : null })
		.where(and(eq(reviewCard.id, cardId), eq(reviewCard.userId, userId)))
		.returning({ id: reviewCard.id });
	if (changed.length === 0) throw new RequestError(404, 'No such review card.');
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

/** Tries of a rating whose card another request moved between its read and its write. */
const RATE_TRIES = 3;

/**
 * A rating's write, in one statement and no transaction: the card moves only if it is still the version
 * the rating was computed from (its xmin, which any write changes; an update that waited for another
 * writer checks the row that writer left), and the log row is written only with that move. Both or
 * neither: false when the card changed meanwhile (another rating of it, a submit over its fact, a
 * suspension), and the rating is computed again from the card as it is now.
 */
async function moveRatedCard(
	db: Db,
	input: {
		userId: string;
		cardId: number;
		version: string;
		questionId: string;
		before: ReviewCard;
		after: ReviewCard;
		reviewedAt: Date;
		rating: ReviewRating;
		now: Date;
		requestId: string;
		elapsedMs: number | null;
		response: Response | null;
	}
) {
	const { after } = input;
	const leech = turnsLeech(input.before.lapses, after.lapses);
	const now = input.now.toISOString();
	const result = await asPrepared(
		db,
		sql`with moved as (
			update ${reviewCard} set due = ${after.due.toISOString()}::timestamptz, stability = ${after.stability},
				difficulty = ${after.difficulty}, elapsed_days = ${after.elapsed_days}, scheduled_days = ${after.scheduled_days},
				learning_steps = ${after.learning_steps}, reps = ${after.reps}, lapses = ${after.lapses}, state = ${after.state},
				last_review = ${after.last_review?.toISOString() ?? null}::timestamptz,
				first_session_review_at = coalesce(first_session_review_at, ${now}::timestamptz),
				leech_at = case when ${leech} then coalesce(leech_at, ${now}::timestamptz) else leech_at end,
				suspended_at = case when ${leech} then ${now}::timestamptz else suspended_at end
			where id = ${input.cardId} and user_id = ${input.userId} and xmin::text = ${input.version}
			returning id)
		insert into ${reviewLog} (card_id, user_id, question_id, reviewed_at, rating, source, request_id, elapsed_ms,
			response, card_before, card_after)
		select id, ${input.userId}, ${input.questionId}, ${input.reviewedAt.toISOString()}::timestamptz,
			${ratingName(input.rating)}, 'review', ${input.requestId}, ${input.elapsedMs}::int,
			${input.response === null ? null : JSON.stringify(input.response)}::jsonb,
			${JSON.stringify(snapshot(input.before))}::jsonb, ${JSON.stringify(snapshot(after))}::jsonb
		from moved
		returning card_id`
	);
	return rowsOf(result).length === 1;
}

/**
 * The learner's rating of a card in a review session. `requestId` makes it idempotent: the same
 * request replayed (a double click, a retried post) advances the schedule once. Returns, beside the card,
 * the learner's refit state after it (see optimisationDue).
 */
export async function rateCard(
	db: Db,
	userId: string,
	cardId: number,
	rating: RatingName,
	options: {
		requestId: string;
		response: Response | null;
		elapsedMs: number | null;
		/** The question the page showed (one of the card's); without it, the one the queue picks. */
		questionId?: string | null;
	},
	now: Date
) {
	const replay = async () => {
		const [done] = await prepared(db, 'review_by_request', (d) =>
			d
				.select({ cardId: reviewLog.cardId, userId: reviewLog.userId })
				.from(reviewLog)
				.where(eq(reviewLog.requestId, sql.placeholder('requestId')))
				.prepare('review_by_request')
		).execute({ requestId: options.requestId });
		return done && done.userId === userId
			? { cardId: done.cardId, replayed: true, refit: null }
			: null;
	};
	for (let tries = 1; ; tries++) {
		// Independent reads at once: the card and its question are read beside the replay check (and
		// dropped if this is a replay, whose card may have moved since).
		const [{ settings, reviews }, seen, found] = await Promise.all([
			getLearnerSettingsAndReviews(db, userId),
			replay(),
			getOwnCardQuestion(db, userId, cardId, options.questionId ?? null, now).then(
				(value) => ({ value, error: null }),
				(error: unknown) => ({ value: null, error })
			)
		]);
		if (seen) return seen;
		if (!found.value) throw found.error;
		const { card, version, question: shown } = found.value;
		const body = shown.body;
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
		const before = cardFromRow(card);
		// As in recordReview: FSRS cannot go back in time (an attempt closed as of its deadline, fed in late).
		const reviewedAt = before.last_review && now < before.last_review ? before.last_review : now;
		const { card: after } = schedulerFor(settings).review(
			before,
			RATING_OF[rating],
			reviewedAt,
			card.id
		);
		let moved;
		try {
			moved = await moveRatedCard(db, {
				userId,
				cardId,
				version,
				questionId: shown.id,
				before,
				after,
				reviewedAt,
				rating: RATING_OF[rating],
				now,
				requestId: options.requestId,
				elapsedMs: options.elapsedMs,
				response: options.response
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
		if (moved)
			return {
				cardId,
				replayed: false,
				refit: {
					reviews: reviews + 1,
					weightsReviewCount: settings.weightsReviewCount,
					optimiserFailures: settings.optimiserFailures
				} satisfies RefitState
			};
		if (tries >= RATE_TRIES)
			throw new RequestError(409, 'This card changed while you rated it: rate it again.');
	}
}
