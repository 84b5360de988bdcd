// A person, place or body with too few fair wrong options is asked as a name to type in (issue 16, volume: a gap
// after "U.S. District Judge _____" in a report with one judge was not drafted at all, and one with the judge's own
// parents as options needed an edit). Each test failed on the drafter before its change. The sentences are made
// up, in our own words.
import { describe, expect, it } from 'vitest';
import type { Draft } from './types.ts';
import { draftingBank, promptOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('typed-names', '2024-05-10');

const typed = (drafts: Draft[], words: RegExp): string[][] =>
	drafts
		.filter((d) => words.test(promptOf(d)))
		.map((d) => (d.question.type === 'short_text' ? d.question.accepted : []));

const TRIAL = [
	'NEW YORK, May 10 (SQ Wire) - A jury in Manhattan found the founder of the Lumen exchange, Theo Hart, guilty of fraud on Thursday.',
	'U.S. District Judge Lewis Crane set sentencing for June 3 and ordered Hart held until then.',
	'Hart was arrested in the Bahamas in December and agreed to be sent to the United States.',
	'National Assembly Speaker Woo Won-shik, who was in New York for talks, said the verdict was being watched in Seoul.'
];

describe('a name with no fair wrong options is typed in', () => {
	it('"U.S. District Judge _____" accepts the judge by full name or surname', () => {
		expect(typed(draftsOf(TRIAL.join('\n')), /District Judge _____/u)).toEqual([
			['Lewis Crane', 'Crane']
		]);
	});

	it('a person is also accepted by the other usual form of their given name', () => {
		const text = [
			...TRIAL.slice(0, 3),
			'The case of his partner Chris Dane, who resigned from the board in March, comes to court next year.'
		].join('\n');
		expect(typed(draftsOf(text), /his partner _____/u)).toEqual([
			['Chris Dane', 'Dane', 'Christopher Dane']
		]);
	});

	it('a king is accepted by his given name, never by his regnal number alone', () => {
		const text = [
			...TRIAL.slice(0, 3),
			'Guests at the opening of the trial in March included Spain’s King Felipe VI, who sat in the front row.'
		].join('\n');
		const accepted = typed(draftsOf(text), /King _____/u);
		expect(accepted.length).toBeGreaterThan(0);
		for (const forms of accepted) expect(forms).toEqual(['Felipe VI', 'Felipe']);
	});

	it('a name whose given name is hyphenated is accepted by its family name, written first', () => {
		expect(typed(draftsOf(TRIAL.join('\n')), /Speaker _____/u)).toEqual([['Woo Won-shik', 'Woo']]);
	});

	it('a country is accepted by the short form everyone writes for it, with no second "the"', () => {
		const text = [
			'DUBAI, Feb 9 (SQ Wire) - A probe built by the United Arab Emirates went into orbit around Mars on Tuesday, the first Arab mission to the planet.',
			'The probe, called Hope, was launched from Japan in July and travelled about 493 million km.',
			'Sarah Al Amiri, the minister in charge of the programme, said the mission would study the Martian weather for a full year.'
		].join('\n');
		expect(typed(draftsOf(text, '2021-02-09'), /built by the _____/u)).toEqual([
			['United Arab Emirates', 'UAE', 'Emirates']
		]);
	});

	it('is not typed where the quote names another of its kind that a reader could type instead', () => {
		const text = [
			...TRIAL.slice(0, 2),
			'His former partners Nora Vale, Ian Price and Eva Lind testified against him.'
		].join('\n');
		expect(typed(draftsOf(text), /Nora Vale, _____|_____ and Eva Lind/u).flat()).toEqual([]);
	});
});

// The sixteenth and eighteenth readings: "SVB Financial" and "Engro" were marked wrong for "SVB Financial Group"
// and "Pakistan's Engro Corporation".
describe('a company typed in is accepted by the shorter forms a reader writes', () => {
	const text = [
		...TRIAL.slice(0, 2),
		"Anna Holm, 48, was vice chairman of Norway's Tidewater Corporation, and her son Erik was 19.",
		'Parent company Lindvik Financial Group said it had sold about $21 billion of bonds at a loss.',
		'Crypto-focused Silvergate Bank had said on Wednesday it would wind itself down, and Silvergate shares fell 40%.'
	].join('\n');

	it('without its owner country and its company words', () => {
		expect(typed(draftsOf(text), /vice chairman of _____, and her son/u)).toEqual([
			["Norway's Tidewater Corporation", 'Tidewater Corporation', 'Tidewater']
		]);
		expect(typed(draftsOf(text), /Parent company _____/u)).toEqual([
			['Lindvik Financial Group', 'Lindvik Financial', 'Lindvik']
		]);
	});

	it('and not asked where the quote shows such a form ("Silvergate shares")', () => {
		expect(typed(draftsOf(text), /Crypto-focused _____.*Silvergate shares/u)).toEqual([]);
	});
});

// The nineteenth reading (B12): "WHO" was marked wrong for the World Health Organization, which the report spells
// out; the twenty-first (W1): "The WHO recommends…" in the title every prompt shows gave the typed key away.
describe('a body typed in and its initials', () => {
	const text = [
		...TRIAL.slice(0, 2),
		'The World Health Organization said three hospitals in the city had been put out of action.',
		'The city council met on Friday to plan the repairs.'
	].join('\n');
	const asked = /The _____ said three hospitals/u;

	it('"The _____ said three hospitals…" accepts "WHO"', () => {
		const forms = typed(draftsOf(text), asked);
		expect(forms.length).toBe(1);
		expect(forms[0]).toContain('WHO');
	});

	it('is not typed in where the title names it in any accepted form ("The WHO says…")', () => {
		const drafts = draftsOf(text, '2024-05-10', 'The WHO says three hospitals are out of action');
		expect(typed(drafts, asked)).toEqual([]);
	});
});

// The twenty-first reading (W15): "GlaxoSmithKline" was marked wrong for "GSK", which the report spells out once.
describe('an abbreviation typed in is accepted by the one-word name the report gives it', () => {
	it('"GlaxoSmithKline (GSK)" … "while _____ keeps making the adjuvant"', () => {
		const text = [
			...TRIAL.slice(0, 2),
			'The vaccine was developed by the British drugmaker GlaxoSmithKline (GSK) over 30 years.',
			'Production is moving to a firm in India, while GSK keeps making the adjuvant that boosts the immune response.'
		].join('\n');
		const forms = typed(draftsOf(text), /while _____ keeps making/u);
		expect(forms.length).toBe(1);
		expect(forms[0]).toContain('GlaxoSmithKline');
	});
});
