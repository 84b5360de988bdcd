// Shared setup of the drafter's rule tests (src/lib/drafting/draft-round*.spec.ts): the real bank, loaded once per
// file, and made-up articles drafted against it.
import { beforeAll } from 'vitest';
import type { Bank } from '../../src/lib/bank/types.ts';
import { draftCandidates } from '../../src/lib/drafting/draft.ts';
import type { Draft, DraftArticle } from '../../src/lib/drafting/types.ts';
import { loadRealBank } from './bank.ts';

/**
 * Loads the bank before the file's tests; `bank()` returns it, `draftsOf(text)` drafts a made-up article of that
 * text (and title, if given) (its slug from `slug` and the text's length, so two texts of a file never share a slug).
 */
export function draftingBank(slug: string, eventDate: string) {
	let bank: Bank | undefined;
	beforeAll(() => {
		bank = loadRealBank();
	}, 60_000);
	const loaded = (): Bank => {
		if (!bank) throw new Error('the bank is loaded in beforeAll');
		return bank;
	};
	const base: DraftArticle = {
		slug,
		title: 'A made-up report',
		publisher: null,
		eventDate,
		text: '',
		furniture: []
	};
	return {
		bank: loaded,
		draftsOf(text: string, date = eventDate, title = base.title): Draft[] {
			return draftCandidates(
				{ ...base, slug: `${slug}-${text.length}`, eventDate: date, text, title },
				loaded()
			);
		}
	};
}

/** The options' texts of a choice question, none for other types. */
export function optionsOf(d: Draft): string[] {
	return d.question.type === 'single' || d.question.type === 'multiple'
		? d.question.options.map((o) => o.text)
		: [];
}

/** The wrong answers a reader is shown: a choice's other options, or the name or figure a false claim swaps in. */
export function wrongOf(d: Draft): string[] {
	const q = d.question;
	if (q.type === 'true_false')
		return [q.explanation.match(/, not (.+)\.$/u)?.[1] ?? ''].filter(Boolean);
	if (q.type === 'single') return q.options.filter((o) => !o.correct).map((o) => o.text);
	return [];
}
