// Names kept whole and in one form: no gap or option cuts a name, a word or a hyphen, titles and owners stay
// outside the name, and a disease or a modifier is no body.
// Each test failed on the drafter before its change (issue 16). The reports are made up, in our own words.
import { describe, expect, it } from 'vitest';
import {
	draftingBank,
	HARBOUR_FILLER,
	mentionedNames,
	optionsOf,
	promptOf,
	promptsMatching,
	wrongOf
} from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { bank, draftsOf } = draftingBank('names', '2025-10-12');

describe('a gap never opens a name, and a name is never its own wrong option', () => {
	it('"The _____ Food and Drug Administration" is not drafted; "U.S." is no organisation', () => {
		const text = [
			'Doctors at Lakeview General Hospital in Portland said on Thursday that a patient had received a kidney from a pig.',
			'The U.S. Food and Drug Administration allowed the operation under its rules for patients with no other option.',
			'A team from the World Health Organization and from Harvard University watched the operation in Portland.',
			'The hospital said the European Medicines Agency had asked for the results of the operation.',
			'Harvo said it would ask the FDA for approval of a trial with six patients next year.'
		].join('\n');
		expect(mentionedNames(bank(), text, '2024-03-21', 'organisation')).not.toContain('U.S.');
		for (const d of draftsOf(text, '2024-03-21')) {
			expect(d.question.prompt).not.toMatch(/_____ Food and Drug/u);
			// "FDA" is the same body as "U.S. Food and Drug Administration": never its wrong option.
			const options = optionsOf(d);
			if (options.includes('U.S. Food and Drug Administration'))
				expect(options).not.toContain('FDA');
		}
	});
});

describe('no gap or swap inside a word or a name', () => {
	it('"the 1960s" is neither "the _____s" nor "the 2013s"', () => {
		const text = [
			'A cargo ship struck a pier in the harbour of Porto Vela on Monday night, officials said.',
			'The pier, which was designed in the 1960s, had been repaired in 2015 at a cost of $12 million.',
			'The port handled 30 million tons of cargo last year, the Harbour Authority said.'
		].join('\n');
		const drafts = draftsOf(text, '2024-03-21');
		expect(drafts.some((d) => /1960s/u.test(d.quote))).toBe(true);
		for (const d of drafts) {
			expect(d.question.prompt).not.toMatch(/_____\p{L}|\p{L}_____/u);
			expect(d.question.prompt).not.toMatch(/\b(?!1960s)\d{4}s\b/u);
			expect(optionsOf(d)).not.toContain('1960');
		}
	});

	it('a surname after another first name is not asked: no "Beauden _____", no "Beauden Sam Cane"', () => {
		const text = [
			'New Zealand lost the final to Australia 17-12 in front of 70,000 people on Saturday.',
			'Jordie Barrett missed a penalty in the first minute of the match.',
			'Beauden Barrett then scored the first try of the match after ten minutes of play.',
			'Sam Cane was shown a yellow card in the second half for a late tackle.',
			'Ian Foster said the team had given everything and thanked the fans for their support.'
		].join('\n');
		const drafts = draftsOf(text, '2024-03-21');
		expect(drafts.some((d) => /Beauden/u.test(d.quote))).toBe(true);
		for (const d of drafts) {
			expect(d.question.prompt).not.toMatch(/Beauden (?!Barrett)/u);
			if (/Beauden Barrett/u.test(d.quote) && d.form === 'true-false')
				expect(d.question.prompt).toMatch(/Beauden Barrett/u);
		}
	});
});

describe('a name is never cut by a gap or an option', () => {
	it('no gap cuts a name and no option is a name cut in two ("Lula da _____", "Silva")', () => {
		const text = [
			'Brazilian President Paulo Souza da Costa congratulated Ana Ruiz and invited her to Brasilia in January.',
			'Leo Marsh of the Harlow Labour Alliance conceded defeat before the first results were published.',
			'Mia Tran of the Green Front said her party would join the new government in March.'
		].join('\n\n');
		const drafts = draftsOf(text, '2025-06-12');
		expect(drafts.filter((d) => /Souza da _____/u.test(d.question.prompt))).toEqual([]);
		for (const d of drafts)
			for (const o of optionsOf(d)) expect(['Costa', 'Paulo Souza']).not.toContain(o);
	});
});

