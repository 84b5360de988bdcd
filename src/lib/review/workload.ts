// What a desired retention costs: the learner's own cards, reviewed forward over the coming days with
// their FSRS parameters at several retentions, as FSRS's "workload vs retention" simulators do. Each due
// review is recalled with the probability FSRS predicts for it (seeded, averaged over a few runs); ts-fsrs
// does all the scheduling. Pure and deterministic for a given seed.
import { createRandom } from '../quiz/random.ts';
import { Rating } from './rating.ts';
import { createScheduler, type ReviewCard } from './scheduler.ts';

const DAY_MS = 86_400_000;

/** The retentions compared: the range the settings allow, in steps FSRS users compare. */
export const WORKLOAD_RETENTIONS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95] as const;

/** The share of the most that can be remembered a recommended retention keeps. */
const MINIMUM_SHARE_KEPT = 0.95;

export type WorkloadRow = {
	retention: number;
	/** Reviews per day over the period, on average. */
	reviewsPerDay: number;
	/** Cards the learner is expected to recall at the period's end (the sum of their recall chances). */
	remembered: number;
};

export function simulateWorkload({
	cards,
	weights,
	now,
	days = 60,
	runs = 3,
	seed = 'workload'
}: {
	cards: ReviewCard[];
	weights?: readonly number[];
	now: Date;
	days?: number;
	runs?: number;
	seed?: string;
}): { rows: WorkloadRow[]; recommended: number | null } {
	const end = new Date(now.getTime() + days * DAY_MS);
	const started = cards.filter((c) => c.state !== 'new');
	const rows = WORKLOAD_RETENTIONS.map((retention) => {
		const scheduler = createScheduler({ desiredRetention: retention, weights });
		let reviews = 0;
		let remembered = 0;
		for (let run = 0; run < runs; run++) {
			const random = createRandom(`${seed}:${retention}:${run}`);
			for (const start of started) {
				let card = start;
				// An overdue card is reviewed today; the schedule takes it from there.
				let at = card.due < now ? now : card.due;
				while (at < end) {
					reviews++;
					const recalled = random() < scheduler.retrievability(card, at);
					card = scheduler.review(card, recalled ? Rating.Good : Rating.Again, at).card;
					at = card.due;
				}
				remembered += scheduler.retrievability(card, end);
			}
		}
		return {
			retention,
			reviewsPerDay: reviews / runs / days,
			remembered: remembered / runs
		};
	});
	// The recommended minimum: the lowest retention that still keeps within 5% of what the highest
	// would. Below it the learner forgets noticeably more; above it each extra card remembered costs ever
	// more reviews (FSRS's own "minimum recommended retention" weighs the same trade).
	const most = rows[rows.length - 1].remembered;
	const recommended =
		most > 0 ? rows.find((r) => r.remembered >= MINIMUM_SHARE_KEPT * most)!.retention : null;
	return { rows, recommended };
}
