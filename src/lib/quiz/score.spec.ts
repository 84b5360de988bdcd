import { describe, expect, test } from 'vitest';
import { scoreAttempt } from './score.ts';

describe('scoreAttempt', () => {
	test('sums scores, counts correct answers and computes the percentage', () => {
		expect(
			scoreAttempt([
				{ score: 1, correct: true },
				{ score: 1 / 3, correct: false },
				{ score: 0, correct: false },
				{ score: 5 / 6, correct: false }
			])
		).toEqual({ score: 2.17, max: 4, percent: 54, correctCount: 1 });
	});

	test('rounds the total to two decimals', () => {
		const { score } = scoreAttempt([
			{ score: 0.1, correct: false },
			{ score: 0.2, correct: false }
		]);
		expect(score).toBe(0.3);
		expect(
			scoreAttempt(Array.from({ length: 3 }, () => ({ score: 1 / 3, correct: false }))).score
		).toBe(1);
	});

	test('all right is 100%', () => {
		expect(
			scoreAttempt([
				{ score: 1, correct: true },
				{ score: 1, correct: true }
			])
		).toEqual({ score: 2, max: 2, percent: 100, correctCount: 2 });
	});

	test('an empty attempt scores 0 of 0 at 0%', () => {
		expect(scoreAttempt([])).toEqual({ score: 0, max: 0, percent: 0, correctCount: 0 });
	});
});
