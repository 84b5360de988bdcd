// Words that stand for what the sentence before named ("the two", "Further eruptions", "The timing", "shops
// there", "has held it since") are shown after that sentence, as a lead-in, or not drafted (issue 16, the tenth
// reading: chess 7 and 17, CrowdStrike 3 and 4, Grindavik 15). Each test failed on the drafter before its change.
// The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, FERRY_FILLER, promptOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('unnamed-subjects', '2024-05-10');

const withLeadIn = (d: Draft) => /, after “.+?”, /u.test(promptOf(d));

describe('a subject the shown words leave unnamed is named by a lead-in, or not drafted', () => {
	it.each([
		[
			'Had the race still been level after five legs, the two would have sailed a last leg of 12 miles.',
			/the two would/u
		],
		[
			'Further storms followed in March 2019 and July 2021, all in the empty bays away from the town.',
			/Further storms/u
		],
		[
			'The timing meant that Denmark and Finland were hit first, on Friday afternoon local time.',
			/The timing meant/u
		],
		[
			'Shops and banks there went down, and passengers at ports from Bergen to Oslo waited for 40 minutes.',
			/there went down/u
		],
		['The current champion, Karin Holt, has held it since 2019.', /has held it since/u],
		[
			'The 61-year-old sailor took the oath of office before the harbour board in Lindvik.',
			/The 61-year-old sailor/u
		],
		[
			'The 29-year-old, a double world champion, has not lost a race in Lindvik for two years.',
			/The 29-year-old/u
		],
		[
			'The harbour board sued days later in the Lindvik district court for 2 million crowns.',
			/days later/u
		],
		['Board chairman Piet Mol resigned the next day, after 11 years in the post.', /the next day/u],
		[
			'That account fell apart on Tuesday when the ferry company published its own log of 2019.',
			/That account/u
		]
	])('"%s"', (sentence, shown) => {
		const text = [
			...FERRY_FILLER,
			'The sailors Per Aas and Jon Brekke sailed the Baltic race in Sweden and Norway in 2018, and Brekke won the first leg.',
			sentence,
			'The race ended on Sunday evening in Stockholm, 20 km from Lindvik.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => shown.test(promptOf(d)));
		expect(drafts.filter((d) => !withLeadIn(d)).map(promptOf)).toEqual([]);
	});
});

// The fourteenth reading: "Among them was…", "…, he said." and "the authority said" with no one named.
describe('who "them", "he" or "the authority" are is read in the sentence before', () => {
	const text = [
		'SUEZ, Egypt, March 29 (SQ Wire) - Tugs freed a container ship that had blocked the canal for six days.',
		'Canal chief Osama Rashid told a news conference that 420 ships were waiting at the two ends of the waterway.',
		'Clearing the whole backlog would take about three and a half days, he said.',
		'The Suez Canal Authority said dredgers had worked through the night.',
		'By Sunday the dredgers had removed 27,000 cubic metres of sand, the authority said.',
		'The court heard from 45 witnesses over three weeks.',
		'Among them was the city police chief, Maria Lund, who said the ship had been handled well.'
	].join('\n');
	const unanchored = (p: string) =>
		/(?:he said|the authority said|Among them)/u.test(p) && !/after “/u.test(p);

	it('no prompt leaves them unnamed', () => {
		expect(draftsOf(text, '2021-03-29').map(promptOf).filter(unanchored)).toEqual([]);
	});
});

describe('"he" or "she" after no one named is read after a sentence opening on one person, or not drafted', () => {
	const text = [
		'LINDVIK, May 10 (SQ Wire) - The ferry Nordlys ran aground off Lindvik on Monday with 212 passengers on board.',
		'Harbour master Ola Brekke told reporters on Tuesday that the ship would be towed free at high tide.',
		'He said more than 140 vessels were waiting at the two ends of the channel, and that at least 60 of them should be through by Friday morning.',
		'The Lindvik Ferry Company argued he should have closed the harbour a day earlier.',
		'Crews pumped about 300 tonnes of fuel from the ship overnight.'
	].join('\n');

	it('"The Lindvik Ferry Company argued he should…" is not drafted after a sentence opening on "He"', () => {
		const argued = draftsOf(text).filter((d) => /argued he should/u.test(promptOf(d)));
		expect(argued.map(promptOf)).toEqual([]);
	});

	it('no question asks what "he" said', () => {
		expect(
			draftsOf(text)
				.map(promptOf)
				.filter((p) => /\bdid (?:he|she) say\b/u.test(p))
		).toEqual([]);
	});
});
