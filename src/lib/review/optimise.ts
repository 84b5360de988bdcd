// Fitting the learner's own FSRS weights from their review log, with @open-spaced-repetition/binding
// (fsrs-rs, the optimiser Anki uses) — and adopting them only when they predict that log better.
//
// Pure except optimiseParameters, which runs the native optimiser: about 0.3 s in all on a 12,580-review log.
// Server-side only (a native Node addon).
// Scheduling itself stays in scheduler.ts (ts-fsrs); the weights found here are passed to it as `weights`.

import {
	FSRSBinding,
	FSRSBindingItem,
	FSRSBindingReview,
	computeParameters,
	type ComputeParametersOptions
} from '@open-spaced-repetition/binding';
import { checkParameters, default_w } from 'ts-fsrs';
import { learnerDayNumber } from '../time/zones.ts';
import type { ReviewRating } from './rating.ts';

/**
 * Fewer reviews than this and the weights are not optimised at all: ts-fsrs's defaults (or the
 * learner's current weights) stay.
 *
 * The optimiser fits 21 weights by gradient descent on the learner's history; on a few hundred reviews
 * the fit is noisy, and the defaults (themselves fitted on the reviews of thousands of Anki users) often
 * predict recall as well. Anki refuses to optimise below the same figure: its message
 * `deck-config-must-have-400-reviews` (ftl/core/deck-config.ftl) reads "Only N reviews were found. You
 * must have at least 400 reviews for this operation." (Anki 23.10 required 1000, as
 * `deck-config-must-have-1000-reviews`.) The keep-if-worse check in optimiseParameters is a second guard.
 */
export const MIN_REVIEWS_TO_OPTIMISE = 400;

/**
 * Fewer distinct cards than this and the weights are not optimised either, however many reviews there are.
 * The first-review stabilities (w0–w3) are estimated across cards, one first interval per card per first
 * rating; a few hundred reviews of a dozen cards say little about how this learner's memory works in
 * general. A guard against degenerate logs (e.g. one card drilled hundreds of times), not a figure from
 * the FSRS literature.
 */
export const MIN_CARDS_TO_OPTIMISE = 20;

/**
 * How often, in ms, the binding's progress thread wakes up (computeParameters' `timeout` option). The
 * binding joins that thread before resolving, and the thread only sees that training has finished when it
 * next wakes, so every call takes up to this much longer; the default is 500 ms. Measured on the real
 * 12,580-review log (6,372 items, median of 5): training itself ~35 ms; timeout omitted 508 ms, 100 → 106,
 * 50 → 56, 10 → 36, 5 → 38, 1 → 35, 0 → 41 ms (0 makes the thread spin on the progress lock). 1 it is.
 */
export const PROGRESS_POLL_MS = 1;

/** One review as stored: which card, the rating given, and when. */
export type ReviewLogRow = {
	cardId: string | number;
	rating: ReviewRating;
	reviewedAt: Date;
};

/** One review in a training history: its rating and the whole learner days since the card's previous review (0 for the first). */
export type TrainingReview = { rating: ReviewRating; deltaT: number };

/** The history fsrs-rs trains on for one review: the card's reviews up to and including that one. */
export type TrainingHistory = {
	cardId: string | number;
	/** When the last review of `reviews` (the one whose outcome is predicted) happened. */
	reviewedAt: Date;
	reviews: TrainingReview[];
};

function checkRow(row: ReviewLogRow, index: number): void {
	const { cardId, rating, reviewedAt } = row;
	if (!(
		(typeof cardId === 'string' && cardId !== '') ||
		(typeof cardId === 'number' && Number.isFinite(cardId))
	)) {
		throw new RangeError(`log[${index}].cardId must be a non-empty string or a finite number`);
	}
	if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) {
		throw new RangeError(`log[${index}].rating must be 1, 2, 3 or 4, got ${String(rating)}`);
	}
	if (!(reviewedAt instanceof Date) || !Number.isFinite(reviewedAt.getTime())) {
		throw new RangeError(`log[${index}].reviewedAt must be a valid Date`);
	}
}

