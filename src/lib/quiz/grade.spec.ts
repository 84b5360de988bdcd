import { describe, expect, it, test } from 'vitest';
import type { Question } from '../bank/types.ts';
import {
	describeCorrectAnswer,
	describeResponse,
	gradeMultiple,
	gradeNumeric,
	gradeOrdering,
	gradeResponse,
	gradeShortText,
	gradeSingle,
	gradeTrueFalse,
	InvalidResponseError,
	normaliseText,
	parseNumber,
	parseResponseFromForm,
	readResponseJson,
	validateResponse
} from './grade.ts';
import type { Response } from './types.ts';

const base = {
	prompt: 'Q?',
	explanation: 'Because.',
	facts: ['f1'],
	tags: [],
	difficulty: 1 as const
};

const single = {
	...base,
	id: 'single',
	type: 'single' as const,
	options: [
		{ id: 'a', text: 'Mali', correct: true },
		{ id: 'b', text: 'Niger', correct: false },
		{ id: 'c', text: 'Chad', correct: false }
	]
};
const multiple = {
	...base,
	id: 'multiple',
	type: 'multiple' as const,
	options: [
		{ id: 'a', text: 'France', correct: true },
		{ id: 'b', text: 'Mali', correct: true },
		{ id: 'c', text: 'Niger', correct: true },
		{ id: 'd', text: 'Japan', correct: false },
		{ id: 'e', text: 'Peru', correct: false }
	]
};
const trueFalse = { ...base, id: 'tf', type: 'true_false' as const, answer: false };
const numeric = {
	...base,
	id: 'num',
	type: 'numeric' as const,
	answer: 2400,
	tolerance: 100,
	unit: 'soldiers'
};
const exact = {
	...base,
	id: 'exact',
	type: 'numeric' as const,
	answer: 0.3,
	tolerance: 0,
	unit: ''
};
const shortText = {
	...base,
	id: 'short',
	type: 'short_text' as const,
	accepted: ['Barkhane', 'Opération Barkhane']
};
const ordering = {
	...base,
	id: 'order',
	type: 'ordering' as const,
	items: [
		{ id: 'w', text: '2012' },
		{ id: 'x', text: '2013' },
		{ id: 'y', text: '2014' },
		{ id: 'z', text: '2022' }
	]
};
const all: Question[] = [single, multiple, trueFalse, numeric, shortText, ordering];

function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(InvalidResponseError);
		return (e as Error).message;
	}
	throw new Error('expected an InvalidResponseError, nothing was thrown');
}

describe('normaliseText', () => {
	test('drops accents, case, punctuation and extra spaces', () => {
		expect(normaliseText('Opération Barkhane!')).toBe('operation barkhane');
		expect(normaliseText('  Opération   BARKHANE  ')).toBe(normaliseText('operation barkhane'));
		expect(normaliseText("Côte d'Ivoire")).toBe('cote d ivoire');
		expect(normaliseText('G5-Sahel')).toBe('g5 sahel');
		expect(normaliseText('« Serval »\t+ 5 %')).toBe('serval 5');
		expect(normaliseText('...')).toBe('');
	});
});

