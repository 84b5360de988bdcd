// The faults of the eighth held-back reading (issue 16). Each test failed on the drafter before its change. The
// articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('round15', '2025-10-12');

const LAB = [
	'Marta Kovacs and Jon Hale won the Halden Prize for medicine on Monday for work on modified RNA.',
	'Kovacs worked at Temple University in Philadelphia before moving to the University of Pennsylvania in 1989.',
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
			'Marta Kovacs worked at Temple University in Philadelphia before moving to the University of Pennsylvania in 1989.',
			'Health officials in Chile gave the KVX vaccine to older people from March.',
			'The World Health Organization said on Monday that the outbreak was over.'
		].join('\n');
		const drafts = bodies(draftsOf(text));
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts) expect(optionsOf(d)).not.toContain('KVX');
	});
});
