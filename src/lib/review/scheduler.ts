// Spaced-repetition scheduling: a thin wrapper over ts-fsrs (FSRS-6). All the maths is ts-fsrs's;
// this module only fixes the parameters, validates them, and turns ts-fsrs cards and logs into
// plain objects whose fields map one-to-one onto database columns.

import {
	Rating,
	State,
	StrategyMode,
	checkParameters,
	createEmptyCard,
	forgetting_curve,
	fsrs,
	generatorParameters,
	type AbstractScheduler,
	type Card,
	type FSRS,
	type FSRSParameters,
	type ReviewLog
} from 'ts-fsrs';
import { learnerClockMs } from '../time/zones.ts';
import { ratingName, type RatingName, type ReviewRating } from './rating.ts';

const DAY_MS = 86_400_000;
const FUZZ_KEY = 'fuzz_key';

export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
export const DEFAULT_RETENTION = 0.9;

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/** A card's scheduling state. Field names are ts-fsrs's (and the database columns'). */
export type ReviewCard = {
	due: Date;
	stability: number;
	difficulty: number;
	/** Days between the last two reviews. Deprecated in ts-fsrs 5 (to be removed in 6); kept because ts-fsrs still fills it. */
	elapsed_days: number;
	scheduled_days: number;
	/** Index of the current (re)learning step. */
	learning_steps: number;
	reps: number;
	lapses: number;
	state: CardState;
	last_review: Date | null;
};

/** One review as ts-fsrs records it: the card's memory state and due date before the review, and the rating given. */
export type ReviewLogEntry = {
	rating: RatingName;
	state: CardState;
	due: Date;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	last_elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	review: Date;
};

export type SchedulerOptions = {
	/** Probability of recall the schedule aims for when a card falls due; in [0.7, 0.97]. */
	desiredRetention?: number;
	/** FSRS weights (17, 19 or 21 numbers, e.g. from the optimizer); ts-fsrs's defaults when omitted. */
	weights?: readonly number[];
	/** Random spread of long intervals (ts-fsrs's enable_fuzz); off by default so schedules are reproducible. */
	fuzz?: boolean;
	/**
	 * The learner's day, by which FSRS counts the days between reviews: their time zone and the hour their
	 * day starts. Default: UTC days from midnight (ts-fsrs's own count).
	 */
	day?: LearnerDay;
};

export type LearnerDay = { timeZone: string; rolloverHour: number };

export type Scheduler = {
	/** The full ts-fsrs parameters in use (for logging, or for building an identical ts-fsrs instance). */
	readonly params: Readonly<FSRSParameters>;
	newCard(now: Date): ReviewCard;
	/** `fuzzKey` (the card's id) spreads the due dates of cards reviewed together when fuzz is on. */
	review(
		card: ReviewCard,
		rating: ReviewRating,
		now: Date,
		fuzzKey?: string | number
	): { card: ReviewCard; log: ReviewLogEntry };
	/** Probability of recall at `now`, in [0, 1]; 0 for a card never reviewed. */
	retrievability(card: ReviewCard, now: Date): number;
};

const STATE_NAMES: Record<State, CardState> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning'
};
const STATES: Record<CardState, State> = {
	new: State.New,
	learning: State.Learning,
	review: State.Review,
	relearning: State.Relearning
};

function stateName(state: State): CardState {
	const name = STATE_NAMES[state];
	if (!name) throw new RangeError(`unknown FSRS state: ${String(state)}`);
	return name;
}

function checkDate(date: Date, what: string): Date {
	if (!(date instanceof Date) || !Number.isFinite(date.getTime()))
		throw new RangeError(`${what} must be a valid Date`);
	return date;
}

/** A ts-fsrs card from a stored card (fresh Date objects, so ts-fsrs never shares them with the caller). */
export function toFsrsCard(card: ReviewCard): Card {
	const state = STATES[card.state];
	if (state === undefined) throw new RangeError(`unknown card state: ${String(card.state)}`);
	return {
		due: new Date(checkDate(card.due, 'card.due')),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state,
		last_review: card.last_review
			? new Date(checkDate(card.last_review, 'card.last_review'))
			: undefined
	};
}

/** A plain stored card from a ts-fsrs card: exactly the ReviewCard fields, null instead of undefined. */
export function fromFsrsCard(card: Card): ReviewCard {
	return {
		due: new Date(card.due),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: stateName(card.state),
		last_review: card.last_review ? new Date(card.last_review) : null
	};
}

function fromFsrsLog(log: ReviewLog): ReviewLogEntry {
	if (log.rating === Rating.Manual)
		throw new RangeError('manual reviews are not produced by this scheduler');
	return {
		rating: ratingName(log.rating),
		state: stateName(log.state),
		due: new Date(log.due),
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps,
		review: new Date(log.review)
	};
}