describe('validateResponse', () => {
	test('accepts well-formed responses of every type', () => {
		const ok: [Question, Response][] = [
			[single, { type: 'single', optionId: 'b' }],
			[multiple, { type: 'multiple', optionIds: ['a', 'd'] }],
			[multiple, { type: 'multiple', optionIds: [] }],
			[trueFalse, { type: 'true_false', value: true }],
			[numeric, { type: 'numeric', value: -3.5 }],
			[shortText, { type: 'short_text', text: 'x'.repeat(500) }],
			[ordering, { type: 'ordering', itemIds: ['z', 'y', 'x', 'w'] }]
		];
		for (const [q, r] of ok) expect(() => validateResponse(q, r)).not.toThrow();
	});

	test('refuses a response of another type', () => {
		for (const q of all) {
			const other: Response =
				q.type === 'true_false'
					? { type: 'numeric', value: 1 }
					: { type: 'true_false', value: true };
			expect(refusal(() => validateResponse(q, other))).toMatch(/expects/);
		}
	});

	test('single: an option that is not the question’s', () => {
		expect(refusal(() => validateResponse(single, { type: 'single', optionId: 'x' }))).toBe(
			'Option "x" is not one of this question\'s options.'
		);
		refusal(() => validateResponse(single, { type: 'single', optionId: 3 } as never));
	});

	test('multiple: not a list, unknown ids, duplicates', () => {
		refusal(() => validateResponse(multiple, { type: 'multiple', optionIds: 'a' } as never));
		refusal(() => validateResponse(multiple, { type: 'multiple', optionIds: [1] } as never));
		expect(
			refusal(() => validateResponse(multiple, { type: 'multiple', optionIds: ['a', 'forged'] }))
		).toMatch(/"forged"/);
		expect(
			refusal(() => validateResponse(multiple, { type: 'multiple', optionIds: ['a', 'b', 'a'] }))
		).toMatch(/more than once/);
	});

	test('true_false: not a boolean', () => {
		refusal(() => validateResponse(trueFalse, { type: 'true_false', value: 'false' } as never));
		refusal(() => validateResponse(trueFalse, { type: 'true_false' } as never));
	});

	test('numeric: not a finite number', () => {
		for (const value of [
			Number.POSITIVE_INFINITY,
			Number.NEGATIVE_INFINITY,
			Number.NaN,
			'12',
			null
		])
			expect(refusal(() => validateResponse(numeric, { type: 'numeric', value } as never))).toBe(
				'Enter a number.'
			);
	});

	test('short_text: not a string, or longer than 500 characters', () => {
		refusal(() => validateResponse(shortText, { type: 'short_text', text: 42 } as never));
		expect(
			refusal(() => validateResponse(shortText, { type: 'short_text', text: 'x'.repeat(501) }))
		).toMatch(/too long/);
	});

	test('ordering: anything but a permutation of the items', () => {
		const cases: unknown[] = [
			['w', 'x', 'y'], // missing
			['w', 'x', 'y', 'z', 'extra'], // extra
			['w', 'x', 'y', 'forged'], // unknown in place of one
			['w', 'x', 'y', 'y'], // duplicate
			['w', 'x', 'y', 'z', 'z'], // duplicate on top of all
			[], // nothing
			'wxyz' // not a list
		];
		for (const itemIds of cases)
			refusal(() => validateResponse(ordering, { type: 'ordering', itemIds } as never));
	});

	test('not an object at all', () => {
		refusal(() => validateResponse(single, null as never));
	});
});

describe('grading', () => {
	test('single: 1 for the right option, 0 otherwise', () => {
		expect(gradeSingle(single, { type: 'single', optionId: 'a' })).toEqual({
			score: 1,
			correct: true
		});
		expect(gradeSingle(single, { type: 'single', optionId: 'b' })).toEqual({
			score: 0,
			correct: false
		});
	});

	test('multiple: partial credit, never below zero, correct only for the exact set', () => {
		const g = (optionIds: string[]) => gradeMultiple(multiple, { type: 'multiple', optionIds });
		expect(g(['a', 'b', 'c'])).toEqual({ score: 1, correct: true });
		expect(g(['c', 'a', 'b'])).toEqual({ score: 1, correct: true });
		expect(g(['a', 'b', 'd'])).toEqual({ score: 1 / 3, correct: false }); // 2 of 3 right, 1 wrong
		expect(g(['a', 'b'])).toEqual({ score: 2 / 3, correct: false });
		expect(g(['a', 'b', 'c', 'd'])).toEqual({ score: 2 / 3, correct: false });
		expect(g(['a', 'd', 'e'])).toEqual({ score: 0, correct: false }); // would be negative
		expect(g(['d', 'e'])).toEqual({ score: 0, correct: false }); // all wrong
		expect(g([])).toEqual({ score: 0, correct: false });
		expect(g(['a', 'b', 'c', 'd', 'e'])).toEqual({ score: 1 / 3, correct: false }); // ticking everything is not full marks
	});

	test('true_false: 1 or 0', () => {
		expect(gradeTrueFalse(trueFalse, { type: 'true_false', value: false })).toEqual({
			score: 1,
			correct: true
		});
		expect(gradeTrueFalse(trueFalse, { type: 'true_false', value: true })).toEqual({
			score: 0,
			correct: false
		});
	});

	test('numeric: within the tolerance, bounds included; float noise forgiven', () => {
		const g = (value: number) => gradeNumeric(numeric, { type: 'numeric', value }).score;
		expect(g(2400)).toBe(1);
		expect(g(2300)).toBe(1);
		expect(g(2500)).toBe(1);
		expect(g(2500.01)).toBe(0);
		expect(g(2299)).toBe(0);
		expect(g(-2400)).toBe(0);
		expect(gradeNumeric(exact, { type: 'numeric', value: 0.1 + 0.2 })).toEqual({
			score: 1,
			correct: true
		});
		expect(gradeNumeric(exact, { type: 'numeric', value: 0.31 })).toEqual({
			score: 0,
			correct: false
		});
	});

	test('short_text: any accepted answer, compared after normalising', () => {
		const g = (text: string) => gradeShortText(shortText, { type: 'short_text', text }).correct;
		expect(g('operation barkhane')).toBe(true);
		expect(g('Opération Barkhane!')).toBe(true);
		expect(g('  BARKHANE. ')).toBe(true);
		expect(g('Serval')).toBe(false);
		expect(g('Barkhane Serval')).toBe(false);
		expect(g('')).toBe(false);
		expect(gradeShortText(shortText, { type: 'short_text', text: 'barkhane' })).toEqual({
			score: 1,
			correct: true
		});
	});

	test('short_text: a title before an accepted name is still right, a title alone is not', () => {
		const person = { ...shortText, accepted: ['Keir Starmer', 'Starmer'] };
		const g = (text: string) => gradeShortText(person, { type: 'short_text', text }).correct;
		expect(g('Sir Keir Starmer')).toBe(true);
		expect(g('Prime Minister Starmer')).toBe(true);
		expect(g('Mr. Starmer')).toBe(true);
		expect(g('Sir')).toBe(false);
		expect(g('Sir Rishi Sunak')).toBe(false);
		expect(g('Keir')).toBe(false);
	});

	test('ordering: fraction of pairs in the right relative order', () => {
		const g = (itemIds: string[]) => gradeOrdering(ordering, { type: 'ordering', itemIds });
		expect(g(['w', 'x', 'y', 'z'])).toEqual({ score: 1, correct: true });
		expect(g(['w', 'y', 'x', 'z'])).toEqual({ score: 5 / 6, correct: false }); // one adjacent swap
		expect(g(['z', 'y', 'x', 'w'])).toEqual({ score: 0, correct: false }); // reversed
		expect(g(['z', 'w', 'x', 'y'])).toEqual({ score: 3 / 6, correct: false }); // last moved first
	});

	test('gradeResponse dispatches on the type', () => {
		expect(gradeResponse(single, { type: 'single', optionId: 'a' }).correct).toBe(true);
		expect(
			gradeResponse(multiple, { type: 'multiple', optionIds: ['a', 'b', 'd'] }).score
		).toBeCloseTo(1 / 3);
		expect(gradeResponse(trueFalse, { type: 'true_false', value: false }).correct).toBe(true);
		expect(gradeResponse(numeric, { type: 'numeric', value: 2450 }).correct).toBe(true);
		expect(gradeResponse(shortText, { type: 'short_text', text: 'barkhane' }).correct).toBe(true);
		expect(
			gradeResponse(ordering, { type: 'ordering', itemIds: ['w', 'y', 'x', 'z'] }).score
		).toBeCloseTo(5 / 6);
	});
});

