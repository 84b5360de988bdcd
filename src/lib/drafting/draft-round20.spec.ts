// Faults found re-reading the drafts whose quote drafts14 clipped ("…", issue 16), each by its rule. Each test
// failed on the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('round20', '2024-05-10');

const promptOf = (d: Draft) => d.question.prompt;

const FILLER = [
	'The harbour board of Lindvik met on Thursday to approve the plan for a new quay on the north shore.',
	'About 2,300 people live in the town, most of them from fishing, ferries and the summer trade.'
];

describe('shown words that hold no main verb are not drafted', () => {
	it.each([
		[
			'Marta Lind, 52, who had run the harbour board since March 2019, told a packed meeting in the town hall on Thursday evening that the new quay would not open before the winter storms had passed and the last cranes had gone.',
			/since _____…/u
		],
		[
			'Karin Holt, a retired harbour pilot who rose to fame in 1998 when she towed a burning tanker out of the harbour, opened the new quay on Friday with the mayor and the crews of the lifeboat station.',
			/who rose to fame in _____…/u
		],
		[
			'Anna Berg is the third skipper from Lindvik to win the Coastal Cup, after Lena Holm in 2004 and Piet Mol in 2011, and the first to do it in a boat she had built herself with her brother over two long winters.',
			/“…after /u
		]
	])('"%s"', (sentence, asked) => {
		const drafts = draftsOf([...FILLER, sentence].join('\n'));
		expect(drafts.map(promptOf).filter((p) => asked.test(p))).toEqual([]);
	});
});

describe('a length of time is not cut from what it is measured from', () => {
	it.each([
		'The harbour board approved the plan for the new quay at its meeting on Friday, two days after a storm tore away part of the old pier and sank three of the fishing boats moored beside it.'
	])('"%s"', (sentence) => {
		const drafts = draftsOf([...FILLER, sentence].join('\n'));
		const cut = drafts.filter((d) =>
			/_____ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)…/u.test(promptOf(d))
		);
		expect(cut.map(promptOf)).toEqual([]);
	});
});

describe('"she"/"he" as the subject after a fronted phrase needs a lead-in that names the person', () => {
	it('"The Olympic sailing champion…, she had just six weeks…"', () => {
		const text = [
			...FILLER,
			'The women’s race was sailed in strong winds off the north shore.',
			'The Olympic sailing champion of 2016 and 2021, she had just six weeks to prepare for the race after a fall in the spring, and she still finished second behind the Danish crew in the final in Kiel on Sunday afternoon.',
			'Anna Berg of Sweden won the race for the third time.'
		].join('\n');
		const bare = draftsOf(text).filter(
			(d) => /she had just/u.test(promptOf(d)) && !/after “/u.test(promptOf(d))
		);
		expect(bare.map(promptOf)).toEqual([]);
	});
});

describe('who said quoted words: options are the report’s other people of the key’s gender', () => {
	const RACE = [
		'Anna Berg of Sweden won the Coastal Cup for the second year running on Sunday, finishing 14 minutes ahead of the Danish skipper Karin Holt.',
		'Norway’s Lise Dahl took third place, and Marta Vidal of Spain, the winner in 2019, finished fourth.',
		'Erik Lund, who won the men’s race, was joined on the podium by his brother Jonas Lund.',
		'“It was the hardest race I have ever sailed, and I am proud of the whole crew,” Berg said.',
		'“Second again is hard to take, but we will be back next summer,” Holt told reporters in the harbour.'
	].join('\n');
	it('asks who said each quote among the other women the report names, never a relative', () => {
		const said = draftsOf(RACE).filter((d) => d.form === 'who-said');
		const byKey: Record<string, string[]> = Object.fromEntries(
			said.map((d) => [
				d.question.type === 'single' ? d.question.options.find((o) => o.correct)?.text : '',
				d.question.type === 'single' ? d.question.options.map((o) => o.text).sort() : []
			])
		);
		expect(Object.keys(byKey).sort()).toEqual(['Anna Berg', 'Karin Holt']);
		for (const options of Object.values(byKey)) {
			expect(options).toHaveLength(4);
			expect(options.some((o) => /Lund/u.test(o))).toBe(false);
		}
	});
});