function checkRetention(retention: number): number {
	if (
		typeof retention !== 'number' ||
		!Number.isFinite(retention) ||
		retention < MIN_RETENTION ||
		retention > MAX_RETENTION
	) {
		throw new RangeError(
			`desired retention must be a number between ${MIN_RETENTION} and ${MAX_RETENTION}, got ${String(retention)}`
		);
	}
	return retention;
}

function checkWeights(weights: readonly number[]): number[] {
	try {
		return [...checkParameters(weights)];
	} catch (e) {
		throw new RangeError(`invalid FSRS weights: ${e instanceof Error ? e.message : String(e)}`, {
			cause: e
		});
	}
}

/**
 * One learning step of ten minutes (ts-fsrs's default is 1 and 10 minutes): a wrong answer (Again) or a hard
 * one comes back later the same day, while a right first answer (Good) graduates at once to a review some days
 * on. With two steps every question answered right in a quiz would also be due again ten minutes later,
 * burying the learner's mistakes under what they already knew.
 */
export const LEARNING_STEPS = ['10m'] as const;

/**
 * How far ahead a learning card may be shown (Anki's "learn ahead limit", 20 minutes by default): a card
 * failed minutes before the learner's day ends (4 a.m. unless they choose otherwise) falls due in the next
 * day, yet the review queue offers it now rather than answering "nothing due" until the day turns.
 */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export function createScheduler({
	desiredRetention = DEFAULT_RETENTION,
	weights,
	fuzz = false,
	day = { timeZone: 'UTC', rolloverHour: 0 }
}: SchedulerOptions = {}): Scheduler {
	// ts-fsrs counts the days between reviews by UTC calendar date. Handing it the learner's clock (wall
	// time in their zone less the rollover hours, whose UTC date is the learner's day) makes it count the
	// learner's days; the due time it returns is moved back by the same amount.
	const learnerClock = (date: Date) =>
		new Date(learnerClockMs(date, day.timeZone, day.rolloverHour));
	const params = generatorParameters({
		request_retention: checkRetention(desiredRetention),
		enable_fuzz: fuzz,
		learning_steps: [...LEARNING_STEPS],
		...(weights === undefined ? {} : { w: checkWeights(weights) })
	});
	const engine: FSRS = fsrs(params);
	// ts-fsrs seeds its fuzz with the review time, reps and memory state: cards answered together in one
	// quiz, alike in all three, would get the same fuzz and fall due together. The card's own key goes in.
	if (fuzz)
		engine.useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
			const key = Reflect.get(this.current, FUZZ_KEY) as string | number | undefined;
			return `${key ?? ''}_${this.current.reps}_${this.review_time.getTime()}`;
		});

	return {
		params,
		newCard: (now) => fromFsrsCard(createEmptyCard(checkDate(now, 'now'))),
		review(card, rating, now, fuzzKey) {
			if (
				rating !== Rating.Again &&
				rating !== Rating.Hard &&
				rating !== Rating.Good &&
				rating !== Rating.Easy
			) {
				throw new RangeError(`not a review rating: ${String(rating)}`);
			}
			const at = learnerClock(checkDate(now, 'now'));
			const shift = at.getTime() - now.getTime();
			const input = toFsrsCard(card);
			if (fuzzKey !== undefined) Reflect.set(input, FUZZ_KEY, fuzzKey);
			input.due = learnerClock(input.due);
			if (input.last_review) input.last_review = learnerClock(input.last_review);
			const result = engine.next(input, at, rating);
			const moved = fromFsrsCard(result.card);
			const log = fromFsrsLog(result.log);
			return {
				card: {
					...moved,
					due: new Date(moved.due.getTime() - shift),
					last_review: new Date(now)
				},
				log: { ...log, due: new Date(log.due.getTime() - shift), review: new Date(now) }
			};
		},
		// ts-fsrs's get_retrievability counts whole UTC days since the last review (0 for anything under a
		// day, so 1.0 the next morning); the forgetting curve is defined on elapsed time, so it gets the
		// fractional days.
		retrievability(card, now) {
			const at = checkDate(now, 'now').getTime();
			if (card.state === 'new' || !card.last_review) return 0;
			const elapsedDays = Math.max(
				0,
				(at - checkDate(card.last_review, 'card.last_review').getTime()) / DAY_MS
			);
			return forgetting_curve(params.w, elapsedDays, card.stability);
		}
	};
}

/**
 * A card's state from its reviews alone, replayed in time order with this scheduler (new weights, say):
 * what the card would be had these weights been in use all along. A review logged before the previous
 * one (an attempt fed in as of its deadline) counts as of the previous one, as when it was recorded.
 */
export function replayReviews(
	scheduler: Scheduler,
	reviews: readonly { rating: ReviewRating; reviewedAt: Date }[],
	fuzzKey?: string | number
): ReviewCard | null {
	if (reviews.length === 0) return null;
	let card = scheduler.newCard(reviews[0].reviewedAt);
	for (const r of reviews) {
		const at =
			card.last_review && r.reviewedAt < card.last_review ? card.last_review : r.reviewedAt;
		card = scheduler.review(card, r.rating, at, fuzzKey).card;
	}
	return card;
}
