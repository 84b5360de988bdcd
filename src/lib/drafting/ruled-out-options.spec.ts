// Options the prompt's own words rule out (issue 16, the tenth reading): a count of the first games before "the
// decisive fourth" (chess 1), a city or a continent among "U.S. states, including _____" (CrowdStrike 14). Each
// test failed on the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import {
	draftingBank,
	FERRY_FILLER,
	optionsOf,
	promptOf,
	wrongOf
} from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('ruled-out-options', '2024-05-10');

describe('a count of the first or last few, with an ordinal later in the sentence, is not asked', () => {
	it.each([
		[
			'The first two heats were rained off, and Anna Berg won the decisive third by 12 seconds.',
			/first _____ heats/u
		],
		[
			'The last four races were sailed in a storm, and Karin Holt took the eighth with a broken mast.',
			/last _____ races/u
		]
	])('"%s"', (sentence, asked) => {
		const text = [
			...FERRY_FILLER,
			'The regatta had eight races over five days, and three of them were sailed in fog.',
			sentence,
			'The regatta ended on Sunday evening.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => asked.test(promptOf(d)));
		expect(drafts.map(promptOf)).toEqual([]);
	});
});

describe('a place listed after a plural place noun ("U.S. states, including _____") takes only places of that sort', () => {
	it('"several Canadian provinces, including _____" offers no city and no continent', () => {
		const text = [
			...FERRY_FILLER,
			'The outage hit Asia first, then Europe, where flights from Berlin and Oslo were held.',
			'In Canada, phone lines failed in several Canadian provinces, including Manitoba, and some hospitals in Toronto cancelled operations.',
			'The province of Ontario and the province of Quebec said their own lines had held.'
		].join('\n');
		const gaps = draftsOf(text).filter((d) => /provinces, including _____/u.test(promptOf(d)));
		const wrongSort = gaps.flatMap((d) =>
			[...optionsOf(d), ...wrongOf(d)].filter((o) =>
				/^(?:Asia|Europe|Berlin|Oslo|Toronto)$/u.test(o)
			)
		);
		expect(wrongSort).toEqual([]);
	});
});

describe('a count whose items the sentence lists is not asked', () => {
	it('"from _____ countries: Norway, Finland, Iceland and the Faroe Islands"', () => {
		const text = [
			...FERRY_FILLER,
			'On Sunday the town said it had accepted offers of rescue boats from four countries: Norway, Finland, Iceland and the Faroe Islands.',
			'Denmark said it was sending 30 divers with six boats.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => /from _____ countries/u.test(promptOf(d)));
		expect(drafts.map(promptOf)).toEqual([]);
	});
});

// The sixteenth to eighteenth readings: two agencies and a laser facility as each other's options, a regulator and
// a stock exchange; organisations' gaps with options were usable 0 times in 5.
describe('a body is offered only among bodies of its own known sort', () => {
	it('a regulator, a stock exchange and a company are no options for each other', () => {
		const text = [
			...FERRY_FILLER,
			'A judge in Seattle turned down a request by the Federal Trade Commission on Tuesday to stop the ferry deal from closing.',
			'Shares of the ferry company rose 4% on the Nasdaq after the news.',
			'The European Commission approved the deal in May after the company promised to keep the old routes.',
			'Sony, which runs ferries in Japan, said it would not bid.'
		].join('\n');
		const mixed = draftsOf(text).filter(
			(d) => d.kind === 'organisation' && d.question.type === 'single'
		);
		expect(mixed.map((d) => `${promptOf(d)}: ${optionsOf(d).join(' / ')}`)).toEqual([]);
	});
});
