import { describe, expect, test, vi } from 'vitest';
import {
	createEmptyCard,
	default_w,
	forgetting_curve,
	fsrs,
	generatorParameters,
	Rating,
	State,
	type Card,
	type Grade
} from 'ts-fsrs';
import {
	createScheduler,
	fromFsrsCard,
	LEARNING_STEPS,
	toFsrsCard,
	type ReviewCard
} from './scheduler.ts';

const START = new Date('2026-03-01T09:00:00Z');
const SEQUENCE: Grade[] = [Rating.Good, Rating.Good, Rating.Again, Rating.Good, Rating.Easy];
const DAY = 86_400_000;

/** Runs the sequence through ts-fsrs directly, each review at the card's due time. */
function direct(retention: number, w?: number[]): Card[] {
	const engine = fsrs(
		generatorParameters({
			request_retention: retention,
			enable_fuzz: false,
			learning_steps: [...LEARNING_STEPS],
			...(w ? { w } : {})
		})
	);
	let card = createEmptyCard(START);
	const cards: Card[] = [];
	for (const rating of SEQUENCE) {
		card = engine.next(card, card.due, rating).card;
		cards.push(card);
	}
	return cards;
}

/** Runs the sequence through our wrapper, storing each card as JSON in between (as a database round trip would). */
function wrapped(retention?: number, weights?: number[]): ReviewCard[] {
	const scheduler = createScheduler(
		retention === undefined ? { weights } : { desiredRetention: retention, weights }
	);
	let card = scheduler.newCard(START);
	const cards: ReviewCard[] = [];
	for (const rating of SEQUENCE) {
		const result = scheduler.review(card, rating, card.due);
		cards.push(result.card);
		card = revive(JSON.parse(JSON.stringify(result.card)));
	}
	return cards;
}

function revive(json: Record<string, unknown>): ReviewCard {
	return {
		...json,
		due: new Date(json.due as string),
		last_review: json.last_review ? new Date(json.last_review as string) : null
	} as ReviewCard;
}

const intervalDays = (cards: { due: Date; last_review: Date | null | undefined }[]) =>
	cards.map((c) => (c.due.getTime() - c.last_review!.getTime()) / DAY);

