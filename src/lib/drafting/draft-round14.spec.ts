// Wrong options the sentence rules out, and drafts that give each other away, found by the held-back-6 reading
// (issue 16). Each test failed on the drafter before its change. The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { normaliseAnswerText } from '../text/normalise.ts';
import { draftingBank, wrongOf } from '../../../tests/helpers/drafting.ts';
import { draftQuestions } from './draft.ts';
import { organisationSort } from './org-kinds.ts';
import type { Draft } from './types.ts';

const { draftsOf, bank } = draftingBank('round14', '2025-10-12');

const keyed = (drafts: Draft[], name: string) =>
	drafts.filter((d) => d.value && 'name' in d.value && d.value.name === name);

const MARATHON = [
	'Kenya’s Jonas Mwangi won the Riverside Marathon on Sunday in 2:04:10, the fastest time of his career.',
	"Peter Otieno of Kenya, the defending champion, was second in 2:05:02. Ethiopia's Samuel Bekele finished third in 2:06:15.",
	"In the women's race, Amina Yusuf of Ethiopia won in 2:18:40, a course record. The old mark of 2:19:30 was set here by Kenya's Grace Njeri in 2021.",
	"Yusuf pulled away from defending champion Lucy Wanjiku of Kenya in the second half of the race. Wanjiku was second in 2:20:11 and Kenya's Mary Chebet third in 2:21:40.",
	'Mwangi said he would run in Boston next April, where he was fourth last year.'
].join('\n');

const ELECTION = [
	'Lena Brandt won the Valmora presidency on Sunday with 58.3% of the vote, the electoral council said.',
	'Brandt ran as the heir of President Omar Castell, her political mentor, who is barred from a second term.',
	'Sofia Marin, a senator and businesswoman, had between 26.6% and 28.6%. She conceded defeat on Monday night.',
	'Castell himself won the presidency in 2019 with 53% of the vote.',
	'Diego Ruiz of the Green Party had between 5.5% and 6.4%, and Pablo Ortega of the Farmers Party 4%.',
	'Ana Ferro of the Liberal Party, the only other woman in the race, had 2%.',
	'Brandt sought to reassure investors in her victory speech, after the peso fell 3.5% on Monday.'
].join('\n');

describe('gender: a gap or a swap the sentence ties to women or men takes only people tied to the same', () => {
	it.each([
		[
			"the women's race, and the paragraph that goes on about it",
			MARATHON,
			['Amina Yusuf', 'Grace Njeri', 'Lucy Wanjiku', 'Mary Chebet'],
			['Jonas Mwangi', 'Peter Otieno', 'Samuel Bekele', 'Mwangi', 'Otieno', 'Bekele'],
			/./u
		],
		[
			'"her political mentor", "her victory speech"',
			ELECTION,
			['Lena Brandt', 'Brandt', 'Sofia Marin', 'Marin'],
			['Omar Castell', 'Castell', 'Diego Ruiz', 'Ruiz', 'Pablo Ortega', 'Ortega'],
			/\bher\b/u
		]
	])('%s', (_, text, women, others, ties) => {
		const drafts = draftsOf(text, '2025-10-12', 'A made-up day');
		const asked = drafts.filter(
			(d) =>
				d.value?.kind === 'person' && women.includes(d.value.name) && ties.test(d.question.prompt)
		);
		expect(asked.length).toBeGreaterThan(0);
		for (const d of asked) expect(wrongOf(d).filter((w) => others.includes(w))).toEqual([]);
	});
});

describe('qualifiers: an option fits what the sentence says of the key', () => {
	const RUNNERS = [
		"Kenya's Jonas Mwangi won the Riverside Marathon on Sunday in 2:04:10.",
		"Ethiopia's Samuel Bekele was second, and Morocco's Youssef Amrani third.",
		"Belgium's Pieter Claes, the European record holder, finished fourth in 2:06:40.",
		"Britain's Tom Hale was fifth and Spain's Carlos Ruiz sixth. Norway's Erik Lund dropped out after 30 km.",
		"Kenya's Peter Otieno was seventh and David Kiprop of Kenya eighth.",
		"Switzerland's Marc Keller and Anna Vogt won the wheelchair races, both in course records."
	].join('\n');

	it.each([
		[
			'"the European record holder": European countries only',
			'Belgium',
			['Britain', 'Spain', 'Norway', 'Switzerland']
		],
		[
			'"Kenya\'s _____": people the report ties to Kenya only',
			'Jonas Mwangi',
			['Peter Otieno', 'David Kiprop']
		],
		['"won the wheelchair races": people of that event only', 'Anna Vogt', ['Marc Keller']]
	])('%s', (_, key, allowed) => {
		const drafts = keyed(draftsOf(RUNNERS, '2025-10-12', 'A made-up marathon'), key);
		for (const d of drafts)
			for (const w of wrongOf(d)) expect(allowed, `${key}: ${w}`).toContain(w);
	});
});

