import { describe, expect, it } from 'vitest';
import { Rating, type ReviewRating } from './rating.ts';
import { createScheduler, type ReviewCard } from './scheduler.ts';
import { simulateWorkload, WORKLOAD_RETENTIONS } from './workload.ts';

const now = new Date('2026-06-01T12:00:00Z');

/** Forty cards a learner has seen a few times, due over the next weeks. */
function someCards(): ReviewCard[] {
	const s = createScheduler();
	return Array.from({ length: 40 }, (_, i) => {
		let at = new Date(now.getTime() - (60 - i) * 86_400_000);
		let card = s.newCard(at);
		const ratings: ReviewRating[] = [Rating.Good, i % 3 ? Rating.Good : Rating.Again, Rating.Good];
		for (const rating of ratings) {
			card = s.review(card, rating, at).card;
			at = card.due < now ? card.due : now;
		}
		return card;
	});
}

describe('workload at each desired retention', () => {
	it('costs more reviews and keeps more in memory at high retention, the same on every run', () => {
		const cards = someCards();
		const { rows, recommended } = simulateWorkload({ cards, now, days: 60 });
		expect(rows.map((r) => r.retention)).toEqual([...WORKLOAD_RETENTIONS]);
		const at = (retention: number) => rows.find((r) => r.retention === retention)!;
		// Above 0.85 each step costs more reviews (below it, lapses bring their own relearning).
		expect(at(0.9).reviewsPerDay).toBeGreaterThan(at(0.85).reviewsPerDay);
		expect(at(0.95).reviewsPerDay).toBeGreaterThan(at(0.9).reviewsPerDay * 1.2);
		expect(at(0.95).remembered).toBeGreaterThan(at(0.7).remembered);
		// The recommended minimum keeps within 5% of the most that can be remembered.
		expect(recommended).not.toBeNull();
		expect(at(recommended!).remembered).toBeGreaterThanOrEqual(0.95 * at(0.95).remembered);
		const lower = rows.filter((r) => r.retention < recommended!);
		for (const r of lower) expect(r.remembered).toBeLessThan(0.95 * at(0.95).remembered);
		expect(simulateWorkload({ cards, now, days: 60 })).toEqual({ rows, recommended });
	});

	it('has nothing to recommend without a card reviewed yet', () => {
		const { rows, recommended } = simulateWorkload({ cards: [], now });
		expect(rows.every((r) => r.reviewsPerDay === 0 && r.remembered === 0)).toBe(true);
		expect(recommended).toBeNull();
	});
});