describe('createScheduler', () => {
	test('a new card is new, due now, with no history', () => {
		const card = createScheduler().newCard(START);
		expect(card).toEqual({
			due: START,
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0,
			reps: 0,
			lapses: 0,
			state: 'new',
			last_review: null
		});
		expect(card.due).not.toBe(START);
	});

	test('Good, Good, Again, Good, Easy at the due times gives exactly what ts-fsrs gives', () => {
		const expected = direct(0.9);
		const actual = wrapped();
		expect(actual).toHaveLength(SEQUENCE.length);
		actual.forEach((card, i) => {
			expect(card.due).toEqual(expected[i].due);
			expect(card.stability).toBe(expected[i].stability);
			expect(card.difficulty).toBe(expected[i].difficulty);
			expect(card.scheduled_days).toBe(expected[i].scheduled_days);
			expect(card.reps).toBe(expected[i].reps);
			expect(card.lapses).toBe(expected[i].lapses);
			expect(card.learning_steps).toBe(expected[i].learning_steps);
			expect(card.last_review).toEqual(expected[i].last_review);
			expect(card).toEqual(fromFsrsCard(expected[i]));
		});
		// The shape of the schedule: a right first answer graduates at once (one learning step), a lapse
		// relearns for ten minutes, then a long Easy interval.
		expect(actual.map((c) => c.state)).toEqual([
			'review',
			'review',
			'relearning',
			'review',
			'review'
		]);
		expect(actual.map((c) => c.lapses)).toEqual([0, 0, 1, 1, 1]);
		expect(actual[0].scheduled_days).toBeGreaterThanOrEqual(1);
		expect(actual[1].scheduled_days).toBeGreaterThan(actual[0].scheduled_days);
		expect(actual[2].due.getTime() - actual[2].last_review!.getTime()).toBe(10 * 60_000); // relearning step: 10 minutes
		expect(actual[4].scheduled_days).toBeGreaterThan(actual[3].scheduled_days);
	});

	test('the retention setting changes intervals: 0.97 reviews sooner than 0.7 (and no later than 0.9)', () => {
		const high = intervalDays(wrapped(0.97));
		const mid = intervalDays(wrapped(0.9));
		const low = intervalDays(wrapped(0.7));
		// Step 2 (Again) is the fixed 10-minute relearning step, the same whatever the retention.
		expect([high[2], mid[2], low[2]]).toEqual([10 / 1440, 10 / 1440, 10 / 1440]);
		for (const i of [0, 1, 3, 4]) {
			expect(high[i]).toBeLessThan(low[i]);
			expect(high[i]).toBeLessThanOrEqual(mid[i]);
			expect(mid[i]).toBeLessThan(low[i]);
		}
		expect(high[4]).toBeLessThan(mid[4]); // the Easy interval, long enough not to be clamped at one day
		// And each matches ts-fsrs with the same retention.
		expect(wrapped(0.97).map((c) => c.due)).toEqual(direct(0.97).map((c) => c.due));
		expect(wrapped(0.7).map((c) => c.stability)).toEqual(direct(0.7).map((c) => c.stability));
		expect(createScheduler({ desiredRetention: 0.97 }).params.request_retention).toBe(0.97);
	});

	test('custom weights are passed to ts-fsrs', () => {
		const w = [...default_w];
		w[2] = 5; // initial stability after Good
		w[3] = 12; // initial stability after Easy
		const custom = wrapped(0.9, w);
		expect(custom.map((c) => c.due)).toEqual(direct(0.9, w).map((c) => c.due));
		expect(custom.map((c) => c.stability)).toEqual(direct(0.9, w).map((c) => c.stability));
		expect(custom[1].stability).not.toBe(wrapped(0.9)[1].stability);
	});

	test('retention outside [0.7, 0.97] is rejected with a RangeError', () => {
		for (const bad of [
			0.69,
			0.98,
			0,
			1,
			-0.9,
			Number.NaN,
			Number.POSITIVE_INFINITY,
			'0.9' as unknown as number
		]) {
			expect(() => createScheduler({ desiredRetention: bad })).toThrow(RangeError);
		}
		expect(() => createScheduler({ desiredRetention: 0.5 })).toThrow(
			'desired retention must be a number between 0.7 and 0.97, got 0.5'
		);
		expect(() => createScheduler({ desiredRetention: 0.7 })).not.toThrow();
		expect(() => createScheduler({ desiredRetention: 0.97 })).not.toThrow();
	});

	test('weights of the wrong length or with NaN are rejected', () => {
		expect(() => createScheduler({ weights: [1, 2, 3] })).toThrow(RangeError);
		expect(() => createScheduler({ weights: [...default_w.slice(0, 20), Number.NaN] })).toThrow(
			RangeError
		);
		const debug = vi.spyOn(console, 'debug').mockImplementation(() => {}); // ts-fsrs reports the migration on console.debug
		expect(() => createScheduler({ weights: default_w.slice(0, 19) })).not.toThrow(); // FSRS-5 weights are migrated by ts-fsrs
		debug.mockRestore();
	});
});

