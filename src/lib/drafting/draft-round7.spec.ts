// The drafter's rules added after the fourth held-back reading of issue 16 (a second pass on its failure kinds;
// each test failed on the drafter before its change). The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('round7', '2024-03-27');

const fire = [
	'A fire swept through a block of flats in the town of Dunmore early on Sunday morning.',
	'Among the dead were Rosa Pinheiro and Tomas Brandt, neighbours on the third floor.',
	'The fire began in a kitchen on the second floor, fire chief Martin Kessler said on Sunday.',
	'Residents had complained about the wiring for years, according to Helena Varga, a local councillor.',
	'Mayor Owen Tallis said the town would pay for the funerals of the victims.',
	'Brandt leaves a wife, Ingrid Brandt, and two sons, Lukas Brandt and Felix Brandt.',
	'The block had been built in 1972 and housed about 90 families, officials said.'
];
const speaking = (ds: Draft[]) => ds.filter((d) => d.asks === 'speaker' || d.form === 'who-said');

describe('a speaker among speakers', () => {
	it('a speaker’s wrong options are people the report has speak, never victims or relatives', () => {
		const text = [
			...fire,
			'Firefighter Nadia Osei told reporters the stairs had been full of smoke within minutes.',
			'The alarms did not sound, the building’s owner, Victor Lund, said in a statement.'
		].join('\n');
		const asked = speaking(draftsOf(text));
		const speakers = ['Martin Kessler', 'Helena Varga', 'Owen Tallis', 'Nadia Osei', 'Victor Lund'];
		expect(asked.length).toBeGreaterThan(0);
		for (const d of asked) for (const o of optionsOf(d)) expect(speakers).toContain(o);
	});

	it('too few other speakers: no speaker question', () => {
		// Three speakers leave two wrong options each; the victims and relatives may not fill the third.
		expect(speaking(draftsOf(fire.join('\n')))).toEqual([]);
	});
});

describe('a body is no place', () => {
	it('"Coast Guard" and "White House" are bodies, never options beside a state', () => {
		const text = [
			'A cargo ship lost power and struck a bridge over the river near Harlow, Maryland, on Tuesday.',
			'The U.S. Coast Guard sent three boats to search the water for the missing workers.',
			'The White House said federal money would pay for a new bridge within four years.',
			'The ship was bound for Sri Lanka and had left the port of Norfolk, Virginia, an hour before.',
			'Crews from Delaware and Pennsylvania joined the search on Wednesday morning.',
			'The House of Commons held a minute of silence for the missing workers on Thursday.'
		].join('\n');
		const drafts = draftsOf(text);
		const placeDrafts = drafts.filter((d) => d.kind === 'place' && optionsOf(d).length);
		expect(placeDrafts.length).toBeGreaterThan(0);
		for (const d of drafts)
			for (const o of optionsOf(d))
				if (d.kind === 'place') expect(o).not.toMatch(/Guard|House|Commons/u);
	});
});

describe('who speaks', () => {
	it('"added a second goal" is no speech: the scorer is asked among players', () => {
		const text = [
			'Portland beat Riverton 3-1 in the cup final in front of 40,000 fans on Saturday.',
			'Leo Marsh scored twice in the first half, and Dani Vega added a third goal before the break.',
			'Riverton’s only goal came from Sam Oduya in the last minute of the match.',
			'Coach Erin Walsh said the team had played its best game of the season.'
		].join('\n');
		const vega = draftsOf(text).filter((d) => /_____ added a third goal/u.test(d.question.prompt));
		expect(vega.length).toBeGreaterThan(0);
		for (const d of vega) expect(d.asks).toBeUndefined();
	});
});
