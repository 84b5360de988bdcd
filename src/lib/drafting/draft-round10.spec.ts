// The drafter's rules added after the sixth held-back reading of issue 16 (no ungrammatical prompt; each test
// failed on the drafter before its change). The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('round10', '2025-03-09');
const prompts = (text: string) => draftsOf(text).map((d) => d.question.prompt);

describe('prompts that stay grammatical', () => {
	it('a fact box’s list lines are no sentences: none is drafted with its list mark', () => {
		const text = [
			'Harlow beat Kingsford by 31 runs in the final at Elm Park on Sunday, before a crowd of 41,200.',
			'KEY FACTS',
			'- Harlow 262 all out in 49 overs (Omar Haddad 88, Lio Baptiste 51)',
			'- Player of the match: Omar Haddad. Player of the series: Ben Adler (512 runs)',
			'- Harlow’s titles: 1998, 2004, 2019, 2025',
			'Harlow captain Mia Tran said the team had waited six years for the trophy.'
		].join('\n');
		const all = prompts(text);
		expect(all.length).toBeGreaterThan(0);
		for (const p of all) expect(p).not.toMatch(/“- |Player of the match|Harlow’s titles/u);
	});

	it('no count of a name: "79 MAX 9 planes" counts no "maxes"', () => {
		const text = [
			'Regulators grounded the Vessa 7 jets on Saturday after a cabin panel blew out over Harlow.',
			'Kingsford Air has 79 MAX 9 planes, and Tallis Air flies 40 of the jets on its routes to the coast.'
		].join(' ');
		const drafts = draftsOf(text);
		for (const d of drafts) {
			expect(d.question.prompt).not.toMatch(/how many max/iu);
			if (d.value?.kind === 'number') expect(d.value.unit).not.toMatch(/max/iu);
		}
	});

	it('no wh-question across "and" into a clause with its own subject', () => {
		const text = [
			'Omar Haddad of the ruling Harlow Unity Party (HUP) won the presidential election on Saturday, giving his party a third term in a row, but the HUP lost its majority in parliament and Kingsford said the vote did not change its claim over the island.',
			'The Harlow Free Party (HFP) won 52 seats and the Harlow People’s Party (HPP) won 8 seats.'
		].join('\n');
		const whs = draftsOf(text).filter((d) => d.form === 'wh-question');
		for (const d of whs)
			expect(d.question.prompt).not.toMatch(/ and (?:the Harlow People|Kingsford said)/u);
	});
});
