// Places offered among places of another sort (issue 16, the eighteenth reading: an ocean, a launch pad and a
// regional nickname as each other's options; a Coast Guard district among states): a place gap has options only
// where the key and every option are one sort the tables or the tagger know (a country, a state, a city); any
// other place is typed in. Each test failed on the drafter before its change, but the "Austin, Texas" one,
// which keeps the wider list rule from striking out a city placed by its state. The sentences are made up, in our
// own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, FERRY_FILLER, promptOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('place-sorts', '2024-05-10');

const accepted = (d: Draft): string[] =>
	d.question.type === 'short_text' ? d.question.accepted : [];

describe('a place of no known sort is typed in, never chosen among places of other sorts', () => {
	const text = [
		...FERRY_FILLER,
		'The capsule will splash down in the Atlantic Ocean off Lisbon on Friday after a flight of nine days.',
		'Crowds lined the Amber Coast to watch the launch on Wednesday night.',
		'The rocket lifted off from Pad 7 at Kestrel Point, a former air base.',
		'Engineers at Mission Hall cheered as the capsule reached orbit.'
	].join('\n');

	it('an ocean, a coast, a headland and a hall are no options for each other', () => {
		const mixed = draftsOf(text).filter((d) => d.kind === 'place' && d.question.type === 'single');
		expect(mixed.map(promptOf)).toEqual([]);
	});

	it('the ocean is typed in, and accepted without "Ocean"', () => {
		const typed = draftsOf(text).filter((d) => /splash down in the _____/u.test(promptOf(d)));
		expect(typed.map(accepted)).toEqual([['Atlantic Ocean', 'Atlantic']]);
	});
});

describe('a typed place has one right answer', () => {
	it('"from the _____…" is not typed where the sentence lists two more countries after the quote stops', () => {
		const text = [
			...FERRY_FILLER,
			'Boats, aircraft and divers from the United States, Canada and France joined the search, which covered an area about twice the size of the bay and went on for five days.',
			'The search ended on Sunday when the missing boat was found.'
		].join('\n');
		const typed = draftsOf(text).filter(
			(d) => d.question.type === 'short_text' && accepted(d).includes('United States')
		);
		expect(typed.map(promptOf)).toEqual([]);
	});

	it('"based in _____, Texas" is still typed: a state after a comma places the city, it is no list', () => {
		const text = [
			...FERRY_FILLER,
			'The ferry company bought its booking system from Tallgrass last year.',
			'Tallgrass, founded in 2009 and based in Austin, Texas, is one of the largest sellers of booking software.',
			'The system failed twice last winter.'
		].join('\n');
		const typed = draftsOf(text).filter((d) => accepted(d).includes('Austin'));
		expect(typed.length).toBe(1);
	});
});

describe('half a name and a numbered unit are not asked', () => {
	it('"Launch Complex" cut from "Launch Complex 39B"', () => {
		const text = [
			...FERRY_FILLER,
			'The rocket rose from Launch Complex 39B at dawn on Tuesday, carrying a weather satellite.',
			'The launch had been delayed twice by high winds.'
		].join('\n');
		expect(draftsOf(text).filter((d) => /_____ 39B/u.test(promptOf(d)))).toEqual([]);
	});

	it('"the Coast Guard\'s First District"', () => {
		const text = [
			...FERRY_FILLER,
			"Captain Ida Sund, commander of the Coast Guard's First District, told reporters in Bergen that the search would go on.",
			'The ferry had left the quay at 6 a.m. with 40 passengers.'
		].join('\n');
		expect(
			draftsOf(text).filter((d) => /Coast Guard's _____/u.test(promptOf(d).replace(/’/gu, "'")))
		).toEqual([]);
	});
});
