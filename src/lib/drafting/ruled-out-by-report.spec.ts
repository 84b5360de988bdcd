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
		'The rules of the contest to succeed him will be set by the committee of backbench lawmakers, chaired by Hugh Lantry.',
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
		'PASADENA, Calif., Feb 18 (SQ Wire) - A NASA rover landed on Mars on Thursday after a journey of almost seven months.',
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

	it('"Pasadena, _____" offers only states', () => {
		const { count, wrong } = wrongFor(text, /in Pasadena, _____/u, '2021-02-18');
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => !/Florida|Virginia/u.test(o))).toEqual([]);
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
		const { count, wrong } = wrongFor(text, /On _____ she offered to buy/u, '2022-10-28');
		expect(count).toBeGreaterThan(0);
		expect(wrong.filter((o) => /27 October|28 October/u.test(o))).toEqual([]);
	});
});
