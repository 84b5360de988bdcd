import { describe, expect, test } from 'vitest';
import { createRandom, shuffled } from './random.ts';

describe('createRandom', () => {
	test('the same seed gives the same sequence, a different seed another', () => {
		const a = createRandom('seed-1');
		const b = createRandom('seed-1');
		const c = createRandom('seed-2');
		const seqA = Array.from({ length: 20 }, a);
		expect(Array.from({ length: 20 }, b)).toEqual(seqA);
		expect(Array.from({ length: 20 }, c)).not.toEqual(seqA);
	});

	test('numbers lie in [0, 1) and spread over the range', () => {
		const random = createRandom('spread');
		const buckets = new Array(10).fill(0);
		let min = 1;
		let max = 0;
		for (let i = 0; i < 10_000; i++) {
			const x = random();
			min = Math.min(min, x);
			max = Math.max(max, x);
			buckets[Math.floor(x * 10)]++;
		}
		expect(min).toBeGreaterThanOrEqual(0);
		expect(max).toBeLessThan(1);
		for (const n of buckets) expect(n).toBeGreaterThan(800);
	});

	test('the empty seed works too', () => {
		expect(createRandom('')()).toBe(createRandom('')());
	});
});

describe('shuffled', () => {
	test('returns a permutation and leaves the input alone', () => {
		const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
		const out = shuffled(input, createRandom('x'));
		expect(out).not.toBe(input);
		expect([...out].sort((a, b) => a - b)).toEqual([...input]);
		expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	});

	test('is deterministic for a seed and varies across seeds', () => {
		const items = Array.from({ length: 10 }, (_, i) => i);
		expect(shuffled(items, createRandom('s'))).toEqual(shuffled(items, createRandom('s')));
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) => shuffled(items, createRandom(`s${i}`)).join(','))
		);
		expect(orders.size).toBeGreaterThan(15);
	});

	test('every position is reachable (no off-by-one in Fisher–Yates)', () => {
		const firsts = new Set<string>();
		for (let i = 0; i < 200; i++) firsts.add(shuffled(['a', 'b', 'c'], createRandom(`p${i}`))[2]);
		expect(firsts).toEqual(new Set(['a', 'b', 'c']));
	});

	test('handles empty and single-item lists', () => {
		expect(shuffled([], createRandom('e'))).toEqual([]);
		expect(shuffled(['only'], createRandom('e'))).toEqual(['only']);
	});
});
