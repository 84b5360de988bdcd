// Clipped sentences ("…"): where a long sentence is cut, and the shown words that must still hold a subject and a
// main verb.
// Each test failed on the drafter before its change (issue 16). The reports are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, HARBOUR_FILLER, promptOf } from '../../../tests/helpers/drafting.ts';
import { clauseAround } from './draft.ts';

const { draftsAsking, draftsOf } = draftingBank('clipping', '2024-05-10');

describe('a long sentence splits before "after" or "following" after a comma', () => {
	const S =
		'The two firms signed the merger in May 2021 with a loan from three banks, after the longest talks in the industry following the vote of March 2020.';
	it.each([
		['March 2020', 'after the longest talks in the industry following the vote of March 2020.'],
		['May 2021', 'The two firms signed the merger in May 2021 with a loan from three banks']
	])('the clause of "%s"', (value, clause) => {
		const at = S.indexOf(value);
		expect(clauseAround(S, at, at + value.length).text.replace(/,\s*$/u, '')).toBe(clause);
	});
});

describe('a long sentence with no clause of its own is shown from its subject to the words after the value', () => {
	const LONG = [
		'Lena Holm of Sweden won the Northern Tour for the third year running on Sunday, finishing the two-week race 4 minutes 12 seconds ahead of her Norwegian rival Kari Dahl after the largely ceremonial last stage through the old town of Bergen.',
		'Kari Dahl won the Northern Tour in 2019 and was second in 2021, when Lena Holm beat her by 2 minutes 5 seconds.',
		'The race covered 1,850 km over twelve stages and drew about 300,000 people to the roads of the north.'
	].join('\n');
	it('the opening sentence of 40 words is asked, cut after the value with "…"', () => {
		const heads = draftsAsking(
			LONG,
			/“Lena Holm of Sweden won the Northern Tour[^”]*_____[^”]*…”/u,
			'2022-09-05'
		);
		expect(heads.map(promptOf)).not.toEqual([]);
		for (const d of heads) expect(promptOf(d)).not.toMatch(/old town of Bergen/u);
	});
});

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
		const drafts = draftsOf([...HARBOUR_FILLER, sentence].join('\n'));
		expect(drafts.map(promptOf).filter((p) => asked.test(p))).toEqual([]);
	});
});

describe('a length of time is not cut from what it is measured from', () => {
	it.each([
		'The harbour board approved the plan for the new quay at its meeting on Friday, two days after a storm tore away part of the old pier and sank three of the fishing boats moored beside it.'
	])('"%s"', (sentence) => {
		const drafts = draftsOf([...HARBOUR_FILLER, sentence].join('\n'));
		const cut = drafts.filter((d) =>
			/_____ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)…/u.test(promptOf(d))
		);
		expect(cut.map(promptOf)).toEqual([]);
	});
});

describe('a clipped head runs on to its main verb', () => {
	it('"The ferry, carrying _____ passengers from…, docked…" is shown up to the verb', () => {
		const text = [
			...HARBOUR_FILLER,
			'The ferry, carrying 340 passengers and crew from the port of Busan on the southern coast, docked at pier 4 shortly before dawn after a crossing of nine hours in heavy seas, the port authority said on its website on Monday night.'
		].join('\n');
		const shown = draftsOf(text).filter(
			(d) => /_____ passengers/u.test(d.question.prompt) && d.form === 'gap-fill'
		);
		expect(shown.map((d) => /docked at pier 4/u.test(d.question.prompt))).toContain(true);
	});
});

describe('a clause cut after "which"/"who" is shown from the noun it stands for', () => {
	const PEOPLE =
		'Anna Berg of Sweden beat Karin Holt of Denmark in the final of the Coastal Cup, with Lise Dahl and Marta Vidal losing in the semi-finals.';
	it.each([
		[
			'The harbour board’s next projects include a new pier for the ferries, due to open next spring, and a second lifeboat station for the north shore, which the town hopes to build by 2027.',
			/hopes to build by _____/u,
			/lifeboat station for the north shore, which the town hopes/u
		],
		[
			'Karin Holt, who sailed the boat she had built herself with her brother over two long winters, said she would race again in the Baltic Cup, which starts in New York on Aug. 28.',
			/starts in New York on _____/u,
			/the Baltic Cup, which starts/u
		],
		[
			'The second race of the day went to a tie-break, which Berg won 8-6 after Holt missed the last mark of the course.',
			/won 8-6 after _____/u,
			/a tie-break, which Berg won/u
		]
	])('"%s"', (sentence, asked, subject) => {
		const drafts = draftsOf([...HARBOUR_FILLER, PEOPLE, sentence].join('\n'));
		const shown = drafts.map(promptOf).filter((p) => asked.test(p));
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.filter((p) => !subject.test(p))).toEqual([]);
	});
});

describe('a clause cut after "when" is not shown alone', () => {
	it('"…_____ hit a forehand into the net." is asked only with the clause it tells the time of', () => {
		const text = [
			...HARBOUR_FILLER,
			'Anna Berg of Sweden beat Karin Holt of Denmark in the final of the Coastal Cup, with Lise Dahl and Marta Vidal losing in the semi-finals.',
			'Berg held her serve to the end and won on her first match point when Holt hit a forehand into the net.'
		].join('\n');
		const thin = draftsAsking(text, /“…_____ hit a forehand/u);
		expect(thin.map(promptOf)).toEqual([]);
	});
	it('"…when Sweden beat Norway by _____ lengths in Kiel" names its place, and is asked alone', () => {
		const text = [
			...HARBOUR_FILLER,
			'She had missed the first five races of the season with a broken hand, and she was also named sailor of the race in Thursday’s semi-final, when Sweden beat Norway by three lengths in Kiel.'
		].join('\n');
		const alone = draftsAsking(text, /“…Sweden beat Norway by _____ lengths/u);
		expect(alone.length).toBeGreaterThan(0);
	});
});
