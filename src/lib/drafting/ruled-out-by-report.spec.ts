// Wrong options that a reader of the report strikes out (issue 16, the commonest edit of the thirteenth reading, 21
// of 69 drafts): ministers offered as a former civil servant or as the chair of a backbench committee, a state or a
// crater offered as a city, and the day of the report's own news offered for a step in its background. Each test
// failed on the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, promptOf, wrongOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('ruled-out-by-report', '2022-07-07');

/** Every wrong option of the drafts whose prompt matches `prompt`, and how many such drafts there are. */
function wrongFor(text: string, prompt: RegExp, date?: string) {
	const drafts = draftsOf(text, date).filter((d) => prompt.test(promptOf(d)));
	return { count: drafts.length, wrong: drafts.flatMap(wrongOf) };
}

describe('a part the report gives the key rules out people it gives other parts', () => {
	const text = [
		'HARLOW, July 7 (SQ Wire) - Prime Minister Tom Reed resigned as party leader on Thursday after a revolt by his ministers.',
		'The revolt began on Tuesday when Anna Vale, the finance minister, and Ben Ostrow, the health secretary, quit within minutes of each other.',
		'Carl Mense, the education secretary, resigned on Wednesday morning after less than two days in the post.',
		'Reed had first denied knowing of any complaint against his deputy whip.',
		'On Tuesday, Paul Dorne, formerly the top civil servant at the foreign ministry, said Reed had been told of a complaint in 2019.',
		'The rules of the contest to succeed Reed will be set by the committee of backbench lawmakers, chaired by Hugh Lantry.',
		'"The public rightly expect government to be run properly," Vale wrote in her letter.',
		'Ostrow said he could no longer serve with a clear conscience.',
		'Mense told reporters that he had taken the job only to keep schools running.'
	].join('\n');
	const ministers = /Vale|Ostrow|Mense|Reed/u;

	it('"formerly the top civil servant" takes no minister', () => {
		const { count, wrong } = wrongFor(text, /_____, formerly the top civil servant/u);
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => ministers.test(o))).toEqual([]);
	});

	it('"the committee of backbench lawmakers, chaired by _____" takes no minister, as an option or a false claim', () => {
		const { count, wrong } = wrongFor(text, /chaired by (?:_____|[A-Z])/u);
		expect(count).toBeGreaterThan(1);
		expect(wrong.filter((o) => ministers.test(o))).toEqual([]);
	});

	it('"_____, the finance minister" takes no one the report calls the education secretary', () => {
		const { count, wrong } = wrongFor(text, /_____, the finance minister/u);
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => /Mense|Ostrow/u.test(o))).toEqual([]);
	});
});

describe('a place the report writes in a state takes no place of another state, no state and no crater', () => {
	const text = [
		'WASHINGTON, Feb 18 (SQ Wire) - A NASA rover landed on Mars on Thursday after a journey of almost seven months.',
		'Engineers at the Jet Propulsion Laboratory in Pasadena, California, cheered when the signal reached Earth.',
		'The spacecraft lifted off on an Atlas V rocket from Cape Canaveral, Florida, on July 30 last year.',
		'The rover came down in Jezero crater, a basin about 45 km (28 miles) wide north of the equator.',
		'Curiosity, an earlier rover, landed in Gale crater in August 2012 and is still at work.',
		'The rover was named by Owen Talbot, a 13-year-old pupil from Virginia, who won a contest for schoolchildren.',
		'"This landing is a pivotal moment," the agency\'s acting administrator, Steve Jurek, said in a statement.'
	].join('\n');

	it('"in _____, California" offers neither Florida, nor Cape Canaveral (in Florida), nor a crater', () => {
		const { count, wrong } = wrongFor(text, /Laboratory in _____(?:, California|…)/u, '2021-02-18');
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => /Florida|Canaveral|Gale|Jezero|Virginia/u.test(o))).toEqual([]);
	});

	it('"from _____, Florida" offers neither California, nor Pasadena (in California), nor a crater', () => {
		const { count, wrong } = wrongFor(text, /rocket from _____(?:, Florida|…)/u, '2021-02-18');
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => /California|Pasadena|Gale|Jezero|Virginia/u.test(o))).toEqual([]);
	});

	it('a state\'s gap ("a pupil from _____") offers only states', () => {
		const { count, wrong } = wrongFor(text, /pupil from _____/u, '2021-02-18');
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => !/California|Florida/u.test(o))).toEqual([]);
	});

	it('"_____ crater" offers only craters', () => {
		const { count, wrong } = wrongFor(text, /landed in _____ crater/u, '2021-02-18');
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => !/Jezero/u.test(o))).toEqual([]);
	});
});

