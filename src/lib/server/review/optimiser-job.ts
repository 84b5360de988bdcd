// Fitting a learner's FSRS parameters to their own log, in the background: a request only queues the
// job and returns; one job runs at a time per process; new parameters are kept only if they fit better.
import { count, eq } from 'drizzle-orm';
import { MIN_REVIEWS_TO_OPTIMISE, optimiseParameters } from '../../review/optimise.ts';
import { RATING_NAMES } from '../../review/rating.ts';
import type { Db } from '../db/index.ts';
import { learnerSettings, reviewLog } from '../db/schema.ts';
import { getLearnerSettings } from './cards.ts';

/** Refit after this many new reviews since the last fit (or check). */
export const REFIT_EVERY = 100;

const queued = new Set<string>();
let running: Promise<void> = Promise.resolve();

/** Queues a fit for this learner if one is worth running; never waits for it. */
export function scheduleOptimisation(db: Db, userId: string) {
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

/** Runs one fit now (tests call this directly). Returns what was decided. */
export async function runOptimisation(db: Db, userId: string) {
	const settings = await getLearnerSettings(db, userId);
	const [{ n }] = await db
		.select({ n: count() })
		.from(reviewLog)
		.where(eq(reviewLog.userId, userId));
	if (n < MIN_REVIEWS_TO_OPTIMISE) return { decision: 'too-few-reviews' as const, reviews: n };
	if (settings.weightsReviewCount !== null && n - settings.weightsReviewCount < REFIT_EVERY)
		return { decision: 'not-yet' as const, reviews: n };

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
		rating: (RATING_NAMES.indexOf(r.rating) + 1) as 1 | 2 | 3 | 4,
		reviewedAt: r.reviewedAt
	}));
	const result = await optimiseParameters(log, settings.timeZone, settings.weights);
	const fields = {
		weightsReviewCount: n,
		...(result.decision === 'adopted'
			? {
					weights: result.parameters,
					weightsFittedAt: new Date(),
					weightsLogLoss: result.logLossNew
				}
			: {})
	};
	await db
		.insert(learnerSettings)
		.values({ userId, ...fields })
		.onConflictDoUpdate({ target: learnerSettings.userId, set: fields });
	return {
		decision: result.decision,
		reviews: n,
		logLossCurrent: result.logLossCurrent,
		logLossNew: result.logLossNew
	};
}

/** Resolves when every queued fit has finished (for tests and shutdown). */
export function optimisationIdle(): Promise<void> {
	return running;
}