describe('options name people in one form', () => {
	it('a one-word key beside whole names takes the article’s whole name for it', () => {
		const text = [
			'Harlow beat Kingsford by six wickets in the final at Elm Park on Sunday, before a crowd of 41,200.',
			'- Kingsford 240 all out in 50 overs (KL Rahul 66, Virat Kohli 54, Rohit Sharma 47)',
			'Kohli made 54 before he dragged a ball from Pat Cummins onto his stumps, and Rahul scored a patient 66 from 107 balls.',
			'Mohammed Shami removed David Warner for seven with his first ball, and Jasprit Bumrah dismissed Mitchell Marsh for 15.',
			'Glenn Maxwell struck the winning runs soon afterwards, and Travis Head was named player of the match.',
			'Maxwell, who opened the bowling for the visitors, then took control of the match.',
			// People who speak are asked with options (who said it); the others are typed in.
			'"It was a special night for all of us," Travis Head told reporters after the final.',
			'"We were outplayed," Rohit Sharma said at the news conference.',
			'"I have never seen a crowd like it," Pat Cummins said.'
		].join('\n');
		const people = draftsOf(text, '2025-03-09').filter(
			(d) => d.value?.kind === 'person' && d.question.type === 'single'
		);
		expect(people.length).toBeGreaterThan(0);
		for (const d of people) {
			const whole = optionsOf(d).map((o) => /\s/u.test(o));
			expect(new Set(whole).size, optionsOf(d).join(' / ')).toBe(1);
		}
	});
});

describe('romanised hyphenated names and titles are read whole', () => {
	it('people with romanised hyphenated given names ("Wu Mei-ling") are asked about, by their whole names', () => {
		const text = [
			'Wu Mei-ling of the Harbour Party took about 41% of the vote, and Pan Chi-wei of the Valley League about 30%.',
			'Her running mate, Lo Yu-hsin, was until recently the island’s top envoy in Canada.',
			'Outgoing leader Tang Shu-fen will hand over power on June 2 after eight years in office.',
			'The count ended at 9 p.m., with turnout at 68.3%, down from 71.9% four years earlier.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', 'An island vote');
		const people = drafts.filter((d) => d.kind === 'person');
		expect(people.length).toBeGreaterThan(0);
		const names = ['Wu Mei-ling', 'Pan Chi-wei', 'Lo Yu-hsin', 'Tang Shu-fen'];
		for (const d of people) for (const o of optionsOf(d)) expect(names).toContain(o);
	});

	it('a hyphenated title before such a name is the role whole ("Secretary-General"), not its last half', () => {
		const text = [
			'Union Secretary-General Ma Ho-jin called the pact a turning point for the harbour towns.',
			'Trade minister Ruth Okafor said the pact would cut port fees by 12% from July.',
			'Port director Sven Aalto said 46 ships had already asked to dock under the new rules.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', 'A harbour pact');
		const ma = drafts.filter((d) => d.value && 'name' in d.value && d.value.name === 'Ma Ho-jin');
		expect(ma.length).toBeGreaterThan(0);
		for (const d of ma) expect(d.value).toMatchObject({ role: 'Secretary-General' });
	});
});

describe('"European Central Bank" is one body', () => {
	it('"European Central Bank President Christine Lagarde": the body is the whole bank, not "European Central"', () => {
		const text = [
			'The Bank of England, the Bank of Japan and the Swiss National Bank said on Sunday they would lend dollars daily.',
			'European Central Bank President Christine Lagarde said the swift action of the regulators had calmed the markets.',
			'The Federal Reserve said it would join the other central banks in the daily lending from Monday.',
			'Shares in the rescued lender fell 24% on Wednesday, the day the Saudi National Bank ruled out more help.'
		].join('\n');
		const drafts = draftsOf(text, '2025-10-12', 'Central banks act together');
		const texts = drafts.flatMap((d) => [
			...optionsOf(d),
			d.question.prompt,
			...(d.value && 'name' in d.value ? [d.value.name] : [])
		]);
		expect(texts.filter((t) => /European Central(?! Bank)/u.test(t))).toEqual([]);
	});
});

const LAB = [
	'Marta Kovacs and Jon Hale won the Halden Prize for medicine on Monday for work on modified RNA.',
	'Kovacs worked at Temple University for years before moving to the University of Pennsylvania in 1989.',
	'Hale trained at the University of Oslo before he moved abroad.',
	'A team at Leiden University repeated the work three years later.',
	'The pair published the finding in 2005, and BioNTech later developed a COVID-19 vaccine with Pfizer in less than a year.',
	'The vaccines made by Pfizer and by Moderna were given to millions of people during the COVID-19 pandemic.',
	'A compromise put forward by Eric van der Berg, the junior minister for health, was turned down on Tuesday.',
	'Van der Berg said talks with Anna de Vries, the leader of the Farmers Party, and with Pieter van Dam of the Labour Party had failed.',
	'The World Health Organization said the Ebola outbreak in Guinea was over, and that mpox cases had fallen.'
].join('\n');

const bodies = (drafts: Draft[]) =>
	drafts.filter((d) => d.value?.kind === 'organisation' && d.form !== 'true-false');

