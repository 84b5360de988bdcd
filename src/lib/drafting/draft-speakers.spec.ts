// Speakers: who said quoted words, who a speaker's wrong options are, and wh-questions that ask a whole predicate.
// Each test failed on the drafter before its change (issue 16). The reports are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf, promptOf } from '../../../tests/helpers/drafting.ts';
import { chooseDrafts } from './draft.ts';
import type { Draft, DraftArticle } from './types.ts';

const { bank, draftsAsking, draftsOf } = draftingBank('speakers', '2024-05-10');

const whs = (ds: Draft[]) => ds.filter((d) => d.form === 'wh-question');

const fire = [
	'A fire swept through a block of flats in the town of Dunmore early on Sunday morning.',
	'Among the dead were Rosa Pinheiro and Tomas Brandt, neighbours on the third floor.',
	'The fire began in a kitchen on the second floor, fire chief Martin Kessler said on Sunday.',
	'Residents had complained about the wiring for years, according to Helena Varga, a local councillor.',
	'Mayor Owen Tallis said the town would pay for the funerals of the victims.',
	'Brandt leaves a wife, Ingrid Brandt, and two sons, Lukas Brandt and Felix Brandt.',
	'The block had been built in 1972 and housed about 90 families, officials said.'
];
const speaking = (ds: Draft[]) => ds.filter((d) => d.asks === 'speaker' || d.form === 'who-said');

const FILLER = [
	'The harbour board of Lindvik met on Thursday to approve the plan for a new quay on the north shore.',
	'Mayor Lena Holm said the town would pay a third of the cost, and the board chairman Piet Mol said the rest would come from the ferry company.',
	'Fire chief Jonas Berg said his crews had worked through the night to keep the old pier standing.',
	'Olaf Lund, the head of the ferry company, said he expected no delays to the summer timetable.',
	'About 2,300 people live in the town, most of them from fishing, ferries and the summer trade.'
];

const article = (text: string): DraftArticle => ({
	slug: `chosen-${text.length}`,
	title: 'A made-up report',
	publisher: null,
	eventDate: '2024-05-10',
	text,
	furniture: []
});

const chosen = (text: string) =>
	chooseDrafts(article(text), bank(), draftsOf(text), { keepBankDuplicates: true });

const NAMING =
	'Harbour master Sven Dahl said the board’s main worry was the old pier, and that engineers expected the repairs to take most of the year.';
const SPOKEN =
	'"What the engineers are telling us is that the work could go on well into next summer," he said.';

describe('a speaker among speakers', () => {
	it('a speaker’s wrong options are people the report has speak, never victims or relatives', () => {
		const text = [
			...fire,
			'Firefighter Nadia Osei told reporters the stairs had been full of smoke within minutes.',
			'The alarms did not sound, the building’s owner, Victor Lund, said in a statement.'
		].join('\n');
		const asked = speaking(draftsOf(text, '2024-03-27'));
		const speakers = ['Martin Kessler', 'Helena Varga', 'Owen Tallis', 'Nadia Osei', 'Victor Lund'];
		expect(asked.length).toBeGreaterThan(0);
		for (const d of asked) for (const o of optionsOf(d)) expect(speakers).toContain(o);
	});

	it('too few other speakers: no speaker question with options (the speaker is typed in)', () => {
		// Three speakers leave two wrong options each; the victims and relatives may not fill the third.
		expect(speaking(draftsOf(fire.join('\n'), '2024-03-27')).flatMap(optionsOf)).toEqual([]);
	});
});