describe("the days of the report's own news are no option for a step of its background", () => {
	const text = [
		'SAN FRANCISCO, Oct 28 (SQ Wire) - Dana Kline completed her purchase of the Larkspur social network late on Thursday and dismissed its top managers.',
		'Shares of Larkspur were suspended on Friday ahead of their removal from the exchange.',
		'Kline disclosed a stake of about 9% in early April. On April 14 she offered to buy the whole company.',
		'The board agreed to the offer on April 25, and on July 8 she moved to walk away, accusing the company of misleading her.',
		'The company sued her in a state court, and a judge set a trial for Oct. 17 before Kline revived her offer.',
		'"The bird is free," Kline wrote on Friday.'
	].join('\n');

	it('"On April 14 she offered to buy" offers neither Thursday 27 nor Friday 28 October', () => {
		const { count, wrong } = wrongFor(
			text,
			/On _____ (?:she|\[Dana Kline\]) offered to buy/u,
			'2022-10-28'
		);
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => /27 October|28 October/u.test(o))).toEqual([]);
	});
});

// The fourteenth reading: "Egypt was losing _____ to $14 million in canal fees" offered $18 million and $24 million.
describe('a sum that opens a range takes no option above its end', () => {
	it('"losing _____ to $14 million a day" offers only sums under $14 million', () => {
		const text = [
			'SUEZ, Egypt, March 29 (SQ Wire) - Tugs freed a container ship that had blocked the canal for six days.',
			'The canal authority said ships resumed their transits on Monday evening.',
			'Egypt was losing $12 million to $14 million a day in canal fees while the channel was shut.',
			'The authority said dredgers had removed 27,000 cubic metres of sand from the bank.'
		].join('\n');
		const { count, wrong } = wrongFor(text, /losing _____ to \$14 million/u, '2021-03-29');
		expect(count).toBeGreaterThan(0);
		const millions = (o: string) =>
			Number(o.replace(/[^\d.]/gu, '')) * (/billion/u.test(o) ? 1000 : 1);
		expect(wrong.filter((o) => millions(o) >= 14)).toEqual([]);
	});
});

// The fourteenth reading's rejections and ungrammatical drafts.
describe('what no teacher asks, and what reads wrong', () => {
	const text = [
		'SUEZ, Egypt, March 29 (SQ Wire) - Tugs freed the container ship Ever Bright on Monday after it had blocked the canal for six days.',
		'"We pulled it off!" Boskalis Chief Executive Piet Brandsma said in a statement.',
		"President Omar Fahmy hailed the rescue on Twitter, and the shipping chamber's head Guy Porter told BBC radio the backlog would take days to clear.",
		'Egypt was losing about $13 million a day in canal fees while the channel was shut.',
		'Without the canal, ships must sail around the Cape of Good Hope at the southern tip of Africa.',
		'The canal links the Mediterranean with the Red Sea and gives ships the shortest route between Europe and Asia.',
		'President Fahmy later spoke from the White House of his own, the Ittihadiya palace, to thank the crews.',
		'The ship, flying the flag of Panama, was on its way from Yantian to Rotterdam with 18,300 containers.'
	].join('\n');
	const prompts = () => draftsOf(text, '2021-03-29').map(promptOf);

	it('asks no network or broadcaster that carried the words', () => {
		expect(prompts().filter((p) => /on _____|_____ radio/u.test(p))).toEqual([]);
	});

	it('asks no continent', () => {
		expect(prompts().filter((p) => /southern tip of _____/u.test(p))).toEqual([]);
	});

	it('types in no place the dateline names, under a headline and a byline too (E15)', () => {
		const headed = ['Tugs free the Ever Bright', 'By Ana Lopes', text].join('\n');
		const typed = draftsOf(headed, '2021-03-29').filter(
			(d) => d.question.type === 'short_text' && d.question.accepted.includes('Egypt')
		);
		expect(typed).toEqual([]);
	});

	it('types in no place the dateline names', () => {
		const typed = draftsOf(text, '2021-03-29').filter(
			(d) => d.question.type === 'short_text' && d.question.accepted.includes('Egypt')
		);
		expect(typed).toEqual([]);
	});

	it('shows no "said" with the quoted words cut away, as a gap or a claim', () => {
		expect(prompts().filter((p) => /said in a statement/u.test(p))).toEqual([]);
	});
});