describe('in words', () => {
	test('describeCorrectAnswer', () => {
		expect(describeCorrectAnswer(single)).toBe('Mali');
		expect(describeCorrectAnswer(multiple)).toBe('France; Mali; Niger');
		expect(describeCorrectAnswer(trueFalse)).toBe('False');
		expect(describeCorrectAnswer(numeric)).toBe('2,400 soldiers (± 100)');
		expect(describeCorrectAnswer(exact)).toBe('0.3');
		expect(describeCorrectAnswer(shortText)).toBe('Barkhane');
		expect(describeCorrectAnswer(ordering)).toBe('2012 → 2013 → 2014 → 2022');
	});

	test('describeResponse, with "?" for ids the question does not know', () => {
		expect(describeResponse(single, { type: 'single', optionId: 'b' })).toBe('Niger');
		expect(describeResponse(single, { type: 'single', optionId: 'zz' })).toBe('?');
		expect(describeResponse(multiple, { type: 'multiple', optionIds: ['d', 'a', 'zz'] })).toBe(
			'Japan; France; ?'
		);
		expect(describeResponse(trueFalse, { type: 'true_false', value: true })).toBe('True');
		expect(describeResponse(numeric, { type: 'numeric', value: 2500 })).toBe('2,500 soldiers');
		expect(describeResponse(shortText, { type: 'short_text', text: 'Serval' })).toBe('Serval');
		expect(describeResponse(ordering, { type: 'ordering', itemIds: ['x', 'w', 'zz'] })).toBe(
			'2013 → 2012 → ?'
		);
	});
});

describe('parseNumber', () => {
	test.each([
		['12', 12],
		[' -3.5 ', -3.5],
		['2,5', 2.5],
		['.5', 0.5],
		['2400', 2400],
		['2 400', 2400],
		['2\u202f400', 2400],
		['2\u00a0400,5', 2400.5],
		['1 234 567', 1234567],
		['2,400', 2400],
		['1,234,567.25', 1234567.25],
		['1.234,5', 1234.5],
		['0,400', 0.4],
		['\u22125', -5]
	])('%j is %d', (input, expected) => {
		expect(parseNumber(input)).toBe(expected);
	});

	test.each([
		'',
		'abc',
		'12 soldiers',
		'1e3',
		'Infinity',
		'2,40,0',
		'12 34',
		'1,2,3',
		'--1',
		'0x10'
	])('%j is not a number', (input) => {
		expect(parseNumber(input)).toBeNull();
	});
});

