import { describe, expect, test } from 'vitest';
import { isBlankResponse, moveOrderingItem } from './answer-form.ts';

describe('isBlankResponse', () => {
	test('nothing chosen is blank, a choice is not', () => {
		expect(isBlankResponse('single', {})).toBe(true);
		expect(isBlankResponse('multiple', { choice: [''] })).toBe(true);
		expect(isBlankResponse('multiple', { choice: ['abc'] })).toBe(false);
	});
	test('whitespace-only text and numbers are blank', () => {
		expect(isBlankResponse('short_text', { text: ['   '] })).toBe(true);
		expect(isBlankResponse('numeric', { value: [' 12 '] })).toBe(false);
	});
});

describe('moveOrderingItem', () => {
	test('moves an item up and down', () => {
		expect(moveOrderingItem(['a', 'b', 'c'], 'c:up')).toEqual(['a', 'c', 'b']);
		expect(moveOrderingItem(['a', 'b', 'c'], 'a:down')).toEqual(['b', 'a', 'c']);
	});
	test('ignores moves past the ends and unknown ids', () => {
		expect(moveOrderingItem(['a', 'b'], 'a:up')).toEqual(['a', 'b']);
		expect(moveOrderingItem(['a', 'b'], 'z:down')).toEqual(['a', 'b']);
	});
});
