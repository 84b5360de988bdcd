import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/types.ts';
import { misreadLevel, misreadingsByFact, type MisreadAnswer } from './misreadings.ts';

const single: Question = {
	id: 'q-who',
	type: 'single',
	prompt: 'Who opened the border?',
	options: [
		{ id: 'a', text: 'Bazoum', correct: true },
		{ id: 'b', text: 'Macron', correct: false },
		{ id: 'c', text: 'Le Drian', correct: false }
	],
	explanation: 'The report says so.',
	facts: ['f-border', 'f-other-article'],
	tags: [],
	difficulty: 1
} as Question;
const twoPassages: Question = {
	id: 'q-count',
	type: 'true_false',
	prompt: 'True or false: 2,400 troops.',
	answer: true,
	explanation: 'Stated.',
	facts: ['f-troops', 'f-border'],
	tags: [],
	difficulty: 1
} as Question;
const versions = new Map([
	[1, { questionId: 'q-who', body: single }],
	[2, { questionId: 'q-count', body: twoPassages }]
]);
const who = (optionId: string, correct: boolean, assignmentId = 'hw-2'): MisreadAnswer => ({
	versionId: 1,
	correct,
	response: { type: 'single', optionId },
	assignmentId
});

describe('misread passages', () => {
	it('shades by the share of wrong answers, and not at all without answers', () => {
		expect(misreadLevel(0, 0)).toBe(0);
		expect(misreadLevel(0, 10)).toBe(1);
		expect(misreadLevel(2, 10)).toBe(2);
		expect(misreadLevel(5, 10)).toBe(3);
		expect(misreadLevel(6, 10)).toBe(4);
	});

	it('counts each answer on every passage of the article its question cites, with the wrong answers given', () => {
		const result = misreadingsByFact(
			[
				who('b', false),
				who('b', false),
				who('c', false, 'hw-1'),
				who('a', true, 'hw-1'),
				{ versionId: 2, correct: true, response: { type: 'true_false', value: true } },
				{ versionId: 2, correct: false, response: null },
				{ versionId: 99, correct: false, response: null }
			],
			versions,
			['f-border', 'f-troops', 'f-unasked']
		);
		expect(result['f-unasked']).toEqual({ answered: 0, wrong: 0, level: 0, questions: [] });
		expect(result['f-troops']).toMatchObject({ answered: 2, wrong: 1, level: 3 });
		const border = result['f-border'];
		expect(border).toMatchObject({ answered: 6, wrong: 4, level: 4 });
		// The most misread question first, its wrong answers most frequent first.
		expect(border.questions.map((q) => [q.questionId, q.answered, q.wrong])).toEqual([
			['q-who', 4, 3],
			['q-count', 2, 1]
		]);
		expect(border.questions[0].wrongAnswers).toEqual([
			{ text: 'Macron', count: 2 },
			{ text: 'Le Drian', count: 1 }
		]);
		expect(border.questions[1].wrongAnswers).toEqual([{ text: 'No answer given', count: 1 }]);
		// Each question names the assignments it was answered for (the item analysis tells more there).
		expect(border.questions[0].assignmentIds).toEqual(['hw-1', 'hw-2']);
		expect(border.questions[1].assignmentIds).toEqual([]);
		// A fact of another article is not one of this page's passages.
		expect(result['f-other-article']).toBeUndefined();
	});
});
