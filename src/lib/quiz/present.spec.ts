import { describe, expect, it, test } from 'vitest';
import type { Question } from '../bank/types.ts';
import { presentQuestion } from './present.ts';

const base = {
	prompt: 'Which?',
	explanation: 'Explained in our own words.',
	facts: ['secret-fact'],
	tags: ['t'],
	difficulty: 2 as const
};

const questions: Question[] = [
	{
		...base,
		id: 'single',
		type: 'single',
		options: [
			{ id: 'o1', text: 'One', correct: false },
			{ id: 'o2', text: 'Two', correct: true },
			{ id: 'o3', text: 'Three', correct: false },
			{ id: 'o4', text: 'Four', correct: false }
		]
	},
	{
		...base,
		id: 'multiple',
		type: 'multiple',
		options: [
			{ id: 'm1', text: 'M1', correct: true },
			{ id: 'm2', text: 'M2', correct: true },
			{ id: 'm3', text: 'M3', correct: false }
		]
	},
	{ ...base, id: 'tf', type: 'true_false', answer: false },
	{ ...base, id: 'num', type: 'numeric', answer: 2400, tolerance: 50, unit: 'soldiers' },
	{ ...base, id: 'short', type: 'short_text', accepted: ['Barkhane', 'Operation Barkhane'] },
	{
		...base,
		id: 'order',
		type: 'ordering',
		items: [
			{ id: 'i1', text: 'First' },
			{ id: 'i2', text: 'Second' },
			{ id: 'i3', text: 'Third' }
		]
	}
];
const byId = (id: string) => questions.find((q) => q.id === id)!;

describe('presentQuestion', () => {
	test.each(questions)('$type never carries the answer key', (q) => {
		for (let i = 0; i < 20; i++) {
			const presented = presentQuestion(q, `seed-${i}`);
			const json = JSON.stringify(presented);
			expect(json).not.toMatch(
				/"correct"|"answer"|"accepted"|"tolerance"|"explanation"|"facts"|"tags"|"difficulty"/
			);
			expect(json).not.toContain('secret-fact');
			expect(json).not.toContain('our own words');
			expect(json).not.toContain('Barkhane');
			expect(json).not.toContain('2400');
			expect(Object.keys(presented).sort()).toEqual(
				[
					'id',
					'type',
					'prompt',
					...(q.type === 'single' || q.type === 'multiple' ? ['options'] : []),
					...(q.type === 'ordering' ? ['items'] : []),
					...(q.type === 'numeric' ? ['unit'] : [])
				].sort()
			);
		}
	});

	test('keeps id, type and prompt; numeric shows its unit; true_false has no options', () => {
		expect(presentQuestion(byId('num'), 's')).toEqual({
			id: 'num',
			type: 'numeric',
			prompt: 'Which?',
			unit: 'soldiers'
		});
		expect(presentQuestion(byId('tf'), 's')).toEqual({
			id: 'tf',
			type: 'true_false',
			prompt: 'Which?'
		});
		expect(presentQuestion(byId('short'), 's')).toEqual({
			id: 'short',
			type: 'short_text',
			prompt: 'Which?'
		});
	});

	test('options are all there, shuffled by the seed, stable for the same seed', () => {
		const q = byId('single');
		const first = presentQuestion(q, 'attempt-1:single');
		expect(presentQuestion(q, 'attempt-1:single')).toEqual(first);
		expect(first.options!.map((o) => o.id).sort()).toEqual(['o1', 'o2', 'o3', 'o4']);
		expect(first.options!.find((o) => o.id === 'o2')).toEqual({ id: 'o2', text: 'Two' });
		const orders = new Set(
			Array.from({ length: 30 }, (_, i) =>
				presentQuestion(q, `a${i}`)
					.options!.map((o) => o.id)
					.join()
			)
		);
		expect(orders.size).toBeGreaterThan(5);
	});

	test('an ordering is never shown in the correct order, and is stable for a seed', () => {
		const q = byId('order');
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) {
			const items = presentQuestion(q, `o${i}`).items!;
			expect(items.map((it) => it.id).sort()).toEqual(['i1', 'i2', 'i3']);
			seen.add(items.map((it) => it.id).join());
		}
		expect(seen.has('i1,i2,i3')).toBe(false);
		expect(seen.size).toBe(5); // every other permutation of three items shows up
		expect(presentQuestion(q, 'same')).toEqual(presentQuestion(q, 'same'));
	});

	test('a two-item ordering is always shown swapped', () => {
		const q: Question = {
			...base,
			id: 'two',
			type: 'ordering',
			items: [
				{ id: 'a', text: 'A' },
				{ id: 'b', text: 'B' }
			]
		};
		for (let i = 0; i < 20; i++)
			expect(presentQuestion(q, `t${i}`).items!.map((it) => it.id)).toEqual(['b', 'a']);
	});

	test('does not change the question it is given', () => {
		const q = byId('multiple');
		const before = JSON.stringify(q);
		presentQuestion(q, 'x');
		expect(JSON.stringify(q)).toBe(before);
	});
});

describe('presentation without shuffled options', () => {
	it('keeps the bank order of choices but still shuffles ordering items', () => {
		const single: Question = {
			id: 'q',
			type: 'single',
			prompt: 'p',
			explanation: 'e',
			facts: ['f'],
			tags: [],
			difficulty: 1,
			options: ['a', 'b', 'c', 'd'].map((t) => ({ id: t, text: t, correct: t === 'a' }))
		};
		const ordering: Question = {
			id: 'o',
			type: 'ordering',
			prompt: 'p',
			explanation: 'e',
			facts: ['f'],
			tags: [],
			difficulty: 1,
			items: ['a', 'b', 'c'].map((t) => ({ id: t, text: t }))
		};
		for (const seed of ['1', '2', '3', '4']) {
			expect(
				presentQuestion(single, seed, { shuffleOptions: false }).options!.map((o) => o.id)
			).toEqual(['a', 'b', 'c', 'd']);
			expect(
				presentQuestion(ordering, seed, { shuffleOptions: false }).items!.map((i) => i.id)
			).not.toEqual(['a', 'b', 'c']);
		}
	});
});
