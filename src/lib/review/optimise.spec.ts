import { existsSync, readFileSync } from 'node:fs';
import { FSRSBinding, FSRSBindingItem, computeParameters } from '@open-spaced-repetition/binding';
import { describe, expect, test } from 'vitest';
import {
	COMPUTE_OPTIONS,
	MIN_CARDS_TO_OPTIMISE,
	MIN_REVIEWS_TO_OPTIMISE,
	buildTrainingHistories,
	buildTrainingItems,
	chooseParameters,
	defaultParameters,
	optimiseParameters,
	toBindingItems,
	type ReviewLogRow
} from './optimise.ts';
import type { ReviewRating } from './rating.ts';
import { createScheduler } from './scheduler.ts';

const at = (iso: string) => new Date(iso);
const row = (cardId: string | number, rating: ReviewRating, iso: string): ReviewLogRow => ({
	cardId,
	rating,
	reviewedAt: at(iso)
});
/** Histories as [rating, deltaT] pairs, for compact expectations. */
const pairs = (log: ReviewLogRow[], timeZone: string) =>
	buildTrainingHistories(log, timeZone).map((h) => h.reviews.map((r) => [r.rating, r.deltaT]));

describe('buildTrainingHistories / buildTrainingItems', () => {
	// Card 'a' in New York (EST, UTC-5 in January):
	//   Thu 15 Jan 23:30 local = 16 Jan 04:30Z   Good
	//   Fri 16 Jan 00:30 local = 16 Jan 05:30Z   Good   local: next day (1)   UTC: same day (0)
	//   Fri 16 Jan 23:00 local = 17 Jan 04:00Z   Again  local: same day (0)   UTC: next day (1)
	//   Tue 20 Jan 09:00 local = 20 Jan 14:00Z   Good   local: 16→20 (4)     UTC: 17→20 (3)
	const cardA = [
		row('a', 3, '2026-01-16T04:30:00Z'),
		row('a', 3, '2026-01-16T05:30:00Z'),
		row('a', 1, '2026-01-17T04:00:00Z'),
		row('a', 3, '2026-01-20T14:00:00Z')
	];

	test('counts whole learner days in the learner’s zone: 23:30 and 00:30 local are a day apart', () => {
		expect(pairs(cardA, 'America/New_York')).toEqual([
			[
				[3, 0],
				[3, 1]
			],
			// the same-day Again gives no history of its own, but stays inside the later one
			[
				[3, 0],
				[3, 1],
				[1, 0],
				[3, 4]
			]
		]);
	});

	test('the same instants read in UTC give different days', () => {
		expect(pairs(cardA, 'UTC')).toEqual([
			[
				[3, 0],
				[3, 0],
				[1, 1]
			],
			[
				[3, 0],
				[3, 0],
				[1, 1],
				[3, 3]
			]
		]);
	});

	test('calendar days, not 24-hour periods: across the DST change 47 hours are 2 days, and 00:01 after 23:59 is 1', () => {
		const log = [
			row(1, 3, '2026-03-07T17:00:00Z'), // Sat 7 Mar 12:00 EST
			row(1, 3, '2026-03-09T16:00:00Z'), // Mon 9 Mar 12:00 EDT (47 h later)
			row(1, 3, '2026-03-10T03:59:00Z'), // Mon 9 Mar 23:59 EDT
			row(1, 2, '2026-03-10T04:01:00Z') //  Tue 10 Mar 00:01 EDT
		];
		expect(pairs(log, 'America/New_York').at(-1)).toEqual([
			[3, 0],
			[3, 2],
			[3, 0],
			[2, 1]
		]);
	});

	test('groups by card, sorts each card by time, and lists histories by the time of their last review', () => {
		const log = [
			row('b', 1, '2026-01-05T12:00:00Z'),
			row(7, 3, '2026-01-03T12:00:00Z'),
			row('b', 3, '2026-01-01T12:00:00Z'), // b's first review, listed last
			row('7', 4, '2026-01-02T12:00:00Z'), // the string '7' is not the number 7
			row(7, 3, '2026-01-01T12:00:00Z'),
			row('b', 3, '2026-01-02T12:00:00Z'),
			row('7', 3, '2026-01-04T12:00:00Z')
		];
		const histories = buildTrainingHistories(log, 'UTC');
		expect(
			histories.map((h) => [
				h.cardId,
				h.reviewedAt.toISOString().slice(0, 10),
				h.reviews.map((r) => [r.rating, r.deltaT])
			])
		).toEqual([
			[
				'b',
				'2026-01-02',
				[
					[3, 0],
					[3, 1]
				]
			],
			[
				7,
				'2026-01-03',
				[
					[3, 0],
					[3, 2]
				]
			],
			[
				'7',
				'2026-01-04',
				[
					[4, 0],
					[3, 2]
				]
			],
			[
				'b',
				'2026-01-05',
				[
					[3, 0],
					[3, 1],
					[1, 3]
				]
			]
		]);
	});

	test('a card reviewed once, or only on one day, gives no history', () => {
		const log = [
			row('x', 3, '2026-01-01T10:00:00Z'),
			row('y', 1, '2026-01-01T10:00:00Z'),
			row('y', 3, '2026-01-01T10:10:00Z')
		];
		expect(buildTrainingHistories(log, 'UTC')).toEqual([]);
		expect(buildTrainingItems([], 'UTC')).toEqual([]);
	});

	test('buildTrainingItems gives binding FSRSItems with the same reviews', () => {
		const items = buildTrainingItems(cardA, 'America/New_York');
		expect(items).toHaveLength(2);
		expect(items[1]).toBeInstanceOf(FSRSBindingItem);
		expect(items[1].reviews.map((r) => [r.rating, r.deltaT])).toEqual([
			[3, 0],
			[3, 1],
			[1, 0],
			[3, 4]
		]);
		expect(items[1].longTermReviewCnt()).toBe(2);
	});

	test('rejects bad rows and unknown time zones', () => {
		const good = row('a', 3, '2026-01-01T00:00:00Z');
		expect(() => buildTrainingItems([{ ...good, rating: 0 as ReviewRating }], 'UTC')).toThrow(
			RangeError
		);
		expect(() => buildTrainingItems([{ ...good, rating: 5 as ReviewRating }], 'UTC')).toThrow(
			RangeError
		);
		expect(() => buildTrainingItems([{ ...good, reviewedAt: new Date(NaN) }], 'UTC')).toThrow(
			RangeError
		);
		expect(() => buildTrainingItems([{ ...good, cardId: '' }], 'UTC')).toThrow(RangeError);
		expect(() => buildTrainingItems([good], 'Mars/Olympus_Mons')).toThrow(RangeError);
	});
});

