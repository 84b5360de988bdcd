import { describe, expect, it } from 'vitest';
import { applyDraftEdit, DraftEditError, draftEditSchema, questionOfDraft } from './accept.ts';
import {
	articleInputErrors,
	articleInputSchema,
	articleSlug,
	MAX_ARTICLE_CHARS
} from './article-input.ts';
import type { Draft } from './types.ts';

const draft: Draft = {
	key: 'number-2400',
	kind: 'number',
	question: {
		type: 'single',
		prompt: 'How many French soldiers were in Mali?',
		options: [{ text: '2,400', correct: true }, { text: '4,500' }, { text: '900' }],
		explanation: 'The report says 2,400.',
		tags: ['drafted'],
		difficulty: 2
	},
	quote: 'Some 2,400 French soldiers are currently in the country',
	span: { start: 10, end: 66 },
	value: { kind: 'number', amount: 2400, unit: 'soldiers' },
	bankFacts: [],
	similarTo: []
};

describe('a teacher’s edits to a draft', () => {
	it('changes the words and the right option, never the quote', () => {
		const edited = applyDraftEdit(draft, {
			prompt: 'New prompt?',
			explanation: 'Why.',
			options: ['2,400', '4,500', '1,000'],
			correct: [0]
		});
		expect(edited.quote).toBe(draft.quote);
		expect(edited.span).toEqual(draft.span);
		expect(edited.question).toMatchObject({
			prompt: 'New prompt?',
			options: [{ text: '2,400', correct: true }, { text: '4,500' }, { text: '1,000' }]
		});
	});

	it('refuses a single choice without exactly one right option, or with options missing', () => {
		expect(() =>
			applyDraftEdit(draft, {
				prompt: 'p',
				explanation: 'e',
				options: ['a', 'b', 'c'],
				correct: []
			})
		).toThrow(DraftEditError);
		expect(() =>
			applyDraftEdit(draft, {
				prompt: 'p',
				explanation: 'e',
				options: ['a', 'b', 'c'],
				correct: [0, 1]
			})
		).toThrow(/exactly one/u);
		expect(() =>
			applyDraftEdit(draft, { prompt: 'p', explanation: 'e', options: ['a', 'b'], correct: [0] })
		).toThrow(/all 3 options/u);
	});

	it('checks the question with the bank’s rules: two options that read the same are refused', () => {
		const edited = applyDraftEdit(draft, {
			prompt: 'p',
			explanation: 'e',
			options: ['2,400', '2,500', '900'],
			correct: [0]
		});
		expect(() => questionOfDraft(edited, 't-x-q', ['t-fact-x'])).not.toThrow();
		const twice = applyDraftEdit(draft, {
			prompt: 'p',
			explanation: 'e',
			options: ['Niger', 'niger', '900'],
			correct: [0]
		});
		expect(() => questionOfDraft(twice, 't-x-q', ['t-fact-x'])).toThrow(/appears twice/u);
	});

	it('makes a question with stable option ids citing the given facts', () => {
		const q = questionOfDraft(draft, 't-abc-q', ['t-fact-1', 'bank-fact']);
		expect(q.facts).toEqual(['t-fact-1', 'bank-fact']);
		if (q.type !== 'single') throw new Error('single expected');
		expect(q.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['2,400']);
		expect(new Set(q.options.map((o) => o.id)).size).toBe(3);
	});

	it('edits a numeric answer and an ordering’s events, keeping their number', () => {
		const numeric: Draft = {
			...draft,
			question: {
				type: 'numeric',
				prompt: 'How many?',
				answer: 6,
				tolerance: 0,
				unit: 'leaders',
				explanation: 'Six.',
				tags: [],
				difficulty: 1
			}
		};
		const edited = applyDraftEdit(numeric, {
			prompt: 'How many leaders?',
			explanation: 'Six.',
			answer: 6,
			tolerance: 0,
			unit: 'heads of state'
		});
		expect(questionOfDraft(edited, 't-n-q', ['t-fact-n'])).toMatchObject({
			type: 'numeric',
			answer: 6,
			unit: 'heads of state'
		});
		const ordering: Draft = {
			...draft,
			question: {
				type: 'ordering',
				prompt: 'Order',
				items: ['A happens', 'B happens', 'C happens'],
				explanation: 'A, B, C.',
				tags: [],
				difficulty: 3
			}
		};
		expect(() =>
			applyDraftEdit(ordering, { prompt: 'Order', explanation: 'x', items: ['A', 'B'] })
		).toThrow(/all 3 events/u);
		const reordered = applyDraftEdit(ordering, {
			prompt: 'Order them',
			explanation: 'x',
			items: ['A first', 'B next', 'C last']
		});
		const q = questionOfDraft(reordered, 't-o-q', ['t-fact-o', 'bank-fact']);
		if (q.type !== 'ordering') throw new Error('ordering expected');
		expect(q.items.map((i) => i.text)).toEqual(['A first', 'B next', 'C last']);
	});

	it('reports form problems by field', () => {
		const parsed = draftEditSchema.safeParse({ prompt: ' ', explanation: 'x', tolerance: '-1' });
		expect(parsed.success).toBe(false);
		const fields = parsed.error!.issues.map((i) => i.path[0]);
		expect(fields).toContain('prompt');
		expect(fields).toContain('tolerance');
	});
});