/**
 * The training histories of a review log, as plain data (buildTrainingItems wraps them for the binding).
 *
 * Reviews are grouped by card (cardId compared with ===, so 7 and '7' are different cards) and put in time
 * order (ties keep log order). Each review's deltaT is the number of the learner's days
 * (learnerDayNumber in `timeZone`, days starting at `rolloverHour`) between it and the card's previous review: 23:30 and 00:30 the next
 * local day are 1 day apart; 00:30 and 23:30 the same day are 0. The card's first review has deltaT 0.
 *
 * Each review after a card's first that comes on a later learner day than the card's previous review
 * (its deltaT > 0) gives one history: the card's reviews up to and including it. That is Anki's rule
 * (fsrs_items_for_training in rslib/src/scheduler/fsrs/params.rs keeps an item only if its last review's
 * delta_t > 0), and fsrs-rs needs it here: FSRSBinding.evaluate rejects the whole set with InvalidInput
 * if any item ends in a same-day review (checked against the binding, 0.5.0), and an item with no
 * delta_t > 0 at all makes fsrs-rs panic and abort the process. (The binding's own CSV converter keeps
 * any history with some long-term review — include_long_term_reviews — which computeParameters accepts
 * but evaluate does not.) Same-day reviews stay inside histories, for the short-term weights.
 * Histories come out in time order of their last review.
 */
export function buildTrainingHistories(
	log: readonly ReviewLogRow[],
	timeZone: string,
	rolloverHour = 0
): TrainingHistory[] {
	const byCard = new Map<string | number, { row: ReviewLogRow; order: number }[]>();
	log.forEach((row, order) => {
		checkRow(row, order);
		const reviews = byCard.get(row.cardId);
		if (reviews) reviews.push({ row, order });
		else byCard.set(row.cardId, [{ row, order }]);
	});

	const histories: TrainingHistory[] = [];
	for (const [cardId, entries] of byCard) {
		entries.sort(
			(a, b) => a.row.reviewedAt.getTime() - b.row.reviewedAt.getTime() || a.order - b.order
		);
		const reviews: TrainingReview[] = [];
		let previousDay = 0;
		entries.forEach(({ row }, i) => {
			const day = learnerDayNumber(row.reviewedAt, timeZone, rolloverHour);
			const deltaT = i === 0 ? 0 : day - previousDay;
			previousDay = day;
			reviews.push({ rating: row.rating, deltaT });
			if (deltaT > 0)
				histories.push({ cardId, reviewedAt: row.reviewedAt, reviews: reviews.slice() });
		});
	}
	return histories.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
}

/** Training histories as the binding's FSRSItems. */
export function toBindingItems(histories: readonly TrainingHistory[]): FSRSBindingItem[] {
	return histories.map(
		(h) => new FSRSBindingItem(h.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT)))
	);
}

/** The FSRSItems fsrs-rs trains and evaluates on, from a review log (see buildTrainingHistories). */
export function buildTrainingItems(
	log: readonly ReviewLogRow[],
	timeZone: string,
	rolloverHour = 0
): FSRSBindingItem[] {
	return toBindingItems(buildTrainingHistories(log, timeZone, rolloverHour));
}

/** A set of weights and how well they predict the log (log loss: lower is better). */
export type ScoredParameters<P> = { params: P; logLoss: number };

/**
 * The keep-if-worse rule: the candidate is adopted only if its log loss is finite and strictly lower than
 * the current one's; a tie, a worse score or a NaN keeps the current weights.
 */
export function chooseParameters<P>(
	current: ScoredParameters<P>,
	candidate: ScoredParameters<P>
): { decision: 'kept' | 'adopted'; params: P; logLoss: number } {
	const better = Number.isFinite(candidate.logLoss) && candidate.logLoss < current.logLoss;
	return better
		? { decision: 'adopted', params: candidate.params, logLoss: candidate.logLoss }
		: { decision: 'kept', params: current.params, logLoss: current.logLoss };
}