describe('review', () => {
	test('returns plain JSON-serialisable card and log with Dates, and does not touch its input', () => {
		const scheduler = createScheduler();
		const card = scheduler.newCard(START);
		const before = structuredClone(card);
		const { card: next, log } = scheduler.review(card, Rating.Good, START);
		expect(card).toEqual(before);
		expect(Object.keys(next).sort()).toEqual(
			[
				'due',
				'stability',
				'difficulty',
				'elapsed_days',
				'scheduled_days',
				'learning_steps',
				'reps',
				'lapses',
				'state',
				'last_review'
			].sort()
		);
		expect(next.due).toBeInstanceOf(Date);
		expect(next.last_review).toEqual(START);
		expect(log).toEqual({
			rating: 'good',
			state: 'new',
			due: START,
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			last_elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0,
			review: START
		});
		expect(revive(JSON.parse(JSON.stringify(next)))).toEqual(next);
	});

	test('the log matches ts-fsrs for a lapse', () => {
		const engine = fsrs(generatorParameters({ request_retention: 0.9 }));
		let fc = createEmptyCard(START);
		fc = engine.next(fc, START, Rating.Good).card;
		fc = engine.next(fc, fc.due, Rating.Good).card;
		const expected = engine.next(fc, fc.due, Rating.Again);

		const { card, log } = createScheduler().review(fromFsrsCard(fc), Rating.Again, fc.due);
		expect(card).toEqual(fromFsrsCard(expected.card));
		expect(log.rating).toBe('again');
		expect(log.state).toBe('review');
		expect(log.stability).toBe(expected.log.stability);
		expect(log.review).toEqual(expected.log.review);
		expect(log.due).toEqual(expected.log.due);
	});

	test('rejects Manual and unknown ratings, and invalid dates', () => {
		const scheduler = createScheduler();
		const card = scheduler.newCard(START);
		expect(() => scheduler.review(card, Rating.Manual as never, START)).toThrow(RangeError);
		expect(() => scheduler.review(card, 7 as never, START)).toThrow(RangeError);
		expect(() => scheduler.review(card, Rating.Good, new Date(NaN))).toThrow(RangeError);
		expect(() => scheduler.review({ ...card, state: 'done' as never }, Rating.Good, START)).toThrow(
			RangeError
		);
	});
});

describe('toFsrsCard / fromFsrsCard', () => {
	test('round-trip, with state names and null for a missing last review', () => {
		const card = createEmptyCard(START);
		const plain = fromFsrsCard(card);
		expect(plain.state).toBe('new');
		expect(plain.last_review).toBeNull();
		expect(toFsrsCard(plain)).toEqual(card);
		const reviewed = fsrs().next(card, START, Rating.Good).card;
		expect(toFsrsCard(fromFsrsCard(reviewed))).toEqual(reviewed);
		expect(fromFsrsCard({ ...reviewed, state: State.Relearning }).state).toBe('relearning');
	});
});

describe('retrievability', () => {
	test('is 0 for a new card, then falls over time exactly as ts-fsrs computes', () => {
		const scheduler = createScheduler();
		const engine = fsrs(generatorParameters({ request_retention: 0.9 }));
		expect(scheduler.retrievability(scheduler.newCard(START), START)).toBe(0);
		let card = scheduler.newCard(START);
		card = scheduler.review(card, Rating.Good, START).card;
		card = scheduler.review(card, Rating.Good, card.due).card;
		const atDue = scheduler.retrievability(card, card.due);
		const later = scheduler.retrievability(card, new Date(card.due.getTime() + 30 * DAY));
		expect(atDue).toBeGreaterThan(0.85);
		expect(atDue).toBeLessThanOrEqual(1);
		expect(later).toBeLessThan(atDue);
		expect(later).toBe(
			engine.get_retrievability(toFsrsCard(card), new Date(card.due.getTime() + 30 * DAY), false)
		);
	});

	test('counts elapsed time in fractional days, as the FSRS forgetting curve is defined', () => {
		const scheduler = createScheduler();
		const card = scheduler.review(scheduler.newCard(START), Rating.Good, START).card;
		const w = scheduler.params.w;
		// Twelve hours on: ts-fsrs's get_retrievability counts whole days (0) and says 1; the curve says less.
		const halfDay = new Date(START.getTime() + DAY / 2);
		expect(fsrs().get_retrievability(toFsrsCard(card), halfDay, false)).toBe(1);
		expect(scheduler.retrievability(card, halfDay)).toBeCloseTo(
			forgetting_curve(w, 0.5, card.stability),
			12
		);
		expect(scheduler.retrievability(card, halfDay)).toBeLessThan(1);
		// 2.75 days on: between the whole-day values on either side.
		const later = new Date(START.getTime() + 2.75 * DAY);
		expect(scheduler.retrievability(card, later)).toBeCloseTo(
			forgetting_curve(w, 2.75, card.stability),
			12
		);
		// A review just now: 1.
		expect(scheduler.retrievability(card, START)).toBe(1);
	});
});

