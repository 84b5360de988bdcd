// The context a prompt needs: the report named by its title, date or cited_as; a sentence that leans on the one
// before read after it as a lead-in (or not drafted); pronouns and bare subjects named.
// Each test failed on the drafter before its change (issue 16). The reports are made up, in our own words.
import { describe, expect, it } from 'vitest';
import {
	draftingBank,
	FERRY_FILLER,
	HARBOUR_FILLER,
	optionsOf,
	promptOf,
	quotedOf
} from '../../../tests/helpers/drafting.ts';
import { normaliseAnswerText } from '../text/normalise.ts';
import { draftQuestions } from './draft.ts';
import { draftsYaml } from './draft-yaml.ts';
import type { Draft, DraftArticle } from './types.ts';

const { bank, draftsAsking, draftsOf } = draftingBank('context', '2025-03-09');

const gapFills = (ds: Draft[]) => ds.filter((d) => d.form === 'gap-fill');

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

describe('an article of the bank is named by its cited_as, and its facts are cited', () => {
	const own = () => bank().articles.find((a) => a.slug === 'pau-summit-2020')!;
	const article = (): DraftArticle => ({
		slug: own().slug,
		title: own().title,
		publisher: own().publisher,
		eventDate: own().eventDate,
		text: own().text,
		furniture: own().furniture,
		citedAs: own().citedAs
	});

	it('name the report by its cited_as', () => {
		const drafts = draftQuestions(article(), bank());
		const gaps = drafts.filter((d) => d.form === 'gap-fill');
		expect(gaps.length).toBeGreaterThan(0);
		for (const d of gaps) expect(d.question.prompt).toContain(own().citedAs);
	});

	it('cite the bank fact that already quotes the passage, and propose new questions again', () => {
		const drafts = draftQuestions(article(), bank()).filter((d) => d.form !== 'timeline');
		// Two since the gender rule (draft-options-people.spec.ts): "_____ and his government" has no man the report ties
		// to "his" beside Macron to offer; one since a month with no year is asked no more (issue 16).
		expect(drafts.length).toBeGreaterThanOrEqual(1);
		const quotes = new Map(bank().facts.map((f) => [f.id, f.quote]));
		for (const d of drafts) {
			expect(d.citesFact).toBeDefined();
			expect(quotes.get(d.citesFact!)).toBe(d.quote);
		}
		const yaml = draftsYaml(article(), drafts, 'pau.txt');
		// No new fact is defined for a passage a bank fact quotes.
		for (const d of drafts) expect(yaml).toContain(`facts: [ ${d.citesFact}`);
	});
});

describe("the bank's subject is told by a share of the names", () => {
	const TEXT = [
		'PARIS, April 16 (SQ Wire) - Fire destroyed the roof of the old Saint-Roch church in Paris on Monday evening, officials said.',
		'President Emmanuel Macron visited the site with Mayor Anne Hidalgo and promised that the church would be rebuilt within 6 years.',
		'Prosecutor Remy Heitz said that about 50 investigators were questioning workers from the firms Bati Nord and Lemaire Freres.',
		'The businessman Francois Pinault pledged 100 million euros, and Bernard Arnault pledged 200 million euros to the work.',
		'Firefighters from Lyon, Lille and Marseille helped the Paris brigade, and the blaze was out after 15 hours.',
		'Crowds gathered by the Seine to watch as 400 firefighters fought the flames through the night.'
	].join('\n');

	it('a report naming Macron and Paris among many others gets no Sahel options and no timeline', () => {
		const drafts = draftsOf(TEXT, '2019-04-16');
		expect(drafts.filter((d) => d.form === 'timeline')).toEqual([]);
		const sahel = /Sahel|Mali|Niger|Barkhane|Takuba|Bamako|Gulf of Guinea|Burkina/u;
		for (const d of drafts)
			if (d.question.type === 'single' || d.question.type === 'multiple')
				for (const o of d.question.options) expect(o.text).not.toMatch(sahel);
	});

	it("a list's wrong options are the article's own countries, not the bank's", () => {
		const text =
			'Cases of the new strain were confirmed in Burundi, Kenya, Rwanda and Uganda, four neighbours of Congo, the WHO said. Doctors in Sweden and Thailand also reported one case each on Thursday.';
		const lists = draftsOf(text, '2024-08-14').filter((d) => d.form === 'list');
		for (const d of lists)
			if (d.question.type === 'multiple')
				for (const o of d.question.options.filter((x) => !x.correct))
					expect(['Congo', 'Sweden', 'Thailand']).toContain(o.text);
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
		const drafts = draftsOf(TEXT, '2024-03-21');
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
		const wh = draftsOf(text, '2024-03-21').filter((d) => d.form === 'wh-question');
		expect(wh.length).toBeGreaterThan(0);
		for (const d of wh) expect(d.question.prompt).toMatch(/^According to the report/u);
	});
});