describe('a new article as given', () => {
	const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
	it('is accepted with a title, an optional publisher, a real date and a whole text', () => {
		const parsed = articleInputSchema.parse({
			title: ' A title ',
			publisher: '',
			eventDate: '2022-02-17',
			text: `\uFEFF${words}\r\n`
		});
		expect(parsed).toEqual({
			title: 'A title',
			publisher: null,
			eventDate: '2022-02-17',
			text: words
		});
	});
	it('names each field that is wrong', () => {
		const parsed = articleInputSchema.safeParse({
			title: '',
			publisher: 'x',
			eventDate: '2022-02-30',
			text: 'too short'
		});
		expect(parsed.success).toBe(false);
		expect(articleInputErrors(parsed.error!)).toEqual({
			title: expect.stringMatching(/title/u),
			eventDate: 'This date does not exist.',
			text: expect.stringMatching(/at least 50 words/u)
		});
	});
	it('refuses a text too long to draft in one request, saying how long it may be', () => {
		const long = 'word '.repeat(MAX_ARTICLE_CHARS / 5 + 1);
		const parsed = articleInputSchema.safeParse({
			title: 'Long',
			publisher: '',
			eventDate: '2022-02-17',
			text: long
		});
		expect(articleInputErrors(parsed.error!).text).toBe(
			'The article is longer than 40,000 characters.'
		);
	});
	it('gets a slug from its title', () => {
		expect(articleSlug('Niger’s President: the border opens!', 'x7k')).toBe(
			'niger-s-president-the-border-opens-x7k'
		);
	});
});

describe('a teacher’s edits to a name typed in', () => {
	const typed: Draft = {
		...draft,
		key: 'person-gap-kaplan',
		kind: 'person',
		question: {
			type: 'short_text',
			prompt: 'Complete the sentence: “U.S. District Judge _____ set sentencing for March 28.”',
			accepted: ['Lewis Kaplan', 'Kaplan'],
			explanation: 'The report says so: Lewis Kaplan.',
			tags: ['drafted'],
			difficulty: 2
		},
		value: { kind: 'person', name: 'Lewis Kaplan' }
	};

	it('replace its accepted answers', () => {
		const edited = applyDraftEdit(typed, {
			prompt: typed.question.prompt,
			explanation: 'Why.',
			accepted: ['Lewis Kaplan', 'Kaplan', 'Lewis A. Kaplan']
		});
		expect(edited.question).toMatchObject({
			type: 'short_text',
			accepted: ['Lewis Kaplan', 'Kaplan', 'Lewis A. Kaplan']
		});
	});

	it('keep at least one accepted answer', () => {
		const parsed = draftEditSchema.safeParse({ prompt: 'P', explanation: 'E', accepted: [] });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]).toMatchObject({
			path: ['accepted'],
			message: 'Give at least one accepted answer.'
		});
	});
});
