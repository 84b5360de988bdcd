// The drafter's rules added after the sixth held-back reading of issue 16 (drafts usable without an edit: the context
// named, options the sentence allows; each test failed on the drafter before its change). The articles are made up,
// in our own words.
import { describe, expect, it } from 'vitest';
import { normaliseAnswerText } from '../text/normalise.ts';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('round11', '2025-03-09');

/** What a reader picks from or judges: the options, the typed answer, a claim's value and its swap. */
function answers(d: Draft): string[] {
	const q = d.question;
	if (q.type === 'numeric') return [String(q.answer)];
	if (q.type === 'true_false')
		return [q.explanation.match(/gives (.+), not (.+)\.$/u)?.slice(1) ?? []].flat();
	return optionsOf(d);
}

const states = (title: string, texts: string[]) =>
	texts.some((t) => ` ${normaliseAnswerText(title)} `.includes(` ${normaliseAnswerText(t)} `));

describe('the context named', () => {
	it('a prompt names its report by its title and date, in every form', () => {
		const title = 'A cup final at Elm Park';
		const text = [
			'Harlow beat Kingsford by 31 runs in the Vessa Trophy final on Sunday, before a crowd of 41,200.',
			'The board said the next edition would be held in Portugal, Spain and Morocco in 2027.',
			'Harlow had lost the 2019 final to Tallis by four wickets, and the 2021 final by nine runs.',
			'Kingsford captain Mia Tran said her side had been about 20 runs short on a slow pitch.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', title);
		expect(drafts.length).toBeGreaterThan(2);
		for (const d of drafts) {
			if (d.form === 'timeline' || states(title, answers(d))) continue;
			expect(d.question.prompt).toContain(`the report “${title}” (9 March 2025)`);
		}
	});

	it('a title stating the key or an option leaves the date alone, and a sentence leaning on the article is not drafted', () => {
		const title = 'The Vessa board fines Harlow City 40,000 pounds for a slow over rate';
		const text = [
			'The Vessa Cricket Board fined Harlow City on Monday for a slow over rate in the final at Elm Park.',
			'The board said Harlow City would pay the 40,000 pounds within a month, and Kingsford 12,000 pounds.',
			'The club had been fined 25,000 pounds in 2021 and 18,000 pounds in 2019 for the same offence.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', title);
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts)
			if (states(title, answers(d))) {
				expect(d.question.prompt).not.toContain(title);
				expect(d.quote).not.toMatch(/^The board said/u);
			}
	});

	it('a person named by one name gets the whole name and the role an apposition gives; without a role, the name stays', () => {
		const text = [
			'Harlow beat Kingsford by 31 runs in the final at Elm Park on Sunday, before a crowd of 41,200.',
			'- Harlow 262 all out in 49 overs (Omar Haddad 88, Ben Tallis 51)',
			'Haddad, Harlow’s captain, made 88 from 61 balls before he was caught at long-on by Kingsford’s wicketkeeper.',
			'Haddad said his side had been 20 to 30 runs better than they had expected on a slow pitch.',
			'Tallis said the pitch had slowed down after the first 15 overs of the innings.'
		].join('\n');
		const drafts = draftsOf(text);
		const said = drafts.filter((d) => /said his side/u.test(d.question.prompt));
		expect(said.length).toBeGreaterThan(0);
		for (const d of said)
			expect(d.question.prompt).toContain('[Omar Haddad, Harlow’s captain] said');
		for (const d of drafts.filter((d) => /the pitch had slowed/u.test(d.question.prompt)))
			expect(d.question.prompt).not.toContain('[Ben Tallis');
	});

	it('a sentence opening on a descriptor ("The 31-year-old left-hander") names the person of the sentence before', () => {
		const text = [
			'Harlow beat Kingsford by six wickets in the final at Elm Park on Sunday, before a crowd of 41,200.',
			'Omar Haddad, who opened the batting, then took control of the chase.',
			'The 31-year-old left-hander hit 12 fours and three sixes in his 98-ball innings, and the crowd cheered.'
		].join('\n');
		const named = draftsOf(text).filter((d) => /left-hander/u.test(d.question.prompt));
		expect(named.length).toBeGreaterThan(0);
		for (const d of named)
			expect(d.question.prompt).toMatch(/The 31-year-old left-hander \[Omar Haddad\]/u);
	});
});