describe('parseResponseFromForm', () => {
	test('single takes the first choice', () => {
		expect(parseResponseFromForm('single', { choice: ['b'] })).toEqual({
			type: 'single',
			optionId: 'b'
		});
		expect(refusal(() => parseResponseFromForm('single', {}))).toBe('Choose an option.');
	});

	test('multiple takes every choice', () => {
		expect(parseResponseFromForm('multiple', { choice: ['a', 'c'] })).toEqual({
			type: 'multiple',
			optionIds: ['a', 'c']
		});
		refusal(() => parseResponseFromForm('multiple', { choice: [] }));
	});

	test('true_false only from "true" or "false"', () => {
		expect(parseResponseFromForm('true_false', { value: ['true'] })).toEqual({
			type: 'true_false',
			value: true
		});
		expect(parseResponseFromForm('true_false', { value: ['false'] })).toEqual({
			type: 'true_false',
			value: false
		});
		refusal(() => parseResponseFromForm('true_false', { value: ['yes'] }));
		refusal(() => parseResponseFromForm('true_false', {}));
	});

	test('numeric reads numbers as people type them', () => {
		expect(parseResponseFromForm('numeric', { value: ['2 400'] })).toEqual({
			type: 'numeric',
			value: 2400
		});
		expect(parseResponseFromForm('numeric', { value: ['2,400'] })).toEqual({
			type: 'numeric',
			value: 2400
		});
		expect(parseResponseFromForm('numeric', { value: ['2,5'] })).toEqual({
			type: 'numeric',
			value: 2.5
		});
		expect(refusal(() => parseResponseFromForm('numeric', { value: ['lots'] }))).toBe(
			'Enter a number.'
		);
		expect(refusal(() => parseResponseFromForm('numeric', {}))).toBe('Enter a number.');
	});

	test('short_text is trimmed', () => {
		expect(parseResponseFromForm('short_text', { text: ['  Barkhane \n'] })).toEqual({
			type: 'short_text',
			text: 'Barkhane'
		});
		refusal(() => parseResponseFromForm('short_text', { text: ['   '] }));
	});

	test('ordering takes every order field, in order', () => {
		expect(parseResponseFromForm('ordering', { order: ['z', 'w', 'x', 'y'] })).toEqual({
			type: 'ordering',
			itemIds: ['z', 'w', 'x', 'y']
		});
		refusal(() => parseResponseFromForm('ordering', {}));
	});

	test('an unknown type is refused', () => {
		expect(refusal(() => parseResponseFromForm('essay' as never, { text: ['x'] }))).toMatch(
			/Unknown question type/
		);
	});

	test('what the form gives back validates and grades', () => {
		const r = parseResponseFromForm('numeric', { value: ['2 450'] });
		validateResponse(numeric, r);
		expect(gradeResponse(numeric, r)).toEqual({ score: 1, correct: true });
		const forged = parseResponseFromForm('single', { choice: ['forged'] });
		refusal(() => validateResponse(single, forged));
	});
});

describe('numbers in words', () => {
	const base = {
		id: 'q',
		prompt: 'p',
		explanation: 'e',
		facts: ['f'],
		tags: [],
		difficulty: 1 as const
	};
	it('groups thousands and keeps calendar years bare', () => {
		const troops = {
			...base,
			type: 'numeric' as const,
			answer: 2400,
			tolerance: 0,
			unit: 'troops'
		};
		const year = { ...base, type: 'numeric' as const, answer: 2014, tolerance: 0, unit: 'year' };
		expect(describeCorrectAnswer(troops)).toBe('2,400 troops');
		expect(describeResponse(troops, { type: 'numeric', value: 1000 })).toBe('1,000 troops');
		expect(describeCorrectAnswer(year)).toBe('2014');
	});
});

describe('readResponseJson', () => {
	it('keeps only the fields of the response type', () => {
		expect(readResponseJson('{"type":"single","optionId":"a","extra":[[[1]]]}')).toEqual({
			type: 'single',
			optionId: 'a'
		});
		expect(readResponseJson('{"type":"true_false","value":true,"x":1}')).toEqual({
			type: 'true_false',
			value: true
		});
	});
	it('refuses what is not a response, with a message', () => {
		expect(() => readResponseJson('not json')).toThrow(InvalidResponseError);
		expect(() => readResponseJson('[1]')).toThrow(/could not be read/);
		expect(() => readResponseJson('{"type":"essay"}')).toThrow(/unknown type "essay"/);
	});
	it('leaves the values to validateResponse, which refuses a NUL in a text answer', () => {
		const q = {
			id: 'q',
			type: 'short_text' as const,
			prompt: 'p',
			explanation: 'e',
			facts: ['f'],
			tags: [],
			difficulty: 1 as const,
			accepted: ['Niamey']
		};
		expect(() =>
			validateResponse(q, readResponseJson('{"type":"short_text","text":"a\\u0000b"}'))
		).toThrow(/NUL/);
	});
});
