// The faults of the eighth held-back reading (issue 16). Each test failed on the drafter before its change. The
// articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf, wrongOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('round15', '2025-10-12');

// (drafts12: "Temple University" is no longer placed "in Philadelphia" here, and two more universities are named: a
// workplace in a city now takes only bodies the report places there, a university only bodies of its sort, and
// these tests need a body gap with options.)
const LAB = [
	'Marta Kovacs and Jon Hale won the Halden Prize for medicine on Monday for work on modified RNA.',
	'Kovacs worked at Temple University for years before moving to the University of Pennsylvania in 1989.',
	'Hale trained at the University of Oslo before he moved abroad.',
	'A team at Leiden University repeated the work three years later.',
	'The pair published the finding in 2005, and BioNTech later developed a COVID-19 vaccine with Pfizer in less than a year.',
	'The vaccines made by Pfizer and by Moderna were given to millions of people during the COVID-19 pandemic.',
	'A compromise put forward by Eric van der Berg, the junior minister for health, was turned down on Tuesday.',
	'Van der Berg said talks with Anna de Vries, the leader of the Farmers Party, and with Pieter van Dam of the Labour Party had failed.',
	'The World Health Organization said the Ebola outbreak in Guinea was over, and that mpox cases had fallen.'
].join('\n');

const prompts = (drafts: Draft[]) => drafts.map((d) => d.question.prompt);

describe('no gap inside a hyphenated word or a name with a particle', () => {
	it('"a _____-19 vaccine" is never asked', () => {
		expect(prompts(draftsOf(LAB)).filter((p) => /_____-|-_____/u.test(p))).toEqual([]);
	});
	it('"Huis _____ Bosch palace" is never asked', () => {
		const text = [
			'The king flew back for the meeting at Huis ten Bosch palace, which lasted about an hour and a half.',
			'The prime minister, 56, has led the country since October 2010, and his party won two seats in May.'
		].join('\n');
		expect(prompts(draftsOf(text)).filter((p) => /Huis _____ Bosch/u.test(p))).toEqual([]);
	});
	it('"Eric van der _____" is never asked', () => {
		expect(prompts(draftsOf(LAB)).filter((p) => /\bvan der _____/iu.test(p))).toEqual([]);
	});
});

const bodies = (drafts: Draft[]) =>
	drafts.filter((d) => d.value?.kind === 'organisation' && d.form !== 'true-false');

describe('a disease, or a name written only as a modifier, is no body', () => {
	it('"COVID", "Ebola", "mpox" are neither keys nor options for a body', () => {
		const drafts = bodies(draftsOf(LAB));
		expect(drafts.length).toBeGreaterThan(0);
		const diseases = drafts.flatMap(optionsOf).filter((o) => /^(?:COVID|Ebola|mpox)$/iu.test(o));
		expect(diseases).toEqual([]);
	});
	it('"the KVX vaccine": KVX is neither a key nor an option for a body', () => {
		const text = [
			'Marta Kovacs worked at Temple University for years before moving to the University of Pennsylvania in 1989.',
			'Jon Hale trained at the University of Oslo before he moved abroad.',
			'A team at Leiden University repeated the work three years later.',
			'Health officials in Chile gave the KVX vaccine to older people from March.',
			'The World Health Organization said on Monday that the outbreak was over.'
		].join('\n');
		const drafts = bodies(draftsOf(text));
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts) expect(optionsOf(d)).not.toContain('KVX');
	});
});

const FINAL = [
	"Norway beat Portugal 2-1 in the final of the Women's Nations Cup in Lisbon on Sunday, with defender Ingrid Dahl scoring the winner.",
	"Portugal almost went ahead in the 10th minute, when Rita Couto's shot struck the post.",
	'Portugal manager Ana Seixas sent on Joana Leal and Marta Pires for Sara Moura and Ines Vaz at half-time.',
	"Norway's Kari Lunde, the captain, hit the bar before the break, and Norway's Siri Bakke scored from a corner.",
	'Norway coach Eva Holm said her players had been brave.',
	"Lunde, Norway's all-time top scorer, was in tears after the final whistle.",
	"Norway's Queen Sonja and her daughter, Princess Astrid, watched the final from the stands.",
	'Portugal were without their captain Teresa Lobo, who missed the tournament with a knee injury.'
].join('\n');

const PORTUGAL = [
	'Rita Couto',
	'Joana Leal',
	'Marta Pires',
	'Sara Moura',
	'Ines Vaz',
	'Teresa Lobo'
];
const NORWAY = ['Ingrid Dahl', 'Kari Lunde', 'Siri Bakke'];
const surnames = (names: string[]) => [...names, ...names.map((n) => n.split(' ')[1])];

describe("people of the other side: a gap the sentence ties to one side takes only that side's players", () => {
	it.each([
		['Portugal manager X sent on… for _____', /sent on/u, PORTUGAL],
		["_____, Norway's all-time top scorer", /all-time top scorer/u, NORWAY],
		['Portugal were without their captain _____', /without their captain/u, PORTUGAL]
	])('%s', (_, sentence, side) => {
		const drafts = draftsOf(FINAL).filter(
			(d) => d.value?.kind === 'person' && sentence.test(d.question.prompt)
		);
		for (const d of drafts) expect(surnames(side)).toEqual(expect.arrayContaining(wrongOf(d)));
	});
	it("Portugal almost went ahead… when _____'s shot: still asked, among Portugal's players", () => {
		const shot = draftsOf(FINAL).filter(
			(d) => d.value?.kind === 'person' && /when .*['’]s shot/u.test(d.question.prompt)
		);
		expect(shot.filter((d) => d.form === 'gap-fill').length).toBeGreaterThan(0);
		for (const d of shot) expect(surnames(PORTUGAL)).toEqual(expect.arrayContaining(wrongOf(d)));
	});
	it("a manager is no option for a player's act", () => {
		const wrong = draftsOf(FINAL)
			.filter((d) => d.value?.kind === 'person' && !/manager|coach/u.test(d.question.prompt))
			.flatMap(wrongOf);
		expect(wrong.filter((w) => /Seixas|Holm/u.test(w))).toEqual([]);
	});
});

describe('family: "her daughter, _____" takes no one the report gives another role', () => {
	it("no player or manager as the queen's daughter", () => {
		const drafts = draftsOf(FINAL).filter((d) => /her daughter, _____/u.test(d.question.prompt));
		const others = surnames([...PORTUGAL, ...NORWAY, 'Ana Seixas', 'Eva Holm']);
		for (const d of drafts) expect(wrongOf(d).filter((w) => others.includes(w))).toEqual([]);
	});
});

describe('date options: no block of days far from the key', () => {
	it('"on December 10" takes no run of consecutive days of another month', () => {
		const text = [
			'The Halden prize for medicine was announced in Stockholm on Monday.',
			'The laureates receive their awards on December 10, the anniversary of the death of the prize founder.',
			'The prize is worth 11 million crowns this year.'
		].join('\n');
		const drafts = draftsOf(text, '2023-10-02').filter(
			(d) => d.value?.kind === 'date' && d.value.date.endsWith('-12-10')
		);
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts) {
			const date = d.value?.kind === 'date' ? d.value.date : '';
			const days = wrongOf(d).map((w) => Date.parse(`${w} ${date.slice(0, 4)} UTC`) / 86_400_000);
			const key = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
			expect(days.filter((x) => Math.abs(x - key) > 42)).toEqual([]);
			for (const x of days) expect(days.filter((y) => Math.abs(x - y) <= 2)).toEqual([x]);
		}
	});
});
