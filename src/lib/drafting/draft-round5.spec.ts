// The drafter's rules added in the fifth round of issue 16, from the failure kinds of the held-back-2 reading
// (each test failed on the drafter before its change). The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';
import { findMentions, gazetteerOf, splitSentences } from './extract.ts';
import type { Draft, Mention } from './types.ts';

const { bank, draftsOf } = draftingBank('round5', '2024-03-21');

function mentionsOf(text: string): Mention[] {
	return splitSentences(text, []).flatMap((s) =>
		findMentions(s, '2024-03-21', gazetteerOf(bank().facts))
	);
}
const wrongOptionsOf = (d: Draft) =>
	d.question.type === 'single'
		? d.question.options.filter((o) => !o.correct).map((o) => o.text)
		: [];
const named = (ms: Mention[], kind: string) =>
	ms.filter((m) => m.value.kind === kind).map((m) => ('name' in m.value ? m.value.name : ''));

describe('a place inside a longer name is no place', () => {
	it('"Bank of Japan" is a body, not the place Japan', () => {
		const ms = mentionsOf(
			'The Bank of Japan raised its main rate on Tuesday for the first time in years.'
		);
		expect(named(ms, 'place')).not.toContain('Japan');
		expect(named(ms, 'organisation')).toContain('Bank of Japan');
	});

	it('a title of nobility names no place: "Princess of Wales", "Duke of Edinburgh"', () => {
		const ms = mentionsOf(
			'The Princess of Wales and the Duke of Edinburgh watched the final from the royal box in London.'
		);
		expect(named(ms, 'place')).toEqual(['London']);
	});

	it('"All England Club" is one name, and a false claim never swaps a part of it', () => {
		const text = [
			'Marta Ruiz beat Ines Kovac 6-4 6-3 on Saturday to win the women’s title at the grass-court championships.',
			'The Princess of Wales, patron of the All England Club, presented the trophy to the new champion.',
			'Ruiz, who is 21, had never won a match on grass before this month, her coach Pablo Serra said.'
		].join('\n');
		expect(named(mentionsOf(text), 'organisation')).toContain('All England Club');
		for (const d of draftsOf(text)) {
			expect(d.question.prompt).not.toMatch(/All (?!England Club)\p{Lu}/u);
			expect(d.question.prompt).not.toMatch(/Princess of (?!Wales)\p{Lu}/u);
		}
	});
});

describe("the sentence's own subject is no wrong option", () => {
	const TEXT = [
		'Maria Keller beat Tomas Brandt 6-4 6-2 on Sunday to win the Harbour Open for the first time.',
		'Keller matched the record held by Oskar Lind, who won the title at the age of 19 in 1998.',
		'Ana Ruiz, the champion of 2015, watched the final from the stands with the coach Pedro Vela.',
		'Maria Keller thanked her family and her team in a short speech to a crowd of 8,000 people.',
		'She is the youngest winner since Ana Ruiz, and the first from the city since Pedro Vela in 2001.'
	].join('\n');

	it('not a person whose surname the sentence names, nor the one "She" stands for', () => {
		const drafts = draftsOf(TEXT);
		const held = drafts.filter((d) => /record held by/u.test(d.quote) && optionsOf(d).length);
		const since = drafts.filter((d) => /youngest winner/u.test(d.quote) && optionsOf(d).length);
		expect(held.length + since.length).toBeGreaterThan(0);
		for (const d of [...held, ...since]) expect(wrongOptionsOf(d)).not.toContain('Maria Keller');
	});

	it('no player beside a king: "Spain\'s King _____" takes only holders of such a title', () => {
		const text = `${TEXT}\nSpain's King Felipe watched the final from the royal box with the club's chairman.`;
		const king = draftsOf(text).filter((d) => /King _____/u.test(d.question.prompt));
		for (const d of king)
			for (const o of wrongOptionsOf(d)) expect(o).not.toMatch(/Keller|Brandt|Lind|Ruiz|Vela/u);
	});
});