describe("days between reviews are the learner's days (time zone and rollover hour)", () => {
	const paris = { timeZone: 'Europe/Paris', rolloverHour: 4 };
	// 23:00 in Paris (UTC+1 in January), then 01:30 the next calendar day: before 4 am, the same learner day.
	const evening = new Date('2026-01-14T22:00:00Z');
	const afterMidnight = new Date('2026-01-15T00:30:00Z');
	const morning = new Date('2026-01-15T03:30:00Z'); // 04:30 in Paris: the next learner day

	test('a review after midnight but before the rollover is a same-day review', () => {
		const scheduler = createScheduler({ day: paris });
		const first = scheduler.review(scheduler.newCard(evening), Rating.Good, evening).card;
		expect(scheduler.review(first, Rating.Good, afterMidnight).card.elapsed_days).toBe(0);
		expect(scheduler.review(first, Rating.Good, morning).card.elapsed_days).toBe(1);
		// ts-fsrs alone counts UTC dates: 22:00Z and 00:30Z are a day apart.
		const utc = createScheduler();
		const utcFirst = utc.review(utc.newCard(evening), Rating.Good, evening).card;
		expect(utc.review(utcFirst, Rating.Good, afterMidnight).card.elapsed_days).toBe(1);
	});

	test("the memory state is ts-fsrs's on the learner's clock; the due time keeps its distance from now", () => {
		const scheduler = createScheduler({ day: paris });
		const engine = fsrs(
			generatorParameters({ enable_fuzz: false, learning_steps: [...LEARNING_STEPS] })
		);
		// Paris is UTC+1 in January; less the 4 rollover hours: the learner clock is UTC - 3 h.
		const shifted = (d: Date) => new Date(d.getTime() - 3 * 3_600_000);
		const first = scheduler.review(scheduler.newCard(evening), Rating.Good, evening).card;
		const second = scheduler.review(first, Rating.Good, afterMidnight).card;
		// On the learner's clock (wall time less 4 h): 19:00 and 21:30 the same date.
		const direct1 = engine.next(
			createEmptyCard(shifted(evening)),
			shifted(evening),
			Rating.Good
		).card;
		const direct2 = engine.next(direct1, shifted(afterMidnight), Rating.Good).card;
		expect(shifted(evening).toISOString()).toBe('2026-01-14T19:00:00.000Z');
		expect(second.stability).toBeCloseTo(direct2.stability, 10);
		expect(second.difficulty).toBeCloseTo(direct2.difficulty, 10);
		expect(second.due.getTime() - afterMidnight.getTime()).toBe(
			direct2.due.getTime() - shifted(afterMidnight).getTime()
		);
		expect(second.last_review).toEqual(afterMidnight);
	});
});

describe('fuzz', () => {
	test('cards reviewed together, alike in every way but their key, do not all fall due together', () => {
		const start = new Date('2026-03-01T09:00:00Z');
		const dues = (scheduler: ReturnType<typeof createScheduler>, key: (i: number) => number) =>
			new Set(
				Array.from({ length: 20 }, (_, i) => {
					let card = scheduler.newCard(start);
					let at = start;
					for (let k = 0; k < 4; k++) {
						card = scheduler.review(card, Rating.Good, at, key(i)).card;
						at = card.due;
					}
					return card.due.getTime();
				})
			).size;
		expect(dues(createScheduler({ fuzz: true }), (i) => i)).toBeGreaterThan(3);
		// The same key gives the same dates (reproducible); no fuzz, one date.
		expect(dues(createScheduler({ fuzz: true }), () => 7)).toBe(1);
		expect(dues(createScheduler(), (i) => i)).toBe(1);
	});
});
