// Words shown beside a gap that give its key away (issue 16, the strict re-reading of drafts19: UBS 1 "for _____
// Swiss francs ($3.23 billion)", Morocco 11 "_____ euros ($5.4 million)"). Each test failed on the drafter before
// its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, FERRY_FILLER, promptOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('key-give-aways', '2024-05-10');

describe('an amount converted in brackets after the gap is not shown', () => {
	it.each([
		[
			'The town council set aside 12 million euros ($13 million) for the new quay and the road to it.',
			/aside _____ euros/u
		]
	])('"%s"', (sentence, asked) => {
		const text = [
			...FERRY_FILLER,
			sentence,
			'The yard had cost 25 million francs to build in 1998, and the quay will cost 60 million euros.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => asked.test(promptOf(d)));
		expect(drafts.length).toBeGreaterThan(0);
		expect(drafts.map(promptOf).filter((p) => /\(\$/u.test(p))).toEqual([]);
	});
});