export type OptimiseResult = {
	decision: 'kept' | 'adopted' | 'too-few-reviews';
	/** The weights to schedule with from now on: the fitted ones when adopted, otherwise `current` as given (null: ts-fsrs's defaults). */
	parameters: number[] | null;
	/** Log loss of the current weights (ts-fsrs's defaults when current is null) on the folds' held-out reviews; NaN when too-few-reviews. */
	logLossCurrent: number;
	/** Log loss on the same reviews of weights fitted on the reviews before each; null when too-few-reviews. */
	logLossNew: number | null;
	/** Held-out RMSE(bins) of the current and the fitted weights (fsrs-rs's calibration measure). */
	rmseBinsCurrent?: number;
	rmseBinsNew?: number | null;
	/** The weights fitted on the whole log, adopted or not. */
	candidate?: number[];
	/** Number of reviews in the log. */
	reviews: number;
	/** Training items (all fitted on when adopted), and how many of them the folds held out. */
	trainItems?: number;
	heldOutItems?: number;
};

/**
 * Time-ordered folds (as sklearn's TimeSeriesSplit, which the FSRS benchmark uses): the training histories,
 * in time order, cut into FOLDS + 1 equal parts; fold k trains on parts 0..k-1 and is judged on part k.
 */
export const FOLDS = 4;

export function foldsByTime<H>(histories: readonly H[], folds = FOLDS) {
	const cut = (k: number) => Math.floor((histories.length * k) / (folds + 1));
	return Array.from({ length: folds }, (_, i) => ({
		train: histories.slice(0, cut(i + 1)),
		heldOut: histories.slice(cut(i + 1), cut(i + 2))
	})).filter((f) => f.train.length > 0 && f.heldOut.length > 0);
}

/** ts-fsrs's default FSRS-6 weights (21 numbers), the ones scheduler.ts uses when no weights are stored. */
export function defaultParameters(): number[] {
	return [...default_w];
}

/** Log loss of `params` on `items`, by fsrs-rs. Throws if fsrs-rs rejects the weights or finds too little data. */
export function logLoss(params: readonly number[], items: FSRSBindingItem[]): number {
	return new FSRSBinding([...params]).evaluate(items).logLoss;
}

/** Options passed to computeParameters: short-term (same-day) weights trained, progress polled every PROGRESS_POLL_MS. */
export const COMPUTE_OPTIONS: ComputeParametersOptions = {
	enableShortTerm: true,
	timeout: PROGRESS_POLL_MS
};

function isNotEnoughData(e: unknown): boolean {
	return e instanceof Error && e.message.includes('NotEnoughData');
}

function isUsableWeights(params: readonly number[]): boolean {
	if (!params.every(Number.isFinite)) return false;
	try {
		checkParameters(params); // what scheduler.ts will run them through
		return true;
	} catch {
		return false;
	}
}

/**
 * Fits FSRS weights to the learner's review log and decides whether to switch to them, out of sample.
 *
 * Below MIN_REVIEWS_TO_OPTIMISE reviews or MIN_CARDS_TO_OPTIMISE cards, or when no review comes a day or
 * more after the card's previous one (no training items): 'too-few-reviews', nothing run. Otherwise the
 * fitting is judged as the FSRS benchmark judges it, on time-ordered folds (foldsByTime): in each, fsrs-rs
 * fits weights on the earlier reviews, and those and the current weights (ts-fsrs's defaults when
 * `current` is null) predict the next part, which neither has seen. The fit on the whole log is adopted
 * only if fitting beat the current weights in every fold (one fold where it predicts worse and the current
 * weights stay: on a young log the folds disagree, and a fit that wins on average still loses on the
 * learner's next reviews) and on all held-out reviews together, and ts-fsrs accepts the weights.
 * Scoring on the reviews fitted, as this did before, adopts every fit: a fit always explains its own data.
 */
