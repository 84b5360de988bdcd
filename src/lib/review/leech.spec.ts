import { describe, expect, test } from 'vitest';
import { LEECH_LAPSES, turnsLeech } from './leech.ts';

describe('turnsLeech', () => {
	test('the 8th lapse makes a leech, then every 4th after it', () => {
		expect(LEECH_LAPSES).toBe(8);
		expect(turnsLeech(6, 7)).toBe(false);
		expect(turnsLeech(7, 8)).toBe(true);
		expect(turnsLeech(8, 9)).toBe(false);
		expect(turnsLeech(11, 12)).toBe(true);
		expect(turnsLeech(15, 16)).toBe(true);
	});
	test('several lapses at once (a quiz) that pass the threshold count; none count nothing', () => {
		expect(turnsLeech(6, 9)).toBe(true);
		expect(turnsLeech(8, 8)).toBe(false);
	});
});