describe('the report and its people are named in the prompt', () => {
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
		const named = draftsAsking(text, /left-hander/u);
		expect(named.length).toBeGreaterThan(0);
		for (const d of named)
			expect(d.question.prompt).toMatch(/The 31-year-old left-hander \[Omar Haddad\]/u);
	});
});

describe('a prompt never opens on a pronoun it does not name', () => {
	it('"It was first found…", "He said…" are not quoted as they stand', () => {
		const text = [
			'Measles, a virus that spreads through the air, causes fever and a rash across the body.',
			'It was first described by doctors in 1757 in Scotland, long before a vaccine existed.',
			'Health Minister Sara Obi visited the clinic in Lagos on Tuesday with three other officials.',
			'She said the country would need 4 million doses of vaccine before the end of the year.'
		].join('\n');
		for (const d of draftsOf(text, '2024-08-14'))
			expect(d.question.prompt).not.toMatch(/[“"](?:…)?(?:It|He|She|They)\b/u);
	});
});

describe('a sentence that leans on the one before is named or not drafted', () => {
	it('"The party", "the same door" and "its senior team" lean on the sentence before: not drafted', () => {
		const text = [
			'The Green Party won 211 of the 350 seats in the national assembly on Sunday.',
			'The party won about 41% of the votes cast, up from 28% in 2019.',
			'Prime minister Lena Vos spoke outside the same door on Monday morning with 12 ministers.',
			'Omar Haddad, a member of its senior team, lost his seat in Harlow by 300 votes.',
			'The Liberal Party fell to 96 seats, down from 180 at the previous election.'
		].join('\n');
		const drafts = draftsOf(text, '2025-05-17');
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts)
			expect(d.question.prompt).not.toMatch(/The party won|the same door|its senior team/u);
	});

	it('"After a review, the card was upgraded" and "took his place" are not drafted', () => {
		const text = [
			'Harlow flanker Lio Baptiste was shown a yellow card in the 12th minute on Saturday.',
			'After a review of the replays, the card was upgraded to red in the 14th minute.',
			'Wing Ben Adler took his place at flanker for the last 66 minutes of the game.',
			'Kingsford won the match 21-20 in front of about 30,000 fans at Elm Park.'
		].join('\n');
		for (const d of draftsOf(text, '2025-05-17'))
			expect(d.question.prompt).not.toMatch(/the card was upgraded|took his place/u);
	});
});

describe('a list that leans on the sentence before is no select-all question', () => {
	it('"The four men… came from which countries" is no select-all question', () => {
		const text = [
			'A fishing boat sank off the coast of Chile on Monday, and four of its crew were lost.',
			'The four men worked for a company in Valparaiso and came from Peru, Bolivia, Ecuador and Colombia.',
			'Rescuers from Argentina joined the search for the men on Tuesday morning.',
			'The boat had left port in Brazil a week before with 14 crew on board.'
		].join('\n');
		expect(draftsOf(text, '2025-05-17').filter((d) => d.form === 'list')).toEqual([]);
	});
});

describe('a list the tagger knows only part of is no select-all question', () => {
	it('"the Soviet Union, the United States, China and India" is not asked from its second item', () => {
		const text = [
			'Only four countries had made a soft landing on Mars before this week: the Soviet Union, the United States, China and India.',
			'The Tessaly probe was launched from Kourou in French Guiana on March 3 and travelled for seven months.',
			'Its makers in Brazil and Portugal spent 12 years and about 900 million euros on the mission.'
		].join('\n');
		for (const d of draftsOf(text, '2025-05-17').filter((x) => x.form === 'list'))
			expect(d.question.prompt).not.toMatch(/Soviet Union, the which|the which countries/u);
	});
});

describe('a gap or a claim that leans on the sentence before quotes it as a lead-in', () => {
	const text = [
		'The Harlow Water Board fined Tallis Utilities 40 million crowns on Tuesday for leaks along the Vessa river. ' +
			'The regulator said the company had ignored 17 warnings since 2019 and must repair the pipes within 18 months.',
		'Board chair Mia Tran said the fine was the largest since 2011. Tallis chief Omar Haddad said 300 engineers would work on the pipes.',
		'Tallis Utilities said it would appeal against the fine in the Dunmore high court.',
		'That ruling could take until March 2026, lawyers for Tallis Utilities said on Wednesday.'
	].join('\n\n');

	it('a gap whose sentence leans on the one before quotes that sentence as a lead-in', () => {
		const leaning = gapFills(draftsOf(text, '2025-06-12')).filter((d) =>
			/\b(?:The regulator|the company)\b/u.test(d.question.prompt)
		);
		expect(leaning.length).toBeGreaterThan(0);
		for (const d of leaning)
			expect(d.question.prompt).toContain(
				'after “The Harlow Water Board fined Tallis Utilities 40 million crowns on Tuesday for leaks along the Vessa river.”'
			);
		// "That ruling" opens its paragraph: no sentence before to quote, so it is not drafted.
		expect(
			gapFills(draftsOf(text, '2025-06-12')).filter((d) => /That ruling/u.test(d.question.prompt))
		).toEqual([]);
	});

	it('a lead-in never states the key: a gap on what the sentence before says is not drafted', () => {
		const same = [
			'Tallis Utilities paid 40 million crowns to the Harlow Water Board on Tuesday, its chief Omar Haddad said.',
			'The regulator said the 40 million crowns would pay for 12 new pumps along the Vessa river by 2027.'
		].join(' ');
		const led = gapFills(draftsOf(same, '2025-06-12')).filter((d) =>
			/after “/u.test(d.question.prompt)
		);
		expect(led.length).toBeGreaterThan(0);
		for (const d of led) {
			const key =
				d.question.type === 'single'
					? d.question.options.find((o) => o.correct)!.text
					: d.question.type === 'short_text'
						? d.question.accepted[0]
						: String(d.question.type === 'numeric' ? d.question.answer : '');
			const leadIn = d.question.prompt.match(/after “(.*)”, complete the next sentence/u)![1];
			expect(leadIn).not.toContain(key);
		}
	});

	it('a true/false claim opening on "The gap" or "It" is read after the sentence before', () => {
		const vote = [
			'Ana Ruiz won the runoff with 58.4% of the vote against 41.6% for Leo Marsh, officials said on Sunday. ' +
				'The gap of almost 17 points was the widest in a presidential vote since 1994, when turnout was 81%.',
			'Marsh, 61, conceded defeat before the first results were published in Porto Vale.'
		].join('\n\n');
		const claims = draftsOf(vote, '2025-06-12').filter(
			(d) => d.form === 'true-false' && /The gap of almost/u.test(d.question.prompt)
		);
		expect(claims.length).toBeGreaterThan(0);
		for (const d of claims)
			expect(d.question.prompt).toMatch(
				/after “Ana Ruiz won the runoff .*”, true or false: The gap/u
			);
	});
});

describe('a lead-in may be a short sentence of the same paragraph', () => {
	it('a sentence opening on "It" is read after a short sentence before it in the same paragraph', () => {
		const text = [
			'A cabin panel blew out of a Vessa 7 jet over Harlow on Friday, and all 150 people on board survived.',
			'The jet was new. It received its certificate on March 3 and joined the fleet six days later, the airline said.'
		].join('\n');
		const led = draftsAsking(text, /after “The jet was new\.”/u, '2025-03-09');
		expect(led.length).toBeGreaterThan(0);
	});
});

describe('"She" is never bracketed as a man', () => {
	it('"She" is not put in brackets as the one man the sentence before names when that sentence speaks of "her"', () => {
		const text = [
			'Lena Brandt won the Valmora presidency with 58% of the vote, against 31% for her nearest rival.',
			'Brandt ran as the heir of President Omar Castell, her mentor, who is barred from a second term.',
			'If the count holds, her share will be higher than the one with which Castell himself won in 2019.',
			'She will take office on Dec. 1 for a single six-year term, the electoral council said.'
		].join('\n');
		const drafts = draftsOf(text, '2025-10-12', 'Brandt wins the Valmora presidency');
		for (const d of drafts)
			expect(d.question.prompt).not.toMatch(/\[(?:President )?Omar Castell[^\]]*\] will/u);
		for (const d of drafts) expect(d.question.prompt).not.toMatch(/\[Castell[^\]]*\] will/u);
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

describe('a sentence that opens on a bare back-reference is read after a lead-in that names it, or not drafted', () => {
	const LAB = [
		'Anna Berg and Tom Ruud won the Lindqvist Prize for chemistry on Monday for work on folded proteins.',
		// One paragraph: the sentence before is a lead-in only within it.
		'Berg grew up on a farm in the north and studied at the University of Tromso before moving abroad in 1991. ' +
			'The family sold their cattle to pay for the journey, and the money was sewn into a coat. ' +
			'She worked at Temple University in Philadelphia before moving to Boston University in 2001.',
		'Berg and Ruud showed that a small change in one molecule kept the proteins stable.',
		'They published the finding in 2006, and later work used it to make cheaper medicines.'
	].join('\n');
	const SPORT = [
		'For Van Dijk, it was a second successive defeat in a cup final, after the loss to Ajax in May.',
		'The Dutch coach lost the 2019 final to Porto when he was in charge of Feyenoord, and this was his third final.'
	].join('\n');
	const PARTIES = [
		'Her Green Alliance governed with the Farmers League, the Labour Front and the small Civic Union.',
		'The same four parties took office together in January 2019 with a slim majority in the 120-seat lower house.'
	].join('\n');
	it.each([
		[
			'"She worked at…" is never read after a lead-in that names nobody',
			LAB,
			'2024-05-10',
			/She worked at/u,
			/Berg/u
		],
		[
			'"the finding" is never asked without the sentence before',
			LAB,
			'2024-05-10',
			/the finding/u,
			/after “/u
		],
		[
			'"The Dutch coach…" is read after the sentence that names him',
			SPORT,
			'2024-05-20',
			/The Dutch coach/u,
			/Van Dijk/u
		],
		[
			'"The same four parties…" is read after the sentence that names them',
			PARTIES,
			'2024-05-10',
			/The same (four|_____) parties/u,
			/after “/u
		]
	])('%s', (_, text, date, shown, named) => {
		const bad = draftsAsking(text, shown, date).filter((d) => !named.test(promptOf(d)));
		expect(bad.map(promptOf)).toEqual([]);
	});
	it('a short lead-in that names her by her surname alone is enough', () => {
		const text = [
			'Anna Berg and Tom Ruud won the Lindqvist Prize for chemistry on Monday for work on folded proteins.',
			"Berg's path was harder. She worked at Temple University in Philadelphia for nine years before moving to Boston University in 2001."
		].join('\n');
		expect(draftsAsking(text, /after “Berg's path was harder\.”/u, '2024-05-10')).not.toEqual([]);
	});
});

describe('a sentence that opens on a person named by nationality or age, or on "The result", needs a lead-in that names it', () => {
	const TOUR = [
		'Lars Eide of Norway won the Nordic Tour for the second year running on Sunday, finishing 4 minutes 12 seconds ahead of Marco Rossi.',
		// One paragraph: the lead-in of "The Norwegian…" names two people and "he".
		'For two weeks he was never far ahead of Rossi, the champion in 2019 and 2020. The Norwegian led by only 14 seconds going into the time trial in the Alps.',
		'The 25-year-old Italian recovered to win the last mountain stage on Saturday in the Vosges, his third stage win of the race, and he was all smiles in Paris.',
		'The last stage was won by Jan Peeters in a sprint finish on the Champs-Elysees. The result denied Tom Claes a fourth stage win, but he still took the green jersey.'
	].join('\n');
	it.each([['The Norwegian'], ['The 25-year-old Italian'], ['The result']])(
		'"%s…" is never quoted alone, nor after a lead-in that names someone else too',
		(opening) => {
			const bad = draftsOf(TOUR, '2023-07-23').filter((d) => {
				const p = promptOf(d);
				if (!p.includes(`${opening} `) && !p.includes(`${opening.replace(/\d+/u, '_____')} `))
					return false;
				const lead = p.match(/after “([^”]*)”/u)?.[1];
				return !lead || /\bhe\b/iu.test(lead);
			});
			expect(bad.map(promptOf)).toEqual([]);
		}
	);
});

describe('a subject the prompt leaves unnamed: "the aircraft" of two, "his" cut from its name', () => {
	const CRASH = [
		'All 250 people on board the passenger jet escaped down emergency slides on Tuesday evening before fire engulfed it.',
		'Four of the five crew on the smaller navy plane were killed, and its captain was badly injured.',
		"The airline said the cabin announcement system stopped working during the evacuation, so the staff gave instructions through megaphones. The crew judged which doors were safe to use, and everyone left by three of the aircraft's eight emergency exits.",
		'Firefighters battled the blaze for more than five hours before it was put out shortly after midnight.'
	].join('\n');
	it('with a jet and a plane in the title, no prompt quotes "the aircraft"', () => {
		const title = 'A passenger jet and a navy plane collide on the runway at Ridgeport';
		const bad = draftsOf(CRASH, '2024-01-03', title).filter((d) =>
			/\b[Tt]he aircraft['’]s\b/u.test(quotedOf(d))
		);
		expect(bad.map(promptOf)).toEqual([]);
	});
	const TERM = [
		'Voters rejected the new charter by a wide margin on Sunday, with 62% of the votes counted against it.',
		"Gabriel Ortiz, 36, became the country's youngest president when he took office in March. A former student leader, he had tied his government closely to the new charter, and analysts said some voters had treated the vote as a verdict on his first six months in power, at a time when his approval ratings were falling.",
		'Interior Minister Ana Soto said on Sunday night that turnout had been the highest since the vote of 1988.'
	].join('\n');
	it('a clause that shows "his" without the name it stands for is read after a lead-in that names him, or not at all', () => {
		const bad = draftsOf(TERM, '2022-09-05').filter((d) => {
			const q = quotedOf(d);
			return /^“…/u.test(q) && /\bhis\b/u.test(q) && !/after “[^”]*Ortiz/u.test(promptOf(d));
		});
		expect(bad.map(promptOf)).toEqual([]);
	});
});

describe('"she"/"he" as the subject after a fronted phrase needs a lead-in that names the person', () => {
	it('"The Olympic sailing champion…, she had just six weeks…"', () => {
		const text = [
			...HARBOUR_FILLER,
			'The women’s race was sailed in strong winds off the north shore.',
			'The Olympic sailing champion of 2016 and 2021, she had just six weeks to prepare for the race after a fall in the spring, and she still finished second behind the Danish crew in the final in Kiel on Sunday afternoon.',
			'Anna Berg of Sweden won the race for the third time.'
		].join('\n');
		const bare = draftsOf(text, '2024-05-10').filter(
			(d) => /she had just/u.test(promptOf(d)) && !/after “/u.test(promptOf(d))
		);
		expect(bare.map(promptOf)).toEqual([]);
	});
});

describe('passengers or crew with no craft named, when the title names two craft', () => {
	it('"…all passengers and crew members left through _____ emergency exits…" is not cut from who said it', () => {
		const text = [
			...HARBOUR_FILLER,
			'“The cabin crew chose safe exits for the evacuation, and all passengers and crew members left through four emergency exits,” Ferry Line spokesperson Marta Lind said.',
			'She said the ferry had been given permission to enter the harbour.'
		].join('\n');
		const drafts = draftsOf(text, '2024-05-10', 'A ferry and a fishing boat collide off Lindvik');
		const cut = drafts.filter(
			(d) => /_____ emergency exits/u.test(promptOf(d)) && !/Ferry Line/u.test(promptOf(d))
		);
		expect(cut.map(promptOf)).toEqual([]);
	});
});

describe('a subject the shown words leave unnamed is named by a lead-in, or not drafted', () => {
	const withLeadIn = (d: Draft) => /, after “.+?”, /u.test(promptOf(d));
	it.each([
		[
			'After two calm days the Norwegian led the race by 40 seconds with three legs left.',
			/the Norwegian led/u
		],
		['The glow of the fire could be seen from Nordby, about 12 km to the east.', /The glow/u],
		[
			'As the morning went on, the problem spread to the ferries on 14 routes.',
			/the problem spread/u
		],
		[
			'Each crew had 45 minutes for the game, with two minutes added for every buoy.',
			/for the game/u
		],
		['Anna Holt became the country’s first woman harbour master in 1988.', /the country’s first/u]
	])('"%s"', (sentence, shown) => {
		const text = [
			...FERRY_FILLER,
			'The sailors Per Aas and Jon Brekke sailed the race, and Brekke won the first leg.',
			sentence,
			'The race ended on Sunday evening.'
		].join('\n');
		const drafts = draftsOf(text, '2024-05-10').filter((d) => shown.test(promptOf(d)));
		expect(drafts.filter((d) => !withLeadIn(d)).map(promptOf)).toEqual([]);
	});
});

// The eighteenth and nineteenth readings (A21, B3, B15, N11): "A day later", "passed that mark" and "kept there"
// were shown with nothing before them to say later than what, which mark, or where.
describe('a sentence saying "later", "that mark" or "there" is read after the sentence before', () => {
	const text = [
		...FERRY_FILLER,
		'The new ferry Nordlys sailed from the yard in Bergen on Tuesday with 40 crew on board. A day later, harbour master Eva Lund said the ferry had reached Lindvik two hours early.',
		'Fares must cover at least 60% of the running cost under the town’s rules. Ferry operators say the Lindvik line passed that mark on 37 routes last year, against the 24 required.',
		'The old ferry was towed to a dock at Tromsø in 2019. About 300 old nets had been kept there for six years before the council burnt them.'
	].join('\n');

	it.each([/A day later/u, /passed that mark/u, /kept there/u])('%s', (words) => {
		const drafts = draftsOf(text).filter((d) => words.test(d.quote));
		expect(drafts.length).toBeGreaterThan(0);
		expect(drafts.filter((d) => !/, after “/u.test(promptOf(d))).map(promptOf)).toEqual([]);
	});
});
