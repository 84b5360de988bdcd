// One who played or led in the report's match is asked only among the match's players (issue 16, the tenth
// reading, chess 10 and 13: Carlsen, who gave up the title, and Fischer, champion in 1975, offered as the one who
// "led for most of the three weeks"). Each test failed on the drafter before its change. The sentences are made
// up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, promptOf, wrongOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('event-players', '2024-05-10');

describe('a player of the match the opening sentence names is asked only among its players', () => {
	it.each([
		['Holt, who sails for Denmark, led for most of the week.', /_____, who sails for Denmark/u],
		[
			'Holt, playing with the wind, pressed for a win in the last race, but Berg held on.',
			/_____, playing with the wind/u
		]
	])('"%s"', (sentence, asked) => {
		const text = [
			'LINDVIK, May 10 (SQ Wire) - Anna Berg won the Baltic sailing final on Sunday, beating Karin Holt in the deciding race of a week-long match off Lindvik.',
			'Berg succeeds Ingrid Sand of Norway, who had held the title since 2019 but decided not to defend it.',
			'No champion had given up the title without defending it since the Swede Lena Dahl in 1988.',
			sentence,
			'Holt had won the Nordic Cup, the event that picks the challenger, for a second time last year.',
			'The match was held in Lindvik from May 2, and the two sailors shared a prize of 200,000 euros.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => asked.test(promptOf(d)));
		const notPlayers = drafts.flatMap((d) => wrongOf(d).filter((o) => /Sand|Dahl/u.test(o)));
		expect(notPlayers).toEqual([]);
	});
});