describe('no gap inside a hyphenated word or a name with a particle', () => {
	const PALACE = [
		'The king flew back for the meeting at Huis ten Bosch palace, which lasted about an hour and a half.',
		'The prime minister, 56, has led the country since October 2010, and his party won two seats in May.'
	].join('\n');
	it.each([
		['"a _____-19 vaccine" is never asked', LAB, /_____-|-_____/u],
		['"Huis _____ Bosch palace" is never asked', PALACE, /Huis _____ Bosch/u],
		['"Eric van der _____" is never asked', LAB, /\bvan der _____/iu]
	])('%s', (_, text, gap) => {
		expect(promptsMatching(draftsOf(text), gap)).toEqual([]);
	});
});

describe('a disease, or a name written only as a modifier, is no body', () => {
	it('"COVID", "Ebola", "mpox" are neither keys nor options for a body', () => {
		const drafts = bodies(draftsOf(LAB));
		expect(drafts.length).toBeGreaterThan(0);
		const diseases = drafts.flatMap(optionsOf).filter((o) => /^(?:COVID|Ebola|mpox)$/iu.test(o));
		expect(diseases).toEqual([]);
	});
	it('"the KVX vaccine": KVX is neither a key nor an option for a body', () => {
		const text = [
			'Marta Kovacs worked at Temple University for years before moving to the University of Pennsylvania in 1989.',
			'Jon Hale trained at the University of Oslo before he moved abroad.',
			'A team at Leiden University repeated the work three years later.',
			'Health officials in Chile gave the KVX vaccine to older people from March.',
			'The World Health Organization said on Monday that the outbreak was over.'
		].join('\n');
		const drafts = bodies(draftsOf(text));
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts) expect(optionsOf(d)).not.toContain('KVX');
	});
});

describe('"Chief Executive" before a name is an office, not part of the name', () => {
	it('"…, Harbour Board Chief Executive Marta Lind said." names Marta Lind', () => {
		const text = [
			...HARBOUR_FILLER,
			'“We have waited ten years for this quay, and the town will not wait another ten,” Harbour Board Chief Executive Marta Lind said.',
			'Ferry Line Chief Executive Piet Mol said the company would add two sailings a day from June.',
			'Mayor Lena Holm and councillor Erik Berg voted for the plan, while councillor Jonas Dahl voted against it.'
		].join('\n');
		const names = draftsOf(text, '2024-05-10').flatMap((d) =>
			d.question.type === 'single' ? d.question.options.map((o) => o.text) : []
		);
		expect(names.filter((n) => /^Executive\b/u.test(n))).toEqual([]);
		expect(names).toContain('Marta Lind');
	});
});

describe('an option that is a name of the prompt in another spelling is never offered', () => {
	it.each([
		'Raids by fighters linked to al Qaeda and Islamic State affiliates have spread from northern Mali to the farming towns of the centre and into neighbouring Burkina Faso and Niger, killing hundreds of herders and forcing thousands of families from their land across the region.',
		'Raids by fighters linked to al-Qaeda and Islamic State affiliates have spread from northern Mali to the farming towns of the centre and into neighbouring Burkina Faso and Niger, killing hundreds of herders and forcing thousands of families from their land across the region.',
		'Raids by fighters linked to Al Qaeda and Islamic State affiliates have spread from northern Mali to the farming towns of the centre and into neighbouring Burkina Faso and Niger, killing hundreds of herders and forcing thousands of families from their land across the region.'
	])('"%s"', (sentence) => {
		const text = [
			...HARBOUR_FILLER,
			'The Wagner group and Boko Haram have also been named in reports on the region.',
			sentence
		].join('\n');
		const drafts = draftsOf(text, '2024-05-10').filter(
			(d) => /linked to/u.test(promptOf(d)) && d.kind === 'organisation'
		);
		expect(drafts.length).toBeGreaterThan(0);
		const squash = (s: string) => s.toLowerCase().replace(/[\s-]+/gu, '');
		expect(drafts.flatMap(wrongOf).filter((o) => squash(o) === 'alqaeda')).toEqual([]);
	});
});

describe('a body the report writes after "the", offered in a gap with none before it', () => {
	it('"Hollis pays Apple, _____" offers "the Justice Department", never a bare "Justice Department"', () => {
		const text = [
			'WASHINGTON, Aug 5 (SQ Wire) - A federal judge ruled on Monday that Hollis broke the law by paying to be the default search engine.',
			'At the centre of the case were the deals under which Hollis pays Apple, Samsung and browser makers to set its search engine as the default.',
			'The Justice Department has also sued Apple, while the Federal Trade Commission has cases against Meta and Amazon.',
			'Lawyers for Samsung and Apple said the companies would study the ruling.',
			'The judge said the deals had denied rivals such as Bing the users they needed.'
		].join('\n');
		const options = draftsOf(text, '2024-08-05')
			.filter((d) => /pays Apple, _____/u.test(promptOf(d)))
			.flatMap(optionsOf);
		expect(
			options.filter((o) => /^(?:Justice Department|Federal Trade Commission)$/u.test(o))
		).toEqual([]);
	});
});
