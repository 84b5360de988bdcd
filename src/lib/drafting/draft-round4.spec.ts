// The drafter's rules added in the fourth round of issue 16, from the "Still weak" list of the third held-back
// reading (each test failed on the drafter before its change). The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';
import { findMentions, gazetteerOf, splitSentences } from './extract.ts';

const { bank, draftsOf } = draftingBank('round4', '2024-03-21');

describe('a photo caption whose credit stands on its own line', () => {
	const TEXT = [
		'Doctors at Lakeview General Hospital in Portland said on Thursday that a patient had received a kidney from a gene-edited pig.',
		'Surgeons at Lakeview General Hospital in Portland perform the transplant of a pig kidney into a patient, March 16, 2024.',
		'Lakeview General Hospital/Handout via SQ WIRE',
		'The operation lasted about four hours and the patient, a 62-year-old man, is recovering well, the hospital said.',
		'A team led by surgeon Tomas Varga had studied such transplants in monkeys for more than five years.',
		'An aide stands beside the operating table at the hospital in Portland, March 16, 2024.',
		'(AP Photo/Jane Holloway)',
		'The Food and Drug Administration gave separate approval for the operation last month.'
	].join('\n');

	it('is not a sentence of the article, nor is its credit', () => {
		const sentences = splitSentences(TEXT, []).map((s) => s.text);
		expect(sentences.some((s) => s.startsWith('Surgeons at Lakeview'))).toBe(false);
		expect(sentences.some((s) => s.startsWith('An aide stands'))).toBe(false);
		expect(sentences.some((s) => /WIRE|AP Photo/u.test(s))).toBe(false);
		expect(sentences.some((s) => s.startsWith('The operation lasted'))).toBe(true);
	});

	it('gives no draft and no option', () => {
		for (const d of draftsOf(TEXT)) {
			expect(d.quote).not.toMatch(/March 16, 2024|WIRE|AP Photo/u);
			for (const o of optionsOf(d)) expect(o).not.toMatch(/WIRE|Handout|AP Photo/u);
		}
	});

	it('credit words are not organisations', () => {
		const text =
			'The picture came from a Handout of the hospital sent through SQ WIRE to the papers.';
		const names = splitSentences(text, [])
			.flatMap((s) => findMentions(s, '2024-03-21', gazetteerOf(bank().facts)))
			.filter((m) => m.value.kind === 'organisation')
			.map((m) => ('name' in m.value ? m.value.name : ''));
		expect(names).not.toContain('WIRE');
		expect(names).not.toContain('Handout');
	});
});
