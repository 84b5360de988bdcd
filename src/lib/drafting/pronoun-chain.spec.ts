// Whom a "she" or "he" stands for, read back along the report (pronoun-chain.ts), and the claims whose swapped
// value the sentence itself contradicts. Each draft-level test failed on the drafter before its change (issue 16,
// the twenty-first reading: R6, R12, R15, R16, R18, T9, W7). The reports are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank } from '../../../tests/helpers/drafting.ts';
import { chainAntecedent, type ChainSentence } from './pronoun-chain.ts';
import type { Draft } from './types.ts';

const genders: Record<string, 'f' | 'm'> = {
	'Amina Otieno': 'f',
	'Grace Mwangi': 'f',
	'Paula Brandt': 'f',
	'Tomas Reyes': 'm'
};
const genderOf = (name: string) => genders[name] ?? null;
const describes = (text: string) => /^The\s+(?:Canadian|Kenyan|\d+-year-old)\b/u.test(text);
const said = (text: string, ...people: string[]): ChainSentence => ({
	text,
	people: people.map((name) => ({ name, at: text.indexOf(name.split(' ').pop()!) }))
});

describe('chainAntecedent', () => {
	const opening = said('In the final on Sunday ');

	it('follows "she" back through sentences that name no one first, to the one woman named', () => {
		const before = [
			said(
				'Amina Otieno was born in Eldoret, and she moved to the capital at six.',
				'Amina Otieno'
			),
			said('She trained with her brother until she joined a club.'),
			said('Then ranked 90th, she lost in Berlin to Paula Brandt.', 'Paula Brandt'),
			said('In Lisbon she showed no nerves.')
		];
		expect(chainAntecedent(opening, before, 'f', genderOf, describes)).toBe('Amina Otieno');
	});

	it('names nobody where the sentence names two women before any "she"', () => {
		const before = [
			said('Paula Brandt and Grace Mwangi watched the race.', 'Paula Brandt', 'Grace Mwangi')
		];
		expect(chainAntecedent(opening, before, 'f', genderOf, describes)).toBeNull();
	});

	it('stops at a sentence that opens on a description, or that has no "she" and no name', () => {
		const base = said('Amina Otieno won the race.', 'Amina Otieno');
		expect(
			chainAntecedent(
				opening,
				[base, said('The Kenyan had made her own run.')],
				'f',
				genderOf,
				describes
			)
		).toBeNull();
		expect(
			chainAntecedent(opening, [base, said('The weather turned cold.')], 'f', genderOf, describes)
		).toBeNull();
	});

	it('passes over men for "she", and stops at someone of no known gender', () => {
		const woman = said('Amina Otieno won the race.', 'Amina Otieno');
		expect(
			chainAntecedent(
				opening,
				[woman, said('Tomas Reyes praised her.', 'Tomas Reyes')],
				'f',
				genderOf,
				describes
			)
		).toBe('Amina Otieno');
		expect(
			chainAntecedent(
				opening,
				[woman, said('Sam Okafor praised her.', 'Sam Okafor')],
				'f',
				genderOf,
				describes
			)
		).toBeNull();
	});

	it("reads the pronoun's own sentence first: a woman it names before the pronoun is the answer", () => {
		const own = said('After Grace Mwangi fell, ', 'Grace Mwangi');
		expect(chainAntecedent(own, [], 'f', genderOf, describes)).toBe('Grace Mwangi');
	});
});

const { draftsOf } = draftingBank('pronoun-chain', '2025-04-13');

const RACE = [
	'LAKESIDE, Apr 13 (SQ Wire) - Amina Otieno of Kenya won the Lakeside marathon on Sunday in 2 hours 21 minutes, the fastest time ever run on the course.',
	'Amina Otieno was born in Eldoret in 1998, and her family moved to Nairobi when she was six.',
	'She trained with her older brother until she turned 20, when she joined a club run by coach Tomas Reyes.',
	'Then ranked 90th in the world, she finished behind Paula Brandt in Berlin, where she had to stop twice with cramp.',
	'In Lisbon she showed no such trouble.',
	'In the final stretch on Sunday she passed defending champion Grace Mwangi with 3 kilometres to go and won by 40 seconds.',
	'Mwangi, who is 31, said her legs had gone and she had been beaten by the better runner on the day.',
	'The jury of race officials heard from 14 witnesses over three days: 12 called by the organisers and two by the runners.',
	'More than 2,000 runners have since finished the course in under three hours.',
	'The Kenyan, ranked 12th, had earlier beaten defending champion Grace Mwangi and Paula Brandt at the Nairobi half marathon in March.',
	'Amina Otieno thanked the crowd before her lap of honour.',
	'Outside the stadium, her coach, Tomas Reyes, said the club would rest its runners for two months before the autumn races.'
].join('\n');

const claimsOn = (ds: Draft[], words: RegExp) =>
	ds.filter((d) => d.question.type === 'true_false' && words.test(d.question.prompt));

describe('a pronoun the report names is named in the prompt', () => {
	it('"In the final stretch on Sunday she passed…" names her as [Amina Otieno], never as the woman named after', () => {
		const asked = draftsOf(RACE).filter((d) =>
			/passed defending champion|passed \[a person\]/u.test(d.question.prompt)
		);
		expect(asked.length).toBeGreaterThan(0);
		for (const d of asked) {
			expect(d.question.prompt).toMatch(/\[Amina Otieno\] passed/u);
			expect(d.question.prompt).not.toMatch(/\[(?:Grace Mwangi|Paula Brandt)\]/u);
		}
	});

	it('"have since finished" is read after the sentence that says since when, or not at all', () => {
		for (const d of draftsOf(RACE).filter((x) => /have since finished/u.test(x.question.prompt)))
			expect(d.question.prompt).toMatch(/after “/u);
	});

	it('"her coach, Tomas Reyes," names whose coach, never as Reyes', () => {
		const asked = draftsOf(RACE).filter((d) =>
			/coach, Tomas Reyes|coach, \[a person\]|coach, _____/u.test(d.question.prompt)
		);
		expect(asked.length).toBeGreaterThan(0);
		for (const d of asked)
			expect(d.question.prompt).toMatch(/\[Amina Otieno\]['’]s coach|after “/u);
	});
});

describe('a false claim does not contradict its own sentence', () => {
	it('a total and its parts ("14 witnesses: 12 … and two …") are neither asked nor swapped', () => {
		const onIt = draftsOf(RACE).filter((d) => /witnesses/u.test(d.question.prompt));
		for (const d of onIt) {
			expect(d.question.prompt).not.toMatch(
				/_____ witnesses|: _____ called|and _____ by the runners/u
			);
			expect(d.question.explanation).not.toMatch(/gives (?:14|12|2|two), not/u);
		}
	});

	it('a woman beside "The Kenyan" is not swapped for another of the report\'s people', () => {
		for (const d of claimsOn(draftsOf(RACE), /The Kenyan, ranked/u))
			expect(d.question.explanation).not.toMatch(/gives (?:Grace Mwangi|Paula Brandt)/u);
	});
});
