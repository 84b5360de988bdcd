// Gaps not worth asking (issue 16, the tenth reading): a first name inside someone's words, which picks its key out
// of full names (chess 4). Each test failed on the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('not-worth-asking', '2024-05-10');

const FILLER = [
	'The harbour board of Lindvik met on Thursday to approve the plan for a new quay on the north shore.',
	'Olaf Lund, the head of the ferry company, said he expected no delays to the summer timetable.',
	'About 2,300 people live in the town, most of them from fishing, ferries and the summer trade.'
];

const promptOf = (d: Draft) => d.question.prompt;

describe('a first name inside quoted words is not asked', () => {
	it('"‘The moment Karin crossed the line…’" does not offer full names for "Karin"', () => {
		const text = [
			...FILLER,
			'Anna Berg beat Karin Holt by two seconds in the final race of the Baltic regatta on Sunday.',
			'Berg took the title from Ingrid Sand, who had held it since 2019, and Sand did not race this year.',
			'"I am so happy," Berg said after the race. "The moment Karin crossed the line I knew I had won."',
			'Holt had led the regatta for most of the week.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => /The moment _____ crossed/u.test(promptOf(d)));
		expect(drafts.map(promptOf)).toEqual([]);
	});
});
