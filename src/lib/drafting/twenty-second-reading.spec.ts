// Faults the twenty-second blind reading found, checked on the reports it read (questions/eval/held-back-21, our own
// words), as the drafter keeps them (chooseDrafts). Each test failed on the drafter before its change.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf, promptOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf, keptOf } = draftingBank('twenty-second-reading', '2024-02-23');
const kept = (file: string, date: string, title?: string) =>
	keptOf(`held-back-21/${file}`, date, title);

const assange = () =>
	kept(
		'assange-plea-deal-return-2024.txt',
		'2024-06-26',
		'Julian Assange pleads guilty to one espionage charge in Saipan and returns to Australia a free man'
	);
const gilts = () => kept('bank-of-england-gilt-rescue-2022.txt', '2022-09-28');
const odysseus = () =>
	kept(
		'odysseus-moon-landing-2024.txt',
		'2024-02-23',
		'The Odysseus lander, the first U.S. spacecraft to land on the Moon since 1972, comes to rest on its side near the south pole'
	);

describe('the twenty-second reading', () => {
	it('A4, O15: no gap before a middle initial’s surname, no list asked from its second item', () => {
		expect(
			assange()
				.map(promptOf)
				.filter((p) => /_____\.\s+\p{Lu}/u.test(p))
		).toEqual([]);
		expect(
			odysseus()
				.map(promptOf)
				.filter((p) => /the which countries/u.test(p))
		).toEqual([]);
	});

	it('A1: the person the title names is asked only as who said what, never as a gap', () => {
		expect(
			assange()
				.map(promptOf)
				.filter((p) => /_____ arrived home/u.test(p))
		).toEqual([]);
		expect(
			assange().filter(
				(d) =>
					d.value && 'name' in d.value && d.value.name === 'Julian Assange' && d.form !== 'who-said'
			)
		).toEqual([]);
	});

	it('A2: "his wife, Stella," is the Stella Assange the report names later', () => {
		const text = fs.readFileSync(
			path.resolve(
				import.meta.dirname,
				'../../../questions/eval/held-back-21/assange-plea-deal-return-2024.txt'
			),
			'utf8'
		);
		const stella = draftsOf(text, '2024-06-26').filter((d) => /his wife, _____/u.test(promptOf(d)));
		expect(stella.length).toBeGreaterThan(0);
		for (const d of stella)
			if (d.question.type === 'short_text') expect(d.question.accepted).toContain('Stella Assange');
	});

	it('B11, B14: a day still due takes no option on the report’s own day', () => {
		const due = gilts().filter((d) => /\bdue\b[^“”]*_____/u.test(promptOf(d)));
		expect(due.length).toBeGreaterThan(0);
		expect(due.flatMap(optionsOf).filter((o) => /28 September/u.test(o))).toEqual([]);
	});

	it('O1, O20: a bounded figure is typed exactly, and "about 4.3 metres" within a tenth or two', () => {
		const numeric = odysseus().filter((d) => d.question.type === 'numeric');
		expect(numeric.length).toBeGreaterThan(0);
		for (const d of numeric) {
			if (d.question.type !== 'numeric') continue;
			if (/more than _____/u.test(promptOf(d))) expect(d.question.tolerance).toBe(0);
			if (d.question.answer === 4.3) expect(d.question.tolerance).toBeLessThanOrEqual(0.2);
		}
	});

	it('B4: a figure something fell to takes no option above the one it fell from', () => {
		const fell = gilts().filter((d) => /fell to about _____/u.test(promptOf(d)));
		expect(fell.length).toBeGreaterThan(0);
		for (const d of fell) expect(optionsOf(d).filter((o) => parseFloat(o) >= 5)).toEqual([]);
	});

	it('O14: no claim on a figure or year the title states', () => {
		const claims = odysseus().filter((d) => d.question.type === 'true_false');
		expect(claims.length).toBeGreaterThan(0);
		expect(
			claims.map(promptOf).filter((p) => /1972\b[^”]*$/u.test(p.split(':').slice(1).join(':')))
		).toEqual([]);
	});

	it('O5: no false latitude beyond 90 degrees', () => {
		expect(
			odysseus()
				.map(promptOf)
				.filter((p) => /\b(?:9[1-9]|[1-9]\d\d) degrees (?:south|north)/u.test(p))
		).toEqual([]);
	});

	it('B7, B9, O16, A5: "the same day", "it sank", "became the fifth" and "his U.S. lawyer" are named or led in', () => {
		const prompts = [...gilts(), ...odysseus(), ...assange()].map(promptOf);
		const leaning = prompts.filter((p) =>
			/the same day|\bit sank|became the fifth last month|his U\.S\. lawyer/u.test(p)
		);
		expect(leaning.filter((p) => !/after “/u.test(p))).toEqual([]);
	});
});
