// Gaps not worth asking (issue 16, the tenth reading): a first name inside someone's words, which picks its key out
// of full names (chess 4). Each test failed on the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, FERRY_FILLER, promptOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('not-worth-asking', '2024-05-10');

describe('a first name inside quoted words is not asked', () => {
	it('"‘The moment Karin crossed the line…’" does not offer full names for "Karin"', () => {
		const text = [
			...FERRY_FILLER,
			'Anna Berg beat Karin Holt by two seconds in the final race of the Baltic regatta on Sunday.',
			'Berg took the title from Ingrid Sand, who had held it since 2019, and Sand did not race this year.',
			'"I am so happy," Berg said after the race. "The moment Karin crossed the line I knew I had won."',
			'Holt had led the regatta for most of the week.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => /The moment _____ crossed/u.test(promptOf(d)));
		expect(drafts.map(promptOf)).toEqual([]);
	});
});