export async function optimiseParameters(
	log: readonly ReviewLogRow[],
	timeZone: string,
	current: readonly number[] | null,
	rolloverHour = 0
): Promise<OptimiseResult> {
	const histories = await buildTrainingHistoriesYielding(log, timeZone, rolloverHour); // validates the log and the zone
	const reviews = log.length;
	const cards = new Set(log.map((row) => row.cardId)).size;
	const currentParams = current === null ? null : [...current];
	const tooFew: OptimiseResult = {
		decision: 'too-few-reviews',
		parameters: currentParams,
		logLossCurrent: NaN,
		logLossNew: null,
		reviews
	};
	if (reviews < MIN_REVIEWS_TO_OPTIMISE || cards < MIN_CARDS_TO_OPTIMISE || histories.length === 0)
		return tooFew;

	let evaluator: FSRSBinding;
	try {
		evaluator = new FSRSBinding(currentParams ?? defaultParameters());
	} catch (e) {
		throw new RangeError(
			`current FSRS weights rejected by fsrs-rs: ${e instanceof Error ? e.message : String(e)}`,
			{ cause: e }
		);
	}
	const folds = foldsByTime(histories);
	const sum = { current: 0, fitted: 0, rmseCurrent: 0, rmseFitted: 0, items: 0 };
	let everyFoldBetter = folds.length > 0;
	let fitted: number[];
	try {
		for (const fold of folds) {
			const heldOut = toBindingItems(fold.heldOut);
			let byCurrent;
			try {
				byCurrent = evaluator.evaluate(heldOut);
			} catch (e) {
				if (isNotEnoughData(e)) continue; // nothing fsrs-rs can score in this part
				throw e;
			}
			let byFit = { logLoss: NaN, rmseBins: NaN };
			try {
				const weights = await computeParameters(toBindingItems(fold.train), COMPUTE_OPTIONS);
				if (isUsableWeights(weights)) byFit = new FSRSBinding(weights).evaluate(heldOut);
			} catch (e) {
				if (!isNotEnoughData(e)) throw e; // too little to fit on: this fold counts as lost
			}
			if (!(byFit.logLoss < byCurrent.logLoss)) everyFoldBetter = false;
			const n = heldOut.length;
			sum.current += byCurrent.logLoss * n;
			sum.fitted += byFit.logLoss * n;
			sum.rmseCurrent += byCurrent.rmseBins * n;
			sum.rmseFitted += byFit.rmseBins * n;
			sum.items += n;
		}
		fitted = await computeParameters(toBindingItems(histories), COMPUTE_OPTIONS);
	} catch (e) {
		// fsrs-rs drops outliers (rare first intervals) and scores only histories with two or more
		// long-term reviews; when nothing is left it reports NotEnoughData.
		if (isNotEnoughData(e)) return tooFew;
		throw e;
	}
	if (sum.items === 0) return tooFew;
	const logLossCurrent = sum.current / sum.items;
	const logLossNew = sum.fitted / sum.items;
	const choice = chooseParameters<number[] | null>(
		{ params: currentParams, logLoss: logLossCurrent },
		{
			params: fitted,
			logLoss: everyFoldBetter && isUsableWeights(fitted) ? logLossNew : NaN
		}
	);
	return {
		decision: choice.decision,
		parameters: choice.params,
		logLossCurrent,
		logLossNew,
		rmseBinsCurrent: sum.rmseCurrent / sum.items,
		rmseBinsNew: sum.rmseFitted / sum.items,
		candidate: fitted,
		reviews,
		trainItems: histories.length,
		heldOutItems: sum.items
	};
}

/**
 * buildTrainingHistories in slices of cards, giving the event loop a turn between slices: on a long log
 * (12,580 reviews: 140–240 ms in one go) other requests of this process are then not held up behind it.
 */
export async function buildTrainingHistoriesYielding(
	log: readonly ReviewLogRow[],
	timeZone: string,
	rolloverHour = 0
): Promise<TrainingHistory[]> {
	const byCard = new Map<string | number, ReviewLogRow[]>();
	log.forEach((row, order) => {
		checkRow(row, order);
		const rows = byCard.get(row.cardId);
		if (rows) rows.push(row);
		else byCard.set(row.cardId, [row]);
	});
	const groups = [...byCard.values()];
	const histories: TrainingHistory[] = [];
	const SLICE = 100; // cards per turn: ~1,000 reviews, a few ms
	for (let i = 0; i < groups.length; i += SLICE) {
		histories.push(
			...buildTrainingHistories(groups.slice(i, i + SLICE).flat(), timeZone, rolloverHour)
		);
		await new Promise((resolve) => setImmediate(resolve));
	}
	return histories.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
}