describe('a false figure is neither too easy nor pedantic', () => {
	const TEXT = [
		'The dollar rose above 150 yen on Tuesday, its highest level since the autumn.',
		'The Harbour Bank raised its deposit rate to 5.25% at its meeting in the capital.',
		'Average pay rises reached 5.28% this spring, the union federation said on Friday.',
		"The city's main share index closed 0.7% higher after the decision was announced.",
		'The company made 69 changes to the genome of the animal before the transplant.',
		'About 8,000 people watched the final from the stands at the harbour stadium.',
		'The third set lasted 13 games before the rain stopped play in the late afternoon.',
		'The operation lasted about four hours and the patient is recovering well.'
	].join('\n');
	const numbers = (s: string) => [...s.matchAll(/\d[\d,]*(?:\.\d+)?/gu)].map((m) => m[0]);

	it('differs from the true figure by more than a few percent and less than double', () => {
		const falseClaims = draftsOf(TEXT).filter(
			(d) => d.question.type === 'true_false' && !d.question.answer
		);
		let checked = 0;
		for (const d of falseClaims) {
			// The claim after "True or false, according to the report of …:".
			const claim = d.question.prompt.replace(/^[^:]*:\s*/u, '');
			const claimed = numbers(claim).filter((n) => !numbers(d.quote).includes(n));
			const stated = numbers(d.quote).filter((n) => !numbers(claim).includes(n));
			if (claimed.length !== 1 || stated.length !== 1) continue;
			const [a, b] = [claimed[0], stated[0]].map((n) => Number(n.replace(/,/gu, '')));
			const ratio = Math.max(a, b) / Math.min(a, b);
			expect(ratio, d.question.prompt).toBeGreaterThanOrEqual(1.15);
			expect(ratio, d.question.prompt).toBeLessThan(1.9);
			checked++;
		}
		expect(checked).toBeGreaterThan(1);
	});
});

describe('a caption and its credit on one line', () => {
	it('are no sentences of the article', () => {
		const text = [
			'Doctors at Lakeview General Hospital said on Thursday that a patient had received a kidney from a pig.',
			'Surgeons at Lakeview General Hospital in Portland perform the transplant of a gene-edited pig kidney into a 62-year-old patient, March 16, 2024. Lakeview General Hospital/Handout via SQ WIRE',
			'The patient, a 62-year-old man, is recovering well, the hospital said.'
		].join('\n');
		const sentences = splitSentences(text, []).map((s) => s.text);
		expect(sentences.some((s) => /March 16, 2024|WIRE/u.test(s))).toBe(false);
		expect(sentences).toHaveLength(2);
	});
});

describe('a prompt leaning on the article names it by its title', () => {
	const TEXT = [
		'Surgeons at Lakeview General Hospital transplanted a kidney from a gene-edited pig into a 62-year-old man on Saturday, the hospital said.',
		'The operation lasted about four hours, and the patient is recovering well, his doctors said on Monday.',
		'The kidney came from a pig raised by Harvo, a biotechnology company based in Cambridge, Massachusetts.',
		'The company made 69 changes to the animal’s genome before the pig was born last year.',
		'The hospital board approved the plan in January, but two of its nine members, Ana Ruiz and Pedro Vela, voted against it.'
	].join('\n');

	it('"The operation", "the company", "voted against it": the title is in the prompt', () => {
		const drafts = draftsOf(TEXT);
		const leaning = drafts.filter((d) =>
			/The operation|The company|against it/u.test(d.question.prompt)
		);
		expect(leaning.length).toBeGreaterThan(1);
		for (const d of leaning) expect(d.question.prompt).toContain('“A made-up report”');
	});

	it('a wh-question names its report', () => {
		const text = [
			'Maria Keller beat Tomas Brandt 6-4 6-2 on Sunday to win the Harbour Open for the first time.',
			'Keller matched the record held by Oskar Lind, who won the title at the age of 19 in 1998.',
			'Ana Ruiz, the champion of 2015, watched the final from the stands with the coach Pedro Vela.'
		].join('\n');
		const wh = draftsOf(text).filter((d) => d.form === 'wh-question');
		expect(wh.length).toBeGreaterThan(0);
		for (const d of wh) expect(d.question.prompt).toMatch(/^According to the report/u);
	});
});

describe('a gap opening a name', () => {
	it('"The _____ Food and Drug Administration" is not drafted; "U.S." is no organisation', () => {
		const text = [
			'Doctors at Lakeview General Hospital in Portland said on Thursday that a patient had received a kidney from a pig.',
			'The U.S. Food and Drug Administration allowed the operation under its rules for patients with no other option.',
			'A team from the World Health Organization and from Harvard University watched the operation in Portland.',
			'The hospital said the European Medicines Agency had asked for the results of the operation.',
			'Harvo said it would ask the FDA for approval of a trial with six patients next year.'
		].join('\n');
		expect(named(mentionsOf(text), 'organisation')).not.toContain('U.S.');
		for (const d of draftsOf(text)) {
			expect(d.question.prompt).not.toMatch(/_____ Food and Drug/u);
			// "FDA" is the same body as "U.S. Food and Drug Administration": never its wrong option.
			const options = optionsOf(d);
			if (options.includes('U.S. Food and Drug Administration'))
				expect(options).not.toContain('FDA');
		}
	});
});
