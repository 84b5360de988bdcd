// Faults the twentieth blind reading found, checked on the reports it read (questions/eval/held-back-19, our own
// words), as the drafter keeps them (chooseDrafts). Each test failed on the drafter before its change.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf, promptOf } from '../../../tests/helpers/drafting.ts';

const { keptOf } = draftingBank('twentieth-reading', '2021-09-05');
const kept = (file: string, date: string) => keptOf(`held-back-19/${file}`, date);

describe('the twentieth reading', () => {
	it('C17, C18: no bracket inside a bracket, and no wh-question asks of "[a body]"', () => {
		const prompts = kept('casgevy-crispr-approval-uk-2023.txt', '2023-11-16').map(promptOf);
		expect(prompts.filter((p) => /\[[^\]]*\[/u.test(p))).toEqual([]);
		expect(prompts.filter((p) => /\?/u.test(p) && /\[a /u.test(p))).toEqual([]);
	});

	it('G7, G10: no list cut where the tagger stops knowing it, and no gap cut through a name', () => {
		const prompts = kept('guinea-coup-conde-detained-2021.txt', '2021-09-05').map(promptOf);
		expect(prompts.filter((p) => /which countries and/u.test(p))).toEqual([]);
		// G10: "the bloc's Peace and _____" cut through "Peace and Security Council".
		expect(prompts.filter((p) => /Peace and _____/u.test(p))).toEqual([]);
	});

	it('O4, O23: no "the Texas" after "Cushing,", and no options under "above _____"', () => {
		const drafts = kept('us-oil-price-below-zero-2020.txt', '2020-04-20');
		expect(drafts.flatMap(optionsOf).filter((o) => o === 'the Texas')).toEqual([]);
		expect(
			drafts.filter((d) => /\babove _____/u.test(promptOf(d)) && optionsOf(d).length > 0)
		).toEqual([]);
	});
});