describe('options the sentence allows', () => {
	const election = [
		'On Saturday, Omar Haddad of the ruling Harlow Unity Party (HUP) won Taiwan’s presidential election, the Central Vote Commission said.',
		'Haddad, 64, is a former doctor who has served as mayor of the southern city of Tainan and as premier.',
		'Lena Park, the mayor of Kaohsiung, apologised to her supporters at a rally in Taichung.',
		'Ivo Brandt, the party’s deputy leader, thanked the voters at a Harlow Free Party rally in Kaohsiung on Sunday night.',
		'Haddad told reporters in Taipei on Sunday that he would seek talks with China in place of confrontation.',
		'“I have an important responsibility to keep peace and stability in the Taiwan Strait,” Haddad told reporters in Taipei.',
		'His running mate, Ivo Brandt, was until recently Taiwan’s top representative in the United States.',
		'Beijing, which regards the island as part of China, called the vote a choice between war and peace.',
		'In the election for the 113-seat legislature, the Harlow Free Party (HFP) won 52 seats and the HUP 51.',
		'The Harlow People’s Party (HPP) won eight seats and independents two, the Central Vote Commission said.',
		"After the result, China's Taiwan Affairs Office said the HUP did not represent mainstream opinion on the island.",
		'Kestrel Air grounded all 40 of its MAX 9 jets on Saturday, and Tallis Air grounded 12 more.',
		'A Boeing technical team is helping the FAA with the checks on the MAX 9 jets, Kestrel Air said on Sunday.'
	].join('\n');
	const drafts = () => draftsOf(election, '2024-01-13');

	it('an owner before the gap ("China’s _____") takes only bodies of that country', () => {
		for (const d of drafts()) {
			// A false claim's swap too: "China's Central Vote Commission said…".
			expect(d.question.prompt).not.toMatch(/China['’]s (?:Harlow|HUP|HFP|HPP|Central Vote)/u);
			if (/China['’]s _____/u.test(d.question.prompt))
				for (const o of optionsOf(d)) expect(o).not.toMatch(/Harlow|HUP|HFP|HPP|Commission/u);
		}
	});

	it('"mayor of _____" takes no capital that stands for another country (Beijing)', () => {
		const asked = drafts().filter((x) => /(?:city|mayor) of _____/u.test(x.question.prompt));
		for (const d of asked) expect(optionsOf(d)).not.toContain('Beijing');
	});

	it('a place after "the" takes only names that read with "the", in gap-fills and swaps', () => {
		for (const d of drafts()) {
			expect(d.question.prompt).not.toMatch(
				/\bthe (?:China|Taiwan|Japan|Beijing|Taipei)\b(?! (?:Affairs|Strait))|\bthe \p{Lu}\p{L}+['’]s\b/u
			);
			if (/\bthe _____/u.test(d.question.prompt) && d.value?.kind === 'place')
				for (const o of optionsOf(d)) expect(o).toMatch(/Strait|United States/u);
		}
	});

	it('a place where something happens takes no capital that stands for a government (Beijing)', () => {
		for (const d of drafts())
			if (d.value?.kind === 'place' && d.question.type === 'single')
				expect(d.question.options.filter((o) => !o.correct).map((o) => o.text)).not.toContain(
					'Beijing'
				);
	});

	it('a model token ("MAX" of "MAX 9") is no organisation, and a body that won seats takes only parties', () => {
		for (const d of drafts()) {
			expect(optionsOf(d)).not.toContain('MAX');
			if (/_____ won eight seats/u.test(d.question.prompt))
				for (const o of optionsOf(d)) expect(o).not.toMatch(/Commission|Office/u);
		}
	});
});

describe('names in one form', () => {
	it('a one-word key beside whole names takes the article’s whole name for it', () => {
		const text = [
			'Harlow beat Kingsford by six wickets in the final at Elm Park on Sunday, before a crowd of 41,200.',
			'- Kingsford 240 all out in 50 overs (KL Rahul 66, Virat Kohli 54, Rohit Sharma 47)',
			'Kohli made 54 before he dragged a ball from Pat Cummins onto his stumps, and Rahul scored a patient 66 from 107 balls.',
			'Mohammed Shami removed David Warner for seven with his first ball, and Jasprit Bumrah dismissed Mitchell Marsh for 15.',
			'Glenn Maxwell struck the winning runs soon afterwards, and Travis Head was named player of the match.',
			'Maxwell, who opened the bowling for the visitors, then took control of the match.'
		].join('\n');
		const people = draftsOf(text).filter(
			(d) => d.value?.kind === 'person' && d.question.type === 'single'
		);
		expect(people.length).toBeGreaterThan(0);
		for (const d of people) {
			const whole = optionsOf(d).map((o) => /\s/u.test(o));
			expect(new Set(whole).size, optionsOf(d).join(' / ')).toBe(1);
		}
	});
});

describe('volume: refusals the rules do not ask for', () => {
	it('a sentence opening on "It" is read after a short sentence before it in the same paragraph', () => {
		const text = [
			'A cabin panel blew out of a Vessa 7 jet over Harlow on Friday, and all 150 people on board survived.',
			'The jet was new. It received its certificate on March 3 and joined the fleet six days later, the airline said.'
		].join('\n');
		const led = draftsOf(text, '2025-03-09').filter((d) =>
			/after “The jet was new\.”/u.test(d.question.prompt)
		);
		expect(led.length).toBeGreaterThan(0);
	});
});
