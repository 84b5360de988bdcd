import { describe, expect, test } from 'vitest';
import { tagLabel } from './labels.ts';

describe('tagLabel', () => {
	test('a slug reads as words, capitalised once, acronyms in capitals', () => {
		expect(tagLabel('troop-numbers')).toBe('Troop numbers');
		expect(tagLabel('eu-missions')).toBe('EU missions');
		expect(tagLabel('minusma')).toBe('MINUSMA');
		expect(tagLabel('niger')).toBe('Niger');
		expect(tagLabel('gulf-of-guinea')).toBe('Gulf of Guinea');
		expect(tagLabel('g5-sahel')).toBe('G5 Sahel');
		expect(tagLabel('jihadist-groups')).toBe('Jihadist groups');
	});
});
