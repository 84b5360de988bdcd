// Properties of the real bank in questions/, beyond validity (which parse.spec.ts and questions:check cover).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankFromDir } from './load-from-disk.ts';
import { keyLeads } from './quality.ts';

const { bank, errors } = loadBankFromDir(path.resolve(import.meta.dirname, '../../../questions'));

describe('the bank in questions/', () => {
	it('is valid', () => {
		expect(errors).toEqual([]);
	});

	it('does not put the key first: without shuffling, the first option is right no more often than chance', () => {
		const choice = bank!.questions.filter((q) => q.type === 'single' || q.type === 'multiple');
		expect(choice.length).toBeGreaterThan(20);
		const single = choice.filter((q) => q.type === 'single');
		const firstRight = single.filter((q) => q.options[0].correct).length / single.length;
		// Chance is 1 in 3 to 1 in 4 options; the bank once had every key first.
		expect(firstRight).toBeLessThan(0.4);
		const leading = choice.filter(keyLeads).length / choice.length;
		expect(leading).toBeLessThan(0.4);
	});
});
