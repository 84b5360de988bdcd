// Faults the twenty-third blind reading found, checked on the reports it read (questions/eval/held-back-22, our own
// words), as the drafter keeps them (chooseDrafts). Each test failed on the drafter before its change.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf, promptOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

/** The right answer as text: the right options, the number, or the typed forms. */
function answerTexts(d: Draft): string[] {
	const q = d.question;
	if (q.type === 'single' || q.type === 'multiple')
		return q.options.filter((o) => o.correct).map((o) => o.text);
	if (q.type === 'short_text') return q.accepted;
	if (q.type === 'numeric') return [String(q.answer)];
	return [];
}

const { keptOf } = draftingBank('twenty-third-reading', '2020-12-08');
const keenan = () =>
	keptOf(
		'held-back-22/keenan-first-pfizer-vaccine-2020.txt',
		'2020-12-08',
		'Margaret Keenan, 90, becomes the first person given the Pfizer-BioNTech COVID-19 vaccine outside a trial as Britain begins vaccinating'
	);

const FED_TITLE =
	'The U.S. Federal Reserve raises its benchmark rate by three-quarters of a point, its biggest increase since 1994';
const fed = () =>
	keptOf('held-back-22/fed-three-quarter-point-hike-2022.txt', '2022-06-15', FED_TITLE);

describe('the twenty-third reading', () => {
	it('F22: under a title that states 1994, no key or option of 1994', () => {
		const titled = fed().filter((d) => promptOf(d).includes(FED_TITLE));
		expect(titled.length).toBeGreaterThan(0);
		expect(
			titled.filter((d) => [...answerTexts(d), ...optionsOf(d)].some((t) => /1994/u.test(t)))
		).toEqual([]);
	});

	it('M9, M16: no gap cut from a body’s longer name ("_____ on Vaccination…", "Healthcare products _____ (MHRA)")', () => {
		expect(
			keenan()
				.map(promptOf)
				.filter((p) => /_____ on Vaccination|Healthcare products _____/u.test(p))
		).toEqual([]);
	});

	it('M19: after "the", only places read with "the" ("died in the England" is not English)', () => {
		const afterThe = keenan().filter(
			(d) => /\bthe _____/u.test(promptOf(d)) && d.value?.kind === 'place'
		);
		expect(
			afterThe
				.flatMap(optionsOf)
				.filter((o) => /^(?:England|Scotland|Wales|Northern Ireland)$/u.test(o))
		).toEqual([]);
	});
});
