// How an answer becomes an FSRS rating.
//
// Quiz answers are rated automatically from their grade (and, when known, the time taken);
// in a review session the learner rates themselves with the four FSRS buttons.

import { Rating, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade } from '../quiz/types.ts';

export { Rating };

/** One of the four ratings a review can have (ts-fsrs's Rating without Manual). */
export type ReviewRating = FsrsGrade;

export type RatingName = 'again' | 'hard' | 'good' | 'easy';

export const RATING_NAMES: readonly RatingName[] = ['again', 'hard', 'good', 'easy'];

/** Time a question is expected to take when nothing better is known. */
export const DEFAULT_EXPECTED_MS = 20_000;
/** An answer taking more than this many times the expected time counts as slow. */
export const SLOW_FACTOR = 2;

/** The automatic mapping in words, for the UI and the README. Keep in step with ratingForAnswer. */
export const RATING_RULES: string[] = [
	'Right answer, given within twice the expected time (20 seconds per question unless stated): Good.',
	'Right answer that took more than twice the expected time: Hard.',
	'Partly right, or wrong: Again. (In FSRS, Hard is a pass: right, with effort.)',
	'When the time taken is unknown it is ignored. Easy is never given automatically; only you can rate a card Easy in a review session.'
];

export type AnswerOutcome = Grade & {
	/** Time the learner took, in milliseconds; null/undefined when unknown. */
	elapsedMs?: number | null;
	/** Time the question should take, in milliseconds; defaults to DEFAULT_EXPECTED_MS. */
	expectedMs?: number;
};

/**
 * The rating for an automatically graded answer (see RATING_RULES):
 * - correct: Good, or Hard when elapsedMs > SLOW_FACTOR × expectedMs;
 * - not correct, whatever the partial credit: Again.
 * FSRS reads Hard as recalled (a pass that grows the interval a little); a partly right answer is a
 * failure to recall the fact, so it is Again, as the FSRS community asks of Anki users ("Hard is a passing
 * grade"). Partial credit counts in the quiz's score, not in the memory model.
 */
export function ratingForAnswer({
	score,
	correct,
	elapsedMs,
	expectedMs = DEFAULT_EXPECTED_MS
}: AnswerOutcome): ReviewRating {
	if (!Number.isFinite(score) || score < 0 || score > 1)
		throw new RangeError(`score must be a number in [0, 1], got ${score}`);
	if (!Number.isFinite(expectedMs) || expectedMs <= 0)
		throw new RangeError(`expectedMs must be a positive number, got ${expectedMs}`);

	if (!correct) return Rating.Again;

	const timeKnown = typeof elapsedMs === 'number' && Number.isFinite(elapsedMs) && elapsedMs >= 0;
	if (timeKnown && elapsedMs > SLOW_FACTOR * expectedMs) return Rating.Hard;
	return Rating.Good;
}

const BY_NAME: Record<RatingName, ReviewRating> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

/** A self-rating from a form or URL ('again' | 'hard' | 'good' | 'easy', any case, surrounding spaces allowed); null for anything else. */
export function parseRating(value: unknown): ReviewRating | null {
	if (typeof value !== 'string') return null;
	const key = value.trim().toLowerCase();
	return Object.hasOwn(BY_NAME, key) ? BY_NAME[key as RatingName] : null;
}

/** The lowercase name of a rating, as stored and as sent by forms. */
export function ratingName(rating: ReviewRating): RatingName {
	switch (rating) {
		case Rating.Again:
			return 'again';
		case Rating.Hard:
			return 'hard';
		case Rating.Good:
			return 'good';
		case Rating.Easy:
			return 'easy';
		default:
			throw new RangeError(`not a review rating: ${String(rating)}`);
	}
}

/**
 * The ratings a learner may give a card after its answer was graded: after an answer the server graded
 * wrong (or partly right) only Again, as a pass (Hard, Good, Easy) would teach FSRS that a forgotten fact
 * was recalled; after a right answer, or when they only looked at the answer, any of the four.
 */
export function allowedRatings(grade: { correct: boolean } | null): RatingName[] {
	return grade && !grade.correct ? ['again'] : [...RATING_NAMES];
}
