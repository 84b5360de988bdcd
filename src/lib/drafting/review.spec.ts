import { describe, expect, it } from 'vitest';
import { describeDraftKey, draftDistractors, draftRejectionSchema } from './review.ts';

const problems = (input: unknown) => {
	const parsed = draftRejectionSchema.safeParse(input);
	return parsed.success
		? null
		: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('why a draft is rejected', () => {
	it('takes a reason from the list, with an optional note trimmed (an empty one is none)', () => {
		expect(draftRejectionSchema.parse({ reason: 'wrong_key', note: '  ' })).toEqual({
			reason: 'wrong_key'
		});
		expect(draftRejectionSchema.parse({ reason: 'duplicate', note: ' Same as draft 4 ' })).toEqual({
			reason: 'duplicate',
			note: 'Same as draft 4'
		});
	});

	it('names the field of each problem: no reason, an unknown one, "other" without a note, a long note', () => {
		expect(problems({})).toEqual({ reason: 'Choose why you reject this draft.' });
		expect(problems({ reason: 'boring' })).toEqual({ reason: 'Choose why you reject this draft.' });
		expect(problems({ reason: 'other', note: ' ' })).toEqual({
			note: 'Say in the note why you reject it (the reason “Other” needs one).'
		});
		expect(problems({ reason: 'too_easy', note: 'x'.repeat(301) })).toEqual({
			note: 'The note: at most 300 characters.'
		});
	});
});

describe('the key of a draft in words', () => {
	it('says what the teacher checks against the quote, for each type', () => {
		const choice = {
			type: 'multiple' as const,
			prompt: '?',
			options: [{ text: 'Niger', correct: true }, { text: 'Chad' }, { text: 'Mali', correct: true }]
		};
		expect(describeDraftKey(choice)).toBe('Niger; Mali');
		expect(draftDistractors(choice)).toEqual(['Chad']);
		expect(
			describeDraftKey({
				type: 'numeric',
				prompt: '?',
				answer: 1200,
				tolerance: 0,
				unit: 'soldiers'
			})
		).toBe('1,200 soldiers');
		expect(
			describeDraftKey({ type: 'numeric', prompt: '?', answer: 2022, tolerance: 1, unit: 'year' })
		).toBe('2022 (± 1)');
		expect(describeDraftKey({ type: 'true_false', prompt: '?', answer: false })).toBe('False');
		expect(describeDraftKey({ type: 'ordering', prompt: '?', items: ['A', 'B'] })).toBe('A → B');
		expect(
			describeDraftKey({
				type: 'short_text',
				prompt: '?',
				accepted: ['Takuba', 'Task Force Takuba']
			})
		).toBe('Takuba / Task Force Takuba');
	});
});