describe('who said quoted words attributed to "he"/"she": the one person the sentence before names', () => {
	it.each([
		'On the last leg, in strong winds off the north shore, Karin Holt lost the mast of the boat.',
		'Karin Holt, who lost her mast on the last leg in strong winds, still finished second.'
	])('after "%s", "“…,” she told reporters" asks for Karin Holt', (before) => {
		const text = [
			'Anna Berg of Sweden won the Coastal Cup for the second year running on Sunday, finishing 14 minutes ahead of the Danish skipper Karin Holt.',
			'Norway’s Lise Dahl took third place, and Marta Vidal of Spain, the winner in 2019, finished fourth.',
			before,
			'“I thought the race was over for us, and so did the crew,” she told reporters in the harbour.'
		].join('\n');
		const said = draftsOf(text).filter(
			(d) => d.form === 'who-said' && /race was over/u.test(d.question.prompt)
		);
		expect(
			said.map((d) =>
				d.question.type === 'single' ? d.question.options.find((o) => o.correct)?.text : ''
			)
		).toEqual(['Karin Holt']);
	});
});

describe('"Chief Executive" before a name is an office, not part of the name', () => {
	it('"…, Harbour Board Chief Executive Marta Lind said." names Marta Lind', () => {
		const text = [
			...FILLER,
			'“We have waited ten years for this quay, and the town will not wait another ten,” Harbour Board Chief Executive Marta Lind said.',
			'Ferry Line Chief Executive Piet Mol said the company would add two sailings a day from June.',
			'Mayor Lena Holm and councillor Erik Berg voted for the plan, while councillor Jonas Dahl voted against it.'
		].join('\n');
		const names = draftsOf(text).flatMap((d) =>
			d.question.type === 'single' ? d.question.options.map((o) => o.text) : []
		);
		expect(names.filter((n) => /^Executive\b/u.test(n))).toEqual([]);
		expect(names).toContain('Marta Lind');
	});
});

describe('who said: only quoted words that open a sentence of their own', () => {
	it('"The new course “was the hardest…”, Holt said" is not asked as who said it', () => {
		const text = [
			'Anna Berg of Sweden won the Coastal Cup for the second year running on Sunday, finishing 14 minutes ahead of the Danish skipper Karin Holt.',
			'Norway’s Lise Dahl took third place, and Marta Vidal of Spain, the winner in 2019, finished fourth.',
			'The new course off the north shore "was the hardest we have sailed in many years", Holt said.'
		].join('\n');
		const said = draftsOf(text).filter((d) => d.form === 'who-said');
		expect(said.map((d) => d.question.prompt)).toEqual([]);
	});
});

describe('who said, when the title names the speaker: asked of the report by its date', () => {
	it('"“It is no secret…,” Berg told a news conference" under a title that names Berg', () => {
		const text = [
			'Anna Berg of Sweden won the Coastal Cup for the second year running on Sunday, finishing 14 minutes ahead of the Danish skipper Karin Holt.',
			'Norway’s Lise Dahl took third place, and Marta Vidal of Spain, the winner in 2019, finished fourth.',
			'“It is no secret that the crews had very different views on the new course,” Berg told a news conference after the race.'
		].join('\n');
		const said = draftsOf(text, undefined, 'Anna Berg wins the Coastal Cup again').filter(
			(d) => d.form === 'who-said' && /no secret/u.test(d.question.prompt)
		);
		expect(said.map((d) => /report of 10 May 2024/u.test(d.question.prompt))).toEqual([true]);
	});
});

describe('a clipped head runs on to its main verb', () => {
	it('"The ferry, carrying _____ passengers from…, docked…" is shown up to the verb', () => {
		const text = [
			...FILLER,
			'The ferry, carrying 340 passengers and crew from the port of Busan on the southern coast, docked at pier 4 shortly before dawn after a crossing of nine hours in heavy seas, the port authority said on its website on Monday night.'
		].join('\n');
		const shown = draftsOf(text).filter(
			(d) => /_____ passengers/u.test(d.question.prompt) && d.form === 'gap-fill'
		);
		expect(shown.map((d) => /docked at pier 4/u.test(d.question.prompt))).toContain(true);
	});
});
