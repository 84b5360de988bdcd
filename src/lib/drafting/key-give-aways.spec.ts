// Words shown beside a gap that give its key away (issue 16, the strict re-reading of drafts19: UBS 1 "for _____
// Swiss francs ($3.23 billion)", Morocco 11 "_____ euros ($5.4 million)"). Each test failed on the drafter before
// its change. The sentences are made up, in our own words.
import { draftQuestions } from './draft.ts';
import { describe, expect, it } from 'vitest';
import {
	draftingBank,
	FERRY_FILLER,
	HARBOUR_FILLER,
	optionsOf,
	promptOf
} from '../../../tests/helpers/drafting.ts';

const { bank, draftsOf } = draftingBank('key-give-aways', '2024-05-10');

describe('an amount converted in brackets after the gap is not shown', () => {
	it.each([
		[
			'The town council set aside 12 million euros ($13 million) for the new quay and the road to it.',
			/aside _____ euros/u
		]
	])('"%s"', (sentence, asked) => {
		const text = [
			...FERRY_FILLER,
			sentence,
			'The yard had cost 25 million francs to build in 1998, and the quay will cost 60 million euros.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => asked.test(promptOf(d)));
		expect(drafts.length).toBeGreaterThan(0);
		expect(drafts.map(promptOf).filter((p) => /\(\$/u.test(p))).toEqual([]);
	});
});

// The thirteenth reading: "travelled about _____ km (293 million miles)" and a false "about 60 km (28 miles) wide".
describe('a figure converted into another unit in brackets gives nothing away', () => {
	const text = [
		...FERRY_FILLER,
		'The new ferry, which weighs 1,900 tonnes, travelled about 2,400 km (1,490 miles) from the yard in Gdansk.',
		'The harbour it will serve is about 45 km (28 miles) wide at its mouth, and about 14 metres deep.',
		'The company paid 60 million euros for the ship, its first new vessel in 20 years.'
	].join('\n');

	it('the gap stops before the conversion', () => {
		const drafts = draftsOf(text).filter((d) => /travelled about _____ km/u.test(promptOf(d)));
		expect(drafts.length).toBeGreaterThan(0);
		expect(drafts.map(promptOf).filter((p) => /1,490/u.test(p))).toEqual([]);
	});

	it('the converted figure is not asked', () => {
		expect(draftsOf(text).filter((d) => /\(_____ miles\)/u.test(promptOf(d)))).toEqual([]);
	});

	it('a claim leaves the conversion out, true or false', () => {
		const claims = draftsOf(text)
			.filter((d) => d.question.type === 'true_false')
			.map(promptOf);
		expect(claims.filter((p) => /\((?:1,490|28) miles\)/u.test(p))).toEqual([]);
	});
});

// The fourteenth reading: made-up sums were always half, one and a half times and twice the key, so the key was the
// second smallest option of every such question.
describe('made-up sums do not give the key away by their order', () => {
	const sums = [
		'The harbour board agreed to pay $27 million to the families of the fishermen lost in the storm.',
		'The ferry company said it had put more than $28 million into the new quay over two decades.',
		'Insurers expect to pay about $9.6 billion for the damage along the whole coast.',
		'A fund set up by the region raised $4.5 million in its first week.',
		'The state will lend the board $70 million at a low rate for ten years.',
		'The yard was sold last year for $130 million to a shipping group from Oslo.'
	];
	/** The key's place among its options, smallest first, in a report stating `sum` as its only sum. */
	const rankOf = (sum: string) =>
		draftsOf([...HARBOUR_FILLER, sum].join('\n'))
			.filter((d) => d.question.type === 'single' && /\$\d/u.test(optionsOf(d)[0]))
			.map((d) => {
				const amount = (t: string) =>
					Number(t.replace(/[^\d.]/gu, '')) * (/billion/u.test(t) ? 1000 : 1);
				const options = d.question.type === 'single' ? d.question.options : [];
				const sorted = [...options].sort((a, b) => amount(a.text) - amount(b.text));
				return sorted.findIndex((o) => o.correct);
			});

	it('puts the key at more than one place', () => {
		const ranks = sums.flatMap(rankOf);
		expect(ranks.length).toBeGreaterThanOrEqual(4);
		expect(new Set(ranks).size).toBeGreaterThan(1);
	});

	// The eighteenth reading (A16): "$4.1 billion" among $8.2, $12.3 and $16.4 billion, whole multiples of it, gives
	// the key as the options' common measure.
	it('never makes every wrong option a whole multiple of the key', () => {
		const amount = (t: string) =>
			Number(t.replace(/[^\d.]/gu, '')) * (/billion/u.test(t) ? 1000 : 1);
		const patterned = sums.flatMap((sum) =>
			draftsOf([...HARBOUR_FILLER, sum].join('\n'))
				.filter((d) => d.question.type === 'single' && /\$\d/u.test(optionsOf(d)[0]))
				.filter((d) => {
					const options = d.question.type === 'single' ? d.question.options : [];
					const key = amount(options.find((o) => o.correct)?.text ?? '');
					const ratios = options.filter((o) => !o.correct).map((o) => amount(o.text) / key);
					return ratios.every((r) => Math.abs(r - Math.round(r)) < 0.01);
				})
				.map((d) => optionsOf(d).join(' / '))
		);
		expect(patterned).toEqual([]);
	});
});

describe('a country whose people the shown words name is not asked', () => {
	const text = [
		'HARLOW, Dec 12 (SQ Wire) - Lena Kovac won the Harbour Grand Prix on Sunday to take her first drivers’ title.',
		'"I cannot believe it," said the 24-year-old Dutchwoman, the first driver from the Netherlands to win the title.',
		'Tom Ashby, who races for a team based in Italy, finished second, 1.8 seconds behind.',
		'The German driver Paulo Reis came third after starting from ninth place on the grid.',
		'The race in Harlow drew 60,000 spectators, a record for a circuit that opened in 2009.'
	].join('\n');

	it('"the 24-year-old Dutchwoman, the first driver from the _____" is not drafted', () => {
		const drafts = draftsOf(text, '2025-12-12').filter((d) => /from the _____/u.test(promptOf(d)));
		expect(drafts.map(promptOf)).toEqual([]);
	});

	it('a country whose people the sentence does not name is asked', () => {
		const drafts = draftsOf(text, '2025-12-12').filter((d) => /based in _____/u.test(promptOf(d)));
		expect(drafts.length).toBeGreaterThan(0);
	});
});

/** The drafts kept of a made-up report (after selection, where siblings' values are hidden). */
const draftedFrom = (text: string, eventDate: string, title: string) =>
	draftQuestions(
		{ slug: `give-aways-${text.length}`, title, publisher: null, eventDate, text, furniture: [] },
		bank()
	);

describe('two drafts of one sentence do not show each other’s answer', () => {
	it('each shows the value the other asks by its kind: "since [a year]", "level on [a number] points"', () => {
		const text = [
			'HARLOW, Dec 12 (SQ Wire) - Lena Kovac won the Harbour Grand Prix on Sunday to take her first drivers’ title.',
			'The two drivers arrived at the Elm Park circuit level on 369.5 points, the first time since 1974 that title contenders had gone into the final race with identical scores.',
			'Kovac started from pole position, but Tom Ashby got the better start and led for most of the race.',
			'Kovac passed him on the last lap and crossed the line 2.256 seconds clear.'
		].join('\n');
		const drafts = draftedFrom(text, '2025-12-12', 'Lena Kovac wins the title').filter((d) =>
			/level on/u.test(promptOf(d))
		);
		expect(drafts.length).toBe(2);
		const prompts = drafts.map(promptOf);
		for (const p of prompts) expect(p).not.toMatch(/369\.5.*1974|1974.*369\.5/u);
		expect(
			prompts.some((p) => /level on _____ points, the first time since \[a year\]/u.test(p))
		).toBe(true);
		expect(
			prompts.some((p) => /level on \[a number\] points, the first time since _____/u.test(p))
		).toBe(true);
	});
});

describe('a hidden value keeps its sentence grammatical', () => {
	it('a place used before a noun keeps its "the": "the [a place] state company"', () => {
		const text = [
			'BOSTON, June 22 (SQ Wire) - A small submersible that lost contact on Sunday broke apart near a wreck, the coast guard said.',
			'The craft belonged to Harbour Deep, the Washington state company that had run dives to the wreck since 2021.',
			'Rescue teams searched an area of about 10,000 square miles before debris was found on Thursday.',
			'Five people were on board when the craft lost contact about 90 minutes into the dive.'
		].join('\n');
		const prompts = draftedFrom(text, '2023-06-22', 'A submersible is lost')
			.map(promptOf)
			.filter((p) => /Harbour Deep, /u.test(p) && /\[a place\]/u.test(p));
		expect(prompts.length).toBeGreaterThan(0);
		for (const p of prompts) expect(p).toMatch(/the \[a place\] state company/u);
	});
});

// The tuning set's claims were 72% true (the eighteenth reading: 10 of 14), so "true" was the answer to guess.
describe("a report's claims are not mostly true", () => {
	it('at least half of the claims on a report of many figures are false', () => {
		const text = [
			...HARBOUR_FILLER,
			'The quay will cost $48 million and take three years to build, the board said.',
			'The old quay was built in 1962 and repaired in 1994 after a storm broke its outer wall.',
			'Ferries carried 410,000 passengers last year, up from 350,000 in 2019.',
			'The new quay will be 240 metres long, twice the length of the old one.',
			'Work is due to start in March 2025, once the winter storms have passed.',
			'The board chairman, Per Aas, said the town had waited 30 years for the money.',
			'The state will pay 60% of the cost and the town the rest, he said.',
			'A second ferry line to Bodø, which closed in 2016, could reopen when the quay is finished.',
			'Fishermen landed 12,000 tonnes of cod in the harbour last winter.',
			'The town hall was sold in 2008 for $2.5 million to a hotel group.'
		].join('\n');
		const answers = draftsOf(text).flatMap((d) =>
			d.question.type === 'true_false' ? [d.question.answer] : []
		);
		expect(answers.length).toBeGreaterThanOrEqual(8);
		expect(answers.filter((a) => !a).length * 2).toBeGreaterThanOrEqual(answers.length);
	});
});

// The twentieth reading (C6, C7, O21): "28, or 75%" of 29 patients is false by arithmetic, and "28, or _____" of 29
// is answered by it.
describe('a count and the share that restates it are neither swapped nor asked', () => {
	const text = [
		...HARBOUR_FILLER,
		'Of 29 patients treated at the harbour clinic, 28, or 97%, had no severe pain for at least a year.',
		'In the second trial, 39 of 42 patients, or 93%, went at least 12 months without a transfusion.'
	].join('\n');

	it('no false claim and no gap on either figure', () => {
		const drafts = draftsOf(text).filter((d) => /patients/u.test(d.quote));
		const restated = drafts.filter(
			(d) =>
				(d.question.type === 'true_false' && !d.question.answer) ||
				/or _____|_____ of 42|28, or|_____, or/u.test(promptOf(d))
		);
		expect(restated.map(promptOf)).toEqual([]);
	});
});