describe('chooseParameters', () => {
	const current = { params: [1, 2, 3], logLoss: 0.45 };

	test('adopts a candidate with lower log loss', () => {
		expect(chooseParameters(current, { params: [4, 5, 6], logLoss: 0.44 })).toEqual({
			decision: 'adopted',
			params: [4, 5, 6],
			logLoss: 0.44
		});
	});

	test('keeps the current parameters when the candidate is worse or equal', () => {
		expect(chooseParameters(current, { params: [4, 5, 6], logLoss: 0.46 })).toEqual({
			decision: 'kept',
			params: [1, 2, 3],
			logLoss: 0.45
		});
		expect(chooseParameters(current, { params: [4, 5, 6], logLoss: 0.45 })).toEqual({
			decision: 'kept',
			params: [1, 2, 3],
			logLoss: 0.45
		});
	});

	test('keeps the current parameters when the candidate could not be scored', () => {
		expect(chooseParameters(current, { params: [4, 5, 6], logLoss: NaN }).decision).toBe('kept');
		expect(chooseParameters(current, { params: [4, 5, 6], logLoss: -Infinity }).decision).toBe(
			'kept'
		);
	});

	test('works with null (= ts-fsrs defaults) as the current parameters', () => {
		expect(
			chooseParameters<number[] | null>(
				{ params: null, logLoss: 0.5 },
				{ params: [4], logLoss: 0.6 }
			)
		).toEqual({ decision: 'kept', params: null, logLoss: 0.5 });
	});
});