describe('a city in a list of cities', () => {
	it('"in _____, Brussels, Santiago and Tokyo" offers no state and no desert (B2, ungrammatical)', () => {
		const text = [
			'WASHINGTON, April 10 (SQ Wire) - Astronomers showed the first picture of a black hole on Wednesday.',
			'The image was shown at news conferences in Washington, Brussels, Santiago, Shanghai and Tokyo.',
			'Telescopes in Hawaii, Arizona, Spain, Mexico, Chile and the South Pole took part in the observations.',
			'One of them sits high in the Atacama Desert in northern Chile.',
			'The data were flown to Boston and to Bonn because they were too large to send over the internet.'
		].join('\n');
		// With no other city to offer, the gap is not drafted at all (a name in a list is not typed in).
		const { wrong } = wrongFor(text, /news conferences in _____/u, '2019-04-10');
		expect(wrong.filter((o) => /Hawaii|Arizona|Atacama/u.test(o))).toEqual([]);
	});
});

describe('a possessive gap and a seat of government', () => {
	const text = [
		'WASHINGTON, April 10 (SQ Wire) - Astronomers showed the first picture of a black hole on Wednesday at the National Press Club.',
		'"Along with LIGO\'s discovery of gravitational waves in 2016, this is a great step," said Representative Ana Ruiz.',
		'The National Science Foundation paid for much of the work, and the European Research Council for the rest.',
		'President Paul Dane later spoke from the White House to praise the scientists.',
		'The telescope at the South Pole sent its disks north by plane in December.'
	].join('\n');

	it('"Along with _____\'s discovery" offers no body the report writes with "the" (B17, ungrammatical)', () => {
		const { wrong } = wrongFor(text, /Along with _____['’]s discovery/u, '2019-04-10');
		expect(wrong.filter((o) => /National|European/u.test(o))).toEqual([]);
	});

	it('"spoke from the _____" is not typed in', () => {
		const typed = draftsOf(text, '2019-04-10').filter(
			(d) => d.question.type === 'short_text' && d.question.accepted.includes('White House')
		);
		expect(typed).toEqual([]);
	});
});

describe('a place listed among cities is asked as a city', () => {
	it('"in _____, Brussels, Santiago" offers no galaxy and no region', () => {
		const text = [
			'WASHINGTON, April 10 (SQ Wire) - Astronomers showed the first picture of a black hole on Wednesday.',
			'The results were shown at news conferences in Washington, Brussels, Santiago, Shanghai and Tokyo.',
			'The black hole sits in a galaxy far beyond the Milky Way, some 55 million light years away.',
			'Funding came from the United States, Europe and agencies in East Asia.'
		].join('\n');
		const { wrong } = wrongFor(text, /news conferences in _____/u, '2019-04-10');
		expect(wrong.filter((o) => /Milky Way|East Asia|Europe|United States/u.test(o))).toEqual([]);
	});
});

describe('a gap that is only part of a name', () => {
	it('"President _____ al-Sisi" is not asked (E5)', () => {
		const text = [
			'SUEZ, Egypt, March 29 (SQ Wire) - Tugs freed a container ship that had blocked the canal for six days.',
			'President Abdel Fattah al-Sisi praised the crews in a televised speech on Monday evening.',
			'The canal authority said 420 ships were waiting at the two ends of the waterway.'
		].join('\n');
		expect(draftsOf(text, '2021-03-29').filter((d) => /_____ al-Sisi/u.test(promptOf(d)))).toEqual(
			[]
		);
	});
});

// The fifteenth reading (held-back-14): wrong kinds, give-aways and a title cut in two.
describe('the fifteenth reading', () => {
	const race = [
		'ABU DHABI, Dec 12 (SQ Wire) - Max Vermeer won his first Formula One title on Sunday after passing Luis Hamm on the last lap at the Yas Marina Circuit.',
		'Mercedes lodged two protests against the result, and the stewards threw out both after hearing the teams for four hours.',
		"Vermeer crossed the line 2.3 seconds clear, with Ferrari's Carlo Sanz third and Yuki Tano fourth.",
		"Mercedes team principal Toni Wolf protested to the race director over the radio, while Red Bull's Chris Horn urged him on.",
		"Vermeer's title ends a run of four in a row for Hamm, whose seven titles he shares with Michael Schumann."
	].join('\n');

	it('offers no circuit as a person (A9, A11, A12)', () => {
		const wrong = draftsOf(race, '2021-12-12').flatMap(wrongOf);
		expect(wrong.filter((o) => /Circuit/u.test(o))).toEqual([]);
	});

	it('asks no count of two that "both" states (A1)', () => {
		expect(
			draftsOf(race, '2021-12-12')
				.map(promptOf)
				.filter((p) => /lodged _____ protests/u.test(p))
		).toEqual([]);
	});

	const space = [
		'WASHINGTON, Oct 11 (SQ Wire) - NASA said on Tuesday that its spacecraft had shortened the orbit of a small asteroid it smashed into two weeks ago.',
		"Radar dishes at NASA's Goldstone complex in California and at the Green Bank Observatory in West Virginia tracked the pair.",
		"APL, in Laurel, Maryland, built the spacecraft and ran the mission for NASA's Planetary Defense Coordination Office.",
		'A small Italian Space Agency satellite trailed behind it and photographed the plume.',
		'The European Space Agency plans to send its own probe to the pair, and the Japan Aerospace Exploration Agency will help.',
		'The spacecraft lifted off in November last year from Vandenberg Space Force Base in California.'
	].join('\n');

	it('asks no interval that restates the report\'s date ("_____ weeks ago", D1)', () => {
		expect(
			draftsOf(space, '2022-10-11')
				.map(promptOf)
				.filter((p) => /_____ weeks ago/u.test(p))
		).toEqual([]);
	});

	it('"ran the mission for _____." offers no body written with "the", bare (D21)', () => {
		const { wrong } = wrongFor(space, /ran the mission for _____/u, '2022-10-11');
		expect(wrong.filter((o) => /^(?:European|Italian|Japan)/u.test(o))).toEqual([]);
	});

	it('"A small _____ satellite" offers no possessive name (D22)', () => {
		const { wrong } = wrongFor(space, /A small _____ satellite/u, '2022-10-11');
		expect(wrong.filter((o) => /['’]s\s/u.test(o))).toEqual([]);
	});

	it('"NASA\'s _____ complex in California" offers no state and nothing in Maryland (D9)', () => {
		const { wrong } = wrongFor(space, /NASA['’]s _____ complex/u, '2022-10-11');
		expect(wrong.filter((o) => /Maryland|Laurel|Virginia|California/u.test(o))).toEqual([]);
	});

	const vote = [
		'JOHANNESBURG, June 2 (SQ Wire) - The ANC lost its majority for the first time since 1994, final results showed on Sunday.',
		'The ANC has governed since the first all-race elections in 1994, when Nelson Mandela led it to victory.',
		'The new assembly must sit within 14 days, on a date set by Chief Justice Raymond Zondo.',
		'The Democratic Alliance won 87 seats and the MK party 58.'
	].join('\n');

	it('asks no year the title states (S22)', () => {
		expect(
			draftsOf(vote, '2024-06-02', 'The ANC loses its majority for the first time since 1994')
				.map(promptOf)
				.filter((p) => /elections in _____/u.test(p))
		).toEqual([]);
	});

	it('"set by Chief _____" is not asked with "Justice" in the key (S20)', () => {
		expect(
			draftsOf(vote, '2024-06-02')
				.map(promptOf)
				.filter((p) => /Chief _____/u.test(p))
		).toEqual([]);
	});
});

describe('a team or body before a person gap takes only its own people', () => {
	const race = [
		'ABU DHABI, Dec 12 (SQ Wire) - Max Vermeer of Red Bull won his first Formula One title on Sunday after passing Luis Hamm of Mercedes on the last lap.',
		"Vermeer crossed the line 2.3 seconds clear, with Ferrari's Carlo Sanz third and AlphaTauri's Yuki Tano fourth.",
		'Mercedes team principal Toni Wolf protested to the race director over the radio.',
		'Red Bull team principal Chris Horn said his driver had deserved the title all season.',
		'Williams driver Nico Latham crashed out five laps from the end, bringing out the safety car.'
	].join('\n');

	it('"Ferrari\'s _____ third" offers no one of another team (A9)', () => {
		const { wrong } = wrongFor(race, /Ferrari['’]s _____ third/u, '2021-12-12');
		expect(wrong.filter((o) => /Horn|Latham|Wolf|Tano/u.test(o))).toEqual([]);
	});

	it('"Mercedes team principal _____" offers no one of another team (A11)', () => {
		const { wrong } = wrongFor(race, /Mercedes team principal _____/u, '2021-12-12');
		expect(wrong.filter((o) => /Horn|Latham|Sanz|Tano|Vermeer/u.test(o))).toEqual([]);
	});
});
