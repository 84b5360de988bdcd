// Faults the twenty-fifth blind reading found, checked on the reports it read (questions/eval/held-back-24, our own
// words), as the drafter keeps them (chooseDrafts). Each test failed on the drafter before its change.
import { describe, expect, it } from 'vitest';
import { draftingBank, promptOf } from '../../../tests/helpers/drafting.ts';

const { keptOf } = draftingBank('twenty-fifth-reading', '2021-07-11');

describe('the twenty-fifth reading', () => {
	it('I18: no count fronted past a word between its auxiliary and verb ("did the team have now go")', () => {
		const prompts = keptOf('held-back-24/italy-euro-2020-final-2021.txt', '2021-07-11').map(
			promptOf
		);
		expect(prompts.filter((p) => /did the team have|have now go\b/u.test(p))).toEqual([]);
	});

	it('S15: a sentence’s opening "Under" is no part of a name ("[Under Bashir, an army officer]")', () => {
		const prompts = keptOf('held-back-24/sudan-bashir-ousted-2019.txt', '2019-04-11').map(promptOf);
		expect(prompts.filter((p) => /\[Under /u.test(p))).toEqual([]);
	});
});