describe('optimiseParameters: too little history', () => {
	/** `cards` cards, each reviewed `perCard` times, one day apart. */
	const synthetic = (cards: number, perCard: number): ReviewLogRow[] =>
		Array.from({ length: cards * perCard }, (_, i) => {
			const card = i % cards;
			const n = Math.floor(i / cards);
			return row(
				`c${card}`,
				(n + card) % 4 === 0 ? 1 : 3,
				new Date(Date.UTC(2026, 0, 1 + n, 12, card)).toISOString()
			);
		});

	test(`below ${MIN_REVIEWS_TO_OPTIMISE} reviews nothing is fitted and the current parameters stay`, async () => {
		const log = synthetic(50, 8).slice(0, MIN_REVIEWS_TO_OPTIMISE - 1);
		const current = defaultParameters().map((w) => w * 1.01);
		expect(await optimiseParameters(log, 'UTC', current)).toEqual({
			decision: 'too-few-reviews',
			parameters: current,
			logLossCurrent: NaN,
			logLossNew: null,
			reviews: 399
		});
		expect((await optimiseParameters(log, 'UTC', null)).parameters).toBeNull();
	});

	test(`${MIN_REVIEWS_TO_OPTIMISE} reviews of fewer than ${MIN_CARDS_TO_OPTIMISE} cards are not enough either`, async () => {
		const log = synthetic(MIN_CARDS_TO_OPTIMISE - 1, 22);
		expect(log.length).toBeGreaterThanOrEqual(MIN_REVIEWS_TO_OPTIMISE);
		expect((await optimiseParameters(log, 'UTC', null)).decision).toBe('too-few-reviews');
	});

	test('nor are many reviews all made on each card’s first day', async () => {
		const log = Array.from({ length: 500 }, (_, i) =>
			row(`c${i % 50}`, 3, new Date(Date.UTC(2026, 0, 1, 12, 0, i)).toISOString())
		);
		expect((await optimiseParameters(log, 'UTC', null)).decision).toBe('too-few-reviews');
	});

	test('rejects current parameters fsrs-rs cannot use', async () => {
		await expect(optimiseParameters(synthetic(50, 10), 'UTC', [1, 2, 3])).rejects.toThrow(
			RangeError
		);
	});
});

// A real Anki review log (see its README): 12,580 reviews of 1,205 cards, March–October 2024.
const REAL_LOG = '/work/shared/data/fsrs-revlog/review_logs.csv';
// The learner's zone is not recorded. The log has no review between 06:00 and 15:00 UTC, i.e. 23:00–08:00
// in Los Angeles (PDT), so their local midnight falls while they sleep; UTC midnight would cut their
// evening sessions (00:00–05:00 UTC is busy) in two.
const REAL_LOG_ZONE = 'America/Los_Angeles';
const SKIP_MESSAGE = `${REAL_LOG} is absent; the real-log tests need it (12,580 reviews from open-spaced-repetition/py-fsrs)`;

function readRealLog(): ReviewLogRow[] {
	const [header, ...lines] = readFileSync(REAL_LOG, 'utf8').trim().split(/\r?\n/);
	const columns = header.split(',');
	const [iCard, iRating, iTime] = ['card_id', 'review_rating', 'review_time'].map((c) =>
		columns.indexOf(c)
	);
	return lines.map((line, i) => {
		const cells = line.split(',');
		// e.g. 2024-03-29T20:32:32.250000+00:00: keep milliseconds, as ECMAScript's date format only has those
		const reviewedAt = new Date(cells[iTime].replace(/(\.\d{3})\d+/, '$1'));
		const rating = Number(cells[iRating]);
		if (!Number.isFinite(reviewedAt.getTime()) || ![1, 2, 3, 4].includes(rating))
			throw new Error(`bad line ${i + 2}: ${line}`);
		return { cardId: cells[iCard], rating: rating as ReviewRating, reviewedAt };
	});
}

