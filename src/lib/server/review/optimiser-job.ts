// Fitting a learner's FSRS parameters to their own log, in the background: a request only queues the
// job and returns; one job runs at a time per process, and one process at a time per learner (a lease on
// the learner's settings row, so app processes sharing a database do not fit the same log twice); new
// parameters are adopted only if they predict held-out reviews better (optimiseParameters), and then
// every card's memory state is recomputed from its log with them.
import { and, asc, count, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { MIN_REVIEWS_TO_OPTIMISE, optimiseParameters } from '../../review/optimise.ts';
import { RATING_NAMES, type ReviewRating } from '../../review/rating.ts';
import { replayReviews } from '../../review/scheduler.ts';
import type { Db } from '../db/index.ts';
import { learnerSettings, reviewCard, reviewLog } from '../db/schema.ts';
import { getLearnerSettings, schedulerFor, type RefitState } from './cards.ts';

/** Refit after this many new reviews since the last fit (or check). */
export const REFIT_EVERY = 100;
/** After a failed run the wait doubles, up to 2^MAX_BACKOFF_DOUBLINGS × REFIT_EVERY reviews. */
export const MAX_BACKOFF_DOUBLINGS = 6;
/** How long one process may hold a learner's fit before another may take it over (a crashed process). */
export const LEASE_MS = 10 * 60 * 1000;

const queued = new Set<string>();
let running: Promise<void> = Promise.resolve();

/**
 * Queues a fit for this learner if one is worth running; never waits for it. With `refit` (what a submit or
 * a rating read and wrote: see RefitState), nothing is queued unless optimisationDue says a fit is due: the
 * job would read the same figures again only to decide to do nothing.
 */
export function scheduleOptimisation(db: Db, userId: string, refit?: RefitState | null) {
	if (refit === null || (refit && !optimisationDue(refit))) return;
	if (queued.has(userId)) return;
	queued.add(userId);
	running = running.then(async () => {
		queued.delete(userId);
		try {
			await runOptimisation(db, userId);
		} catch (e) {
			console.error(`FSRS optimisation for ${userId} failed; the previous parameters stay.`, e);
		}
	});
}

/** Reviews to wait for after the last run, given the failures in a row since the last success. */
export function reviewsBeforeNextRun(failures: number) {
	return REFIT_EVERY * 2 ** Math.min(Math.max(0, failures), MAX_BACKOFF_DOUBLINGS);
}

/**
 * Whether a fit is due: enough reviews in all, and, after an earlier run, enough new ones since (more after
 * failures). The job decides so (runOptimisation), and so does a request before queueing it.
 */
export function optimisationDue(state: RefitState) {
	if (state.reviews < MIN_REVIEWS_TO_OPTIMISE) return false;
	return (
		state.weightsReviewCount === null ||
		state.reviews - state.weightsReviewCount >= reviewsBeforeNextRun(state.optimiserFailures ?? 0)
	);
}

/** Claims this learner's fit for LEASE_MS; false when another process holds it. */
async function claimLease(db: Db, userId: string, now: Date) {
	await db.insert(learnerSettings).values({ userId }).onConflictDoNothing();
	const claimed = await db
		.update(learnerSettings)
		.set({ optimiserLeaseUntil: new Date(now.getTime() + LEASE_MS) })
		.where(
			and(
				eq(learnerSettings.userId, userId),
				or(
					isNull(learnerSettings.optimiserLeaseUntil),
					lt(learnerSettings.optimiserLeaseUntil, now)
				)
			)
		)
		.returning({ userId: learnerSettings.userId });
	return claimed.length === 1;
}

type Optimise = typeof optimiseParameters;

/**
 * Runs one fit now (tests call this directly). Returns what was decided. `optimise` is injectable so a
 * test can make a run fail.
 */
export async function runOptimisation(
	db: Db,
	userId: string,
	{ now = new Date(), optimise = optimiseParameters }: { now?: Date; optimise?: Optimise } = {}
) {
	const settings = await getLearnerSettings(db, userId);
	const [{ n }] = await db
		.select({ n: count() })
		.from(reviewLog)
		.where(eq(reviewLog.userId, userId));
	if (n < MIN_REVIEWS_TO_OPTIMISE) return { decision: 'too-few-reviews' as const, reviews: n };
	if (!optimisationDue({ reviews: n, ...settings }))
		return { decision: 'not-yet' as const, reviews: n };
	if (!(await claimLease(db, userId, now))) return { decision: 'busy' as const, reviews: n };

	try {
		const rows = await db
			.select({
				cardId: reviewLog.cardId,
				rating: reviewLog.rating,
				reviewedAt: reviewLog.reviewedAt
			})
			.from(reviewLog)
			.where(eq(reviewLog.userId, userId));
		const log = rows.map((r) => ({
			cardId: r.cardId,
			rating: (RATING_NAMES.indexOf(r.rating) + 1) as ReviewRating,
			reviewedAt: r.reviewedAt
		}));
		let result;
		try {
			result = await optimise(log, settings.timeZone, settings.weights, settings.dayRolloverHour);
		} catch (e) {
			// Saved, so the next try waits (longer each time) instead of following every rating.
			await db
				.update(learnerSettings)
				.set({
					weightsReviewCount: n,
					optimiserFailures: sql`${learnerSettings.optimiserFailures} + 1`,
					optimiserFailedAt: now
				})
				.where(eq(learnerSettings.userId, userId));
			throw e;
		}
		await db
			.update(learnerSettings)
			.set({
				weightsReviewCount: n,
				optimiserFailures: 0,
				...(result.decision === 'adopted'
					? { weights: result.parameters, weightsFittedAt: now, weightsLogLoss: result.logLossNew }
					: {})
			})
			.where(eq(learnerSettings.userId, userId));
		if (result.decision === 'adopted') await recomputeCards(db, userId);
		return {
			decision: result.decision,
			reviews: n,
			logLossCurrent: result.logLossCurrent,
			logLossNew: result.logLossNew
		};
	} finally {
		await db
			.update(learnerSettings)
			.set({ optimiserLeaseUntil: null })
			.where(eq(learnerSettings.userId, userId));
	}
}

/**
 * Every card of the learner recomputed from its log with their current parameters and day, and
 * rescheduled: memory states built with the old parameters would otherwise linger until each card's next
 * review. Cards are locked in the order a quiz submit locks them, in one transaction. (An attempt whose
 * feedback waits for its due time has no log row before then, see releaseFeedback: nothing to hold back.)
 */
export async function recomputeCards(db: Db, userId: string) {
	const settings = await getLearnerSettings(db, userId);
	const scheduler = schedulerFor(settings);
	return db.transaction(async (tx) => {
		const cards = await tx
			.select({ id: reviewCard.id })
			.from(reviewCard)
			.where(eq(reviewCard.userId, userId))
			// The order a quiz submit locks them in (feedAttemptIntoReviews).
			.orderBy(sql`${reviewCard.factId} asc nulls last`, asc(reviewCard.questionId))
			.for('update');
		const logs = await tx
			.select({
				cardId: reviewLog.cardId,
				rating: reviewLog.rating,
				reviewedAt: reviewLog.reviewedAt
			})
			.from(reviewLog)
			.where(eq(reviewLog.userId, userId))
			.orderBy(asc(reviewLog.reviewedAt), asc(reviewLog.id));
		const byCard = new Map<number, { rating: ReviewRating; reviewedAt: Date }[]>();
		for (const l of logs) {
			const list = byCard.get(l.cardId) ?? [];
			list.push({
				rating: (RATING_NAMES.indexOf(l.rating) + 1) as ReviewRating,
				reviewedAt: l.reviewedAt
			});
			byCard.set(l.cardId, list);
		}
		let moved = 0;
		for (const { id } of cards) {
			const card = replayReviews(scheduler, byCard.get(id) ?? [], id);
			if (!card) continue;
			await tx
				.update(reviewCard)
				.set({
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
				})
				.where(eq(reviewCard.id, id));
			moved++;
		}
		return moved;
	});
}

/** Resolves when every queued fit has finished (for tests and shutdown). */
export function optimisationIdle(): Promise<void> {
	return running;
}
