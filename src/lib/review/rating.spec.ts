import { describe, expect, test } from 'vitest';
import {
	DEFAULT_EXPECTED_MS,
	RATING_NAMES,
	RATING_RULES,
	Rating,
	allowedRatings,
	parseRating,
	ratingForAnswer,
	ratingName
} from './rating.ts';

describe('ratingForAnswer', () => {
	test('a right answer in reasonable time is Good', () => {
		expect(ratingForAnswer({ score: 1, correct: true })).toBe(Rating.Good);
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: 5_000 })).toBe(Rating.Good);
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: 2 * DEFAULT_EXPECTED_MS })).toBe(
			Rating.Good
		); // exactly twice: not slow
	});

	test('a right answer taking more than twice the expected time is Hard', () => {
		expect(DEFAULT_EXPECTED_MS).toBe(20_000);
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: 40_001 })).toBe(Rating.Hard);
		expect(
			ratingForAnswer({ score: 1, correct: true, elapsedMs: 25_000, expectedMs: 10_000 })
		).toBe(Rating.Hard);
		expect(
			ratingForAnswer({ score: 1, correct: true, elapsedMs: 25_000, expectedMs: 15_000 })
		).toBe(Rating.Good);
	});

	test('an unknown time is ignored', () => {
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: null })).toBe(Rating.Good);
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: undefined })).toBe(Rating.Good);
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: Number.NaN })).toBe(Rating.Good);
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: -1 })).toBe(Rating.Good);
	});

	test('partly right is Again: Hard is a pass in FSRS, and a partly right answer did not recall the fact', () => {
		expect(ratingForAnswer({ score: 0.5, correct: false })).toBe(Rating.Again);
		expect(ratingForAnswer({ score: 5 / 6, correct: false })).toBe(Rating.Again);
		expect(
			ratingForAnswer({ score: 0.75, correct: false, elapsedMs: 10 * DEFAULT_EXPECTED_MS })
		).toBe(Rating.Again);
	});

	test('the ratings a learner may give after an answer the server graded', () => {
		expect(allowedRatings({ correct: false })).toEqual(['again']);
		expect(allowedRatings({ correct: true })).toEqual(['again', 'hard', 'good', 'easy']);
		expect(allowedRatings(null)).toEqual(['again', 'hard', 'good', 'easy']);
	});

	test('wrong, or under half the credit, is Again, however quick', () => {
		expect(ratingForAnswer({ score: 0, correct: false })).toBe(Rating.Again);
		expect(ratingForAnswer({ score: 0, correct: false, elapsedMs: 1_000 })).toBe(Rating.Again);
		expect(ratingForAnswer({ score: 0.49, correct: false })).toBe(Rating.Again);
		expect(ratingForAnswer({ score: 1 / 3, correct: false })).toBe(Rating.Again);
	});

	test('never Easy automatically', () => {
		expect(ratingForAnswer({ score: 1, correct: true, elapsedMs: 0 })).toBe(Rating.Good);
	});

	test('rejects scores outside [0, 1] and non-positive expected times', () => {
		expect(() => ratingForAnswer({ score: 1.5, correct: true })).toThrow(RangeError);
		expect(() => ratingForAnswer({ score: -0.1, correct: false })).toThrow(RangeError);
		expect(() => ratingForAnswer({ score: Number.NaN, correct: false })).toThrow(RangeError);
		expect(() => ratingForAnswer({ score: 1, correct: true, expectedMs: 0 })).toThrow(RangeError);
	});

	test('the rules are described in words', () => {
		expect(RATING_RULES.length).toBeGreaterThanOrEqual(4);
		const text = RATING_RULES.join(' ');
		for (const word of ['Good', 'Hard', 'Again', 'Easy', 'twice', '20 seconds', 'Partly'])
			expect(text).toContain(word);
	});
});

describe('parseRating / ratingName', () => {
	test('parses the four self-ratings', () => {
		expect(parseRating('again')).toBe(Rating.Again);
		expect(parseRating('hard')).toBe(Rating.Hard);
		expect(parseRating('good')).toBe(Rating.Good);
		expect(parseRating('easy')).toBe(Rating.Easy);
		expect(parseRating(' Easy ')).toBe(Rating.Easy);
	});

	test('rejects anything else', () => {
		for (const value of [
			'',
			'manual',
			'ok',
			'3',
			'toString',
			'constructor',
			'__proto__',
			3,
			null,
			undefined,
			{}
		])
			expect(parseRating(value)).toBeNull();
	});

	test('names round-trip', () => {
		for (const name of RATING_NAMES) expect(ratingName(parseRating(name)!)).toBe(name);
		expect(ratingName(Rating.Again)).toBe('again');
		expect(() => ratingName(Rating.Manual as never)).toThrow(RangeError);
	});
});