describe('ranges: "between _____ and 28.6%" takes options below 28.6%, "between 5.5% and _____" above 5.5%', () => {
	it.each([
		[26.6, (n: number) => n < 28.6],
		[6.4, (n: number) => n > 5.5]
	])('the end %s', (amount, fits) => {
		const drafts = draftsOf(ELECTION, '2025-10-12', 'A made-up vote').filter(
			(d) => d.value?.kind === 'number' && d.value.amount === amount
		);
		const wrong = drafts.flatMap(wrongOf).map((w) => Number(w.replace(/[^\d.]/gu, '')));
		expect(wrong.length).toBeGreaterThan(0);
		expect(wrong.filter((n) => !fits(n))).toEqual([]);
	});
});

describe('drafts that give each other away are not kept together', () => {
	it("a lead-in quoting another kept draft's sentence", () => {
		const text = [
			'Lena Brandt won the Valmora presidency on Sunday with 58.3% of the vote, the electoral council said.',
			'The result was announced by council president Ana Ferro at 11 p.m. It was the first time that the two leading candidates in a Valmoran election were women.',
			'Omar Castell congratulated her in a video early on Monday. He said she had won by a wide margin and would be the first woman president in 200 years.',
			'If the count holds, her share of the vote will be higher than the 53% with which Castell himself won in 2019. She will take office on Dec. 1 for a single six-year term.',
			'The peso fell 3.5% on Monday, its steepest fall in two years, and the stock market lost 6%.'
		].join('\n');
		const article = {
			slug: 'round14-lead-in',
			title: 'A made-up vote',
			publisher: null,
			eventDate: '2025-10-12',
			text,
			furniture: []
		};
		const drafts = draftQuestions(article, bank());
		const leadIn = (d: Draft) =>
			normaliseAnswerText(
				d.question.prompt.match(/, after “(.+?)”, (?:complete|true or false)/u)?.[1] ?? ''
			);
		const pairs = (list: Draft[]) =>
			list.flatMap((a) =>
				list
					.filter((b) => b !== a && leadIn(a) && leadIn(a).includes(normaliseAnswerText(b.quote)))
					.map((b) => [a.question.prompt, b.question.prompt])
			);
		// Among the candidates such pairs stand ("who congratulated her…?" and the sentence after it); one is kept.
		expect(pairs(draftsOf(text, '2025-10-12', 'A made-up vote')).length).toBeGreaterThan(0);
		expect(pairs(drafts)).toEqual([]);
	});
});

describe('an age between commas after a name counts nothing', () => {
	it('"Brandt, 61, a climate scientist" asks no count of climates', () => {
		const text = [
			'Lena Brandt won the Valmora presidency on Sunday with 58.3% of the vote, the electoral council said.',
			'Brandt, 61, a climate scientist and former mayor of the capital, told supporters that both of her rivals had called her.',
			'Sofia Marin, a senator, had 28.6%, and Diego Ruiz of the Green Party 6%.'
		].join('\n');
		const ages = draftsOf(text, '2025-10-12', 'A made-up vote').filter(
			(d) => d.form !== 'true-false' && d.value?.kind === 'number' && d.value.amount === 61
		);
		expect(ages.map((d) => d.question.prompt)).toEqual([]);
	});
});

describe('"He" after a sentence that speaks of "her"', () => {
	it('is the one man of that sentence when the report ties him to men, and she is no man', () => {
		const text = [
			'Lena Brandt won the Valmora presidency on Sunday with 58.3% of the vote, the electoral council said.',
			'Castell, who founded the party, won his own first term in 2019 with 53% of the vote.',
			'Omar Castell congratulated her in a video early on Monday. He said she had won by a wide margin and would be the first woman president in 200 years.'
		].join('\n');
		const prompts = draftsOf(text, '2025-10-12', 'A made-up vote').map((d) => d.question.prompt);
		expect(prompts.filter((p) => /\[(?:Omar )?Castell\] said she had won/u.test(p))).not.toEqual(
			[]
		);
	});
});

describe('bodies: a central bank is no option for a commercial bank, nor one for it', () => {
	it.each([
		['Federal Reserve', ''],
		['Swiss National Bank', ''],
		[
			'Bank of Valmora',
			'She promised to respect the autonomy of the central bank, the Bank of Valmora.'
		],
		['Banco Norte', 'Banco Norte, the central bank, held its rate at 4%.']
	])('%s is a central bank', (name, text) => {
		expect(organisationSort(name, text)).toBe('central bank');
	});

	it('"closed Harbor Bank… and _____ two days later" offers no central bank', () => {
		const text = [
			'Regulators closed Harbor Bank on March 10 and Summit Bank two days later, the largest bank failures since 2008.',
			'The Federal Reserve said on Sunday it would lend to other banks, and the Bank of England said the same.',
			'The European Central Bank said euro zone lenders had little exposure to the failed banks.',
			'Shares of Crest Bank fell 20% on Monday, and Pacific Bank lost 12%. Northway Bank rose 3%.'
		].join('\n');
		const drafts = keyed(draftsOf(text, '2025-10-12', 'Two banks fail'), 'Summit Bank');
		const central = ['Federal Reserve', 'Bank of England', 'European Central Bank'];
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts) expect(wrongOf(d).filter((w) => central.includes(w))).toEqual([]);
	});
});
