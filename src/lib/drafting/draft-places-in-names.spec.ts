// A place that is a word of a longer name ("the Stade de France", "Oblique Seville", "U.S. District Judge Lewis
// Kaplan") is never asked nor swapped: either cuts the name. And a possessive gap ("_____'s Rui Matos") takes no
// name that needs "the" ("United States's Rui Matos").
// Each test failed on the drafter before its change (issue 16). The reports are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf, promptOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('places-in-names', '2025-03-09');

const REGATTA = [
	'The Varna Cup regatta ended on Sunday in the bay of Lindvik, with 14 crews from nine countries.',
	'Norway’s Eirik Lunde won in 41 minutes, ahead of Portugal’s Rui Matos and Kenya’s Daniel Ruto.',
	'At the 1996 regatta, Britain’s Tom Hale and Cuba’s Luis Ortega both finished in 43 minutes.',
	'The boats of the United States and the Netherlands did not start.',
	'The prizes were handed out at the Stade de France, a hall in the port, before a crowd of 800.',
	'Lunde was beaten in 2001 by another Norwegian, Oblique Oslo, who rows for a club in Bergen.',
	'U.S. District Judge Tomas Reyes will hear the case of the missing boat in Denver.'
].join('\n');

describe('a place inside a longer name is neither asked nor swapped', () => {
	it('"the Stade de France", "Oblique Oslo" and "U.S. District Judge" give no place to ask or swap', () => {
		const drafts = draftsOf(REGATTA);
		const cut = drafts.filter(
			(d) =>
				d.value?.kind === 'place' &&
				/^(?:France|Oslo|District Judge)$/u.test(d.value.name) &&
				/Stade de|Oblique|District Judge/u.test(d.quote)
		);
		expect(cut.map(promptOf)).toEqual([]);
		expect(
			promptsWith(drafts, /Stade de (?!France)|Oblique (?!Oslo)|U\.S\. (?!District)/u)
		).toEqual([]);
	});
});

describe('a possessive gap takes only names that read without "the"', () => {
	it('"_____’s Rui Matos" offers no "United States" nor "Netherlands"', () => {
		const gaps = draftsOf(REGATTA).filter((d) => /_____['’]s /u.test(promptOf(d)));
		expect(gaps.length).toBeGreaterThan(0);
		for (const d of gaps) expect(optionsOf(d)).not.toContain('United States');
		for (const d of gaps) expect(optionsOf(d)).not.toContain('Netherlands');
	});
});

function promptsWith(drafts: ReturnType<typeof draftsOf>, words: RegExp): string[] {
	return drafts.map(promptOf).filter((p) => words.test(p));
}