describe('on a real review log', () => {
	test('on the whole log, judged on time-ordered folds, the fit does not replace the defaults', async (ctx) => {
		ctx.skip(!existsSync(REAL_LOG), SKIP_MESSAGE);
		const log = readRealLog();
		expect(log).toHaveLength(12_580);

		let t = performance.now();
		const items = buildTrainingItems(log, REAL_LOG_ZONE);
		const buildMs = performance.now() - t;
		t = performance.now();
		await computeParameters(items, COMPUTE_OPTIONS);
		const fitMs = performance.now() - t;
		t = performance.now();
		await computeParameters(items, { enableShortTerm: true }); // the binding's default poll: 500 ms
		const fitDefaultPollMs = performance.now() - t;

		t = performance.now();
		const result = await optimiseParameters(log, REAL_LOG_ZONE, null);
		const optimiseMs = performance.now() - t;
		console.log(
			`[optimise] full log: ${log.length} reviews, ${new Set(log.map((r) => r.cardId)).size} cards, ${items.length} training items` +
				` (built in ${buildMs.toFixed(0)} ms); computeParameters ${fitMs.toFixed(0)} ms with timeout ${COMPUTE_OPTIONS.timeout} ms,` +
				` ${fitDefaultPollMs.toFixed(0)} ms with the default timeout; optimiseParameters ${optimiseMs.toFixed(0)} ms in all.` +
				` In-sample log loss: defaults ${result.logLossCurrent.toFixed(4)}, fitted ${result.logLossNew?.toFixed(4)} → ${result.decision}`
		);
		console.log(
			`[optimise] fitted weights: [${result.parameters?.map((w) => w.toFixed(4)).join(', ')}]`
		);

		expect(result.reviews).toBe(12_580);
		expect(result.candidate).toHaveLength(21);
		expect(() => createScheduler({ weights: result.candidate! })).not.toThrow();
		// Judged out of sample, a fit on this log does not beat the defaults in every time-ordered fold
		// (in-sample it always did, and was always adopted).
		expect(result.decision).toBe('kept');
		expect(result.parameters).toBeNull();
		expect(result.heldOutItems).toBeGreaterThan(1000);
	});

	test('a fit on the first 400, 1,000, 2,516 or 5,000 reviews is never adopted when it predicts the later half worse', async (ctx) => {
		ctx.skip(!existsSync(REAL_LOG), SKIP_MESSAGE);
		const log = readRealLog().sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
		const split = log[Math.floor(log.length / 2)].reviewedAt.getTime();
		const later = toBindingItems(
			buildTrainingHistories(log, REAL_LOG_ZONE).filter((h) => h.reviewedAt.getTime() >= split)
		);
		const onLater = (params: number[]) => new FSRSBinding(params).evaluate(later).logLoss;
		const byDefault = onLater(defaultParameters());
		for (const n of [400, 1_000, 2_516, 5_000]) {
			const result = await optimiseParameters(log.slice(0, n), REAL_LOG_ZONE, null);
			const inForce = result.parameters ? onLater(result.parameters) : byDefault;
			expect(inForce, `after fitting on ${n} reviews`).toBeLessThanOrEqual(byDefault);
		}
	});

	test('weights fitted on the earlier half predict the later half better than the defaults', async (ctx) => {
		ctx.skip(!existsSync(REAL_LOG), SKIP_MESSAGE);
		const log = readRealLog().sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
		const split = log[Math.floor(log.length / 2)].reviewedAt.getTime();
		const earlier = log.filter((r) => r.reviewedAt.getTime() < split);

		// Train on histories ending in the earlier half; test on those ending in the later half (whose
		// histories may start in the earlier half, as a card's past is known when predicting it).
		const trainItems = buildTrainingItems(earlier, REAL_LOG_ZONE);
		const testItems = toBindingItems(
			buildTrainingHistories(log, REAL_LOG_ZONE).filter((h) => h.reviewedAt.getTime() >= split)
		);
		expect(buildTrainingHistories(log, REAL_LOG_ZONE).length).toBe(
			trainItems.length + testItems.length
		);

		const t = performance.now();
		const fitted = await computeParameters(trainItems, COMPUTE_OPTIONS);
		const fitMs = performance.now() - t;
		const onTest = (params: number[]) => new FSRSBinding(params).evaluate(testItems);
		const byDefault = onTest(defaultParameters());
		const byFitted = onTest(fitted);
		console.log(
			`[optimise] time split at ${new Date(split).toISOString()}: trained on ${earlier.length} reviews (${trainItems.length} items)` +
				` in ${fitMs.toFixed(0)} ms; later half ${log.length - earlier.length} reviews (${testItems.length} items).` +
				` Later-half log loss: defaults ${byDefault.logLoss.toFixed(4)}, fitted ${byFitted.logLoss.toFixed(4)};` +
				` RMSE(bins): defaults ${byDefault.rmseBins.toFixed(4)}, fitted ${byFitted.rmseBins.toFixed(4)}`
		);
		expect(byFitted.logLoss).toBeLessThan(byDefault.logLoss);
	});
});
