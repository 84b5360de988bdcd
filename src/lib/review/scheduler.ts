// Spaced-repetition scheduling: a thin wrapper over ts-fsrs (FSRS-6). All the maths is ts-fsrs's;
// this module only fixes the parameters, validates them, and turns ts-fsrs cards and logs into
// plain objects whose fields map one-to-one onto database columns.

import {
	Rating,
	State,
	checkParameters,
	createEmptyCard,
	forgetting_curve,
	fsrs,
	generatorParameters,
	type Card,
	type FSRS,
	type FSRSParameters,
	type ReviewLog
} from 'ts-fsrs';
import { ratingName, type RatingName, type ReviewRating } from './rating.ts';

const DAY_MS = 86_400_000;

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
};

export type Scheduler = {
	/** The full ts-fsrs parameters in use (for logging, or for building an identical ts-fsrs instance). */
	readonly params: Readonly<FSRSParameters>;
	newCard(now: Date): ReviewCard;
	review(
		card: ReviewCard,
		rating: ReviewRating,
		now: Date
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

export function createScheduler({
	desiredRetention = DEFAULT_RETENTION,
	weights,
	fuzz = false
}: SchedulerOptions = {}): Scheduler {
	const params = generatorParameters({
		request_retention: checkRetention(desiredRetention),
		enable_fuzz: fuzz,
		learning_steps: [...LEARNING_STEPS],
		...(weights === undefined ? {} : { w: checkWeights(weights) })
	});
	const engine: FSRS = fsrs(params);

	return {
		params,
		newCard: (now) => fromFsrsCard(createEmptyCard(checkDate(now, 'now'))),
		review(card, rating, now) {
			if (
				rating !== Rating.Again &&
				rating !== Rating.Hard &&
				rating !== Rating.Good &&
				rating !== Rating.Easy
			) {
				throw new RangeError(`not a review rating: ${String(rating)}`);
			}
			const result = engine.next(toFsrsCard(card), new Date(checkDate(now, 'now')), rating);
			return { card: fromFsrsCard(result.card), log: fromFsrsLog(result.log) };
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