describe('a verb that is no speech asks no speaker', () => {
	it('"added a second goal" is no speech: the scorer is asked among players', () => {
		const text = [
			'Portland beat Riverton 3-1 in the cup final in front of 40,000 fans on Saturday.',
			'Leo Marsh scored twice in the first half, and Dani Vega added a third goal before the break.',
			'Riverton’s only goal came from Sam Oduya in the last minute of the match.',
			'Coach Erin Walsh said the team had played its best game of the season.'
		].join('\n');
		const vega = draftsAsking(text, /_____ added a third goal/u, '2024-03-27');
		expect(vega.length).toBeGreaterThan(0);
		for (const d of vega) expect(d.asks).toBeUndefined();
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

describe('a who-said draft after "…," he said. cites the sentence that names the speaker', () => {
	const text = [...FILLER, `${NAMING} ${SPOKEN}`, 'The ferry kept running all week.'].join('\n');

	it('its quote states the key', () => {
		const said = draftsOf(text).filter(
			(d) => d.form === 'who-said' && /next summer/u.test(promptOf(d))
		);
		expect(said.length).toBeGreaterThan(0);
		for (const d of said) expect(d.quote).toContain('Sven Dahl');
	});

	it('is not kept beside a draft that quotes the naming sentence', () => {
		const kept = chosen(text);
		const said = kept.filter((d) => d.form === 'who-said' && /next summer/u.test(promptOf(d)));
		const naming = kept.filter(
			(d) => d.form !== 'who-said' && /main worry was the old pier/u.test(d.quote)
		);
		expect(said.length === 0 || naming.length === 0).toBe(true);
	});
});

describe('a wh-question asks a whole predicate', () => {
	const TEXT = [
		'New Zealand lost the final to Australia 17-12 in front of 70,000 people on Saturday.',
		'Ardie Savea became captain, Sam Whitelock vice-captain and Aaron Smith pack leader for the tour.',
		'Sam Cane said he was gutted, praised the courage of his players on the pitch.',
		'Chris Hipkins said in remarks at the stadium on Sunday: "The team did the country proud."',
		'Ian Foster spoke to reporters at the team hotel in Auckland on Monday.',
		'Aaron Smith said in a statement after the match on Sunday.',
		// A fourth speaker: a speaker is asked among three others who speak, or not at all.
		'Scott Robertson said the side would learn from the defeat before the next tour.'
	].join('\n');

	it('no comma in it, and no speech verb without its words; the gap-fill asks who instead', () => {
		const drafts = draftsOf(TEXT, '2024-03-21');
		for (const d of whs(drafts)) {
			const predicate = d.question.prompt.replace(/^.*?\b(?:who|which \w+)\s/u, '');
			expect(predicate).not.toContain(',');
			expect(predicate).not.toMatch(/^said (?:in|at|on)\b(?!.*\bthat\b)/u);
		}
		const gapped = drafts.filter(
			(d) => d.form === 'gap-fill' && /^Complete.*“_____ (said|became)/u.test(d.question.prompt)
		);
		expect(gapped.length).toBeGreaterThan(0);
	});
});

describe('a wh-question never runs across "and" into a clause with its own subject', () => {
	it('no wh-question across "and" into a clause with its own subject', () => {
		const text = [
			'Omar Haddad of the ruling Harlow Unity Party (HUP) won the presidential election on Saturday, giving his party a third term in a row, but the HUP lost its majority in parliament and Kingsford said the vote did not change its claim over the island.',
			'The Harlow Free Party (HFP) won 52 seats and the Harlow People’s Party (HPP) won 8 seats.'
		].join('\n');
		const whs = draftsOf(text, '2025-03-09').filter((d) => d.form === 'wh-question');
		for (const d of whs)
			expect(d.question.prompt).not.toMatch(/ and (?:the Harlow People|Kingsford said)/u);
	});
});

describe('who said: a speaker named with an apposition before "said"', () => {
	it('asks who said the words of "…,” Kent Walker, the company\'s president, said in a statement', () => {
		const text = [
			'WASHINGTON, Aug 5 (SQ Wire) - A federal judge ruled on Monday that Hollis Search broke the law by paying phone makers to be their default.',
			'"Hollis is a monopolist, and it has acted as one to keep its monopoly," Judge Amit Mehta wrote in his decision.',
			'"This decision says we offer the best search engine but may not make it easy to find," Kent Walker, the company\'s president of global affairs, said in a statement.',
			'"No company, however large, is above the law," Attorney General Merrick Garland said on Monday.',
			"Alphabet's chief executive, Sundar Pichai, and Microsoft's chief executive, Satya Nadella, were among the witnesses."
		].join('\n');
		const asked = draftsOf(text, '2024-08-05').filter((d) =>
			/Who said.*This decision says we offer/u.test(promptOf(d))
		);
		expect(asked.map((d) => optionsOf(d).length)).toEqual([4]);
	});
});
