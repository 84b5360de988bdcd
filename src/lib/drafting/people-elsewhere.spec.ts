// People the report places in another scene are no wrong options for one who acted in this one (issue 16, the
// commonest edit of the eleventh and twelfth readings): the dead (Pele and Benedict XVI as a new minister), one who
// missed the event (Wightman as a finalist), one of another country than the gap's ("_____ of the United States"
// offering Jamaica's Bolt), a runner of the other gender's race (Kipyegon as Kerr's team mate), and one the report
// names only in an earlier year (Gatlin, "at the Athens Games in 2004", as the bronze medallist). Each test failed on
// the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import type { Draft } from './types.ts';
import { draftingBank, promptOf, wrongOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('people-elsewhere', '2024-05-10');

/** The right answer of a choice draft. */
const keyOf = (d: Draft): string =>
	d.question.type === 'single' ? (d.question.options.find((o) => o.correct)?.text ?? '') : '';

/** The wrong options of the choice drafts whose key is not one of `keys`. */
const wrongBesides = (drafts: Draft[], keys: RegExp): string[] =>
	drafts.filter((d) => d.question.type === 'single' && !keys.test(keyOf(d))).flatMap(wrongOf);

describe('the dead stand only beside the dead', () => {
	const text = [
		'CORVALE, May 10 (SQ Wire) - Marta Lins was sworn in as governor of Valmora on Sunday before the state assembly.',
		'Before the session, the assembly held a minute of silence for the singer Tomas Brava, who died on Thursday.',
		'Among the new officials Lins has named is Paulo Reis, a former mayor of the capital, at the finance department.',
		'Lins walked up the steps of the palace with Ana Costa, a teacher chosen to represent the state.',
		'"I will govern for everyone in this state," Lins told the crowd from the balcony.',
		'Her rival, Jorge Vidal, did not attend and flew to the coast on Friday.',
		'Reis said the budget would be ready by July.',
		'Divers found the body of the caretaker Ivo Mendes in the river below the palace on Friday.'
	].join('\n');

	it('offers the singer who died, or the caretaker found dead, as no new official, speaker or walker', () => {
		const dead = /Brava|Mendes/u;
		expect(wrongBesides(draftsOf(text), dead).filter((o) => dead.test(o))).toEqual([]);
	});

	it('offers no one living for the one the assembly mourned', () => {
		const mourned = draftsOf(text).filter((d) => /silence for the singer _____/u.test(promptOf(d)));
		expect(mourned.flatMap(wrongOf).filter((o) => /Lins|Reis|Costa|Vidal/u.test(o))).toEqual([]);
	});
});

describe('one who missed the event is no option for one who ran in it', () => {
	it('"Strand, Dahl\'s club mate, missed this year\'s championships" gives no finalist "Strand"', () => {
		const text = [
			'LINDVIK, May 10 (SQ Wire) - Erik Dahl won the Nordic 800 metres title on Sunday, passing Jonas Berg in the last 100 metres.',
			'Berg, the favourite, took silver in 1:44.90 and Leif Moen the bronze in 1:45.20.',
			"Karl Strand, Dahl's club mate, missed this year's championships through injury and watched from the stands.",
			'"I waited a long time for this," Dahl said.',
			'Moen had won the indoor title in March, and Berg had not lost a race this season.',
			'With 200 metres to go Dahl drew level, and he pulled clear over the last 50 metres.'
		].join('\n');
		expect(wrongBesides(draftsOf(text), /Strand/u).filter((o) => /Strand/u.test(o))).toEqual([]);
	});
});

describe('"_____ of Canada" takes only people the report ties to Canada', () => {
	it('offers no Japanese skater for a Canadian', () => {
		const text = [
			'OSTRAVA, May 10 (SQ Wire) - Noor Vale of Canada won the world speed skating title over 1,000 metres on Sunday.',
			"Japan's Ken Ito took silver, a tenth of a second behind, and Lars Holm, also of Canada, was third.",
			"Japan's Aki Mori, the world record holder, finished fourth after a slip on the last bend.",
			'Vale, 24, had been second at the last two championships.',
			'"I knew I had it on the last lap," Vale told reporters.',
			'Ito said he would race again in the 1,500 metres on Tuesday.'
		].join('\n');
		const asked = draftsOf(text).filter((d) =>
			/_____ of Canada|_____, also of Canada/u.test(promptOf(d))
		);
		expect(asked.flatMap(wrongOf).filter((o) => /Ito|Mori/u.test(o))).toEqual([]);
	});
});

describe("in a report of a men's and a women's race, no runner of the other race", () => {
	it("offers no woman for a man of the men's race, nor a man for a woman", () => {
		const text = [
			"LINDVIK, May 10 (SQ Wire) - Erik Dahl won the men's 1,500 metres at the Nordic championships on Sunday, his first title.",
			'Jonas Berg took silver and Leif Moen the bronze, a tenth of a second further back.',
			"Dahl's team mate Per Aas was ninth in 3:38.10.",
			"In the women's race, Anna Sund won her third title in a row, in 4:01.30.",
			'Sund pulled away on the last lap. Her team mate Ida Holm was second, and Eva Lind took the bronze in her first final.',
			'"It has been a long time coming," Dahl said after his race.'
		].join('\n');
		const drafts = draftsOf(text);
		const men = /Dahl|Berg|Moen|Aas/u;
		const women = /Sund|Holm|Lind/u;
		const mixed = drafts.filter((d) =>
			men.test(keyOf(d))
				? wrongOf(d).some((o) => women.test(o))
				: women.test(keyOf(d)) && wrongOf(d).some((o) => men.test(o))
		);
		expect(mixed.map(promptOf)).toEqual([]);
	});
});

describe('one the report names only in an earlier year took no part in its events', () => {
	it('"since Per Lund in 2004" gives no "Lund" as this year\'s medallist', () => {
		const text = [
			'LINDVIK, May 10 (SQ Wire) - Erik Dahl won the Nordic 800 metres title on Sunday, passing Jonas Berg in the last 100 metres.',
			'Dahl is the first Dane to win the title since Per Lund in 2004.',
			'Berg, the favourite, took silver in 1:44.90, and Leif Moen was third in 1:45.20.',
			'Moen had won the indoor title in March, and Berg had not lost a race this season.',
			'"I waited a long time for this," Dahl said.'
		].join('\n');
		expect(wrongBesides(draftsOf(text), /Lund/u).filter((o) => /Lund/u.test(o))).toEqual([]);
	});
});

describe('one the report gives another part is no option for the part the prompt names', () => {
	it('offers neither the judge nor his parents as his lawyer or the prosecutor', () => {
		const text = [
			'NEW YORK, May 10 (SQ Wire) - A jury in Manhattan found the founder of the Lumen exchange, Theo Hart, guilty of fraud on Thursday.',
			'His parents, the law professors Alan Hart and Ruth Lowe, sat behind him throughout the trial.',
			'U.S. District Judge Lewis Crane set sentencing for June 3.',
			'"This kind of fraud is as old as time," Dana Wills, the U.S. Attorney for the district, told reporters.',
			'"We are very disappointed with the result," his lead lawyer, Mark Cole, said in a statement.',
			'Hart was arrested in the Bahamas in December and agreed to be sent to the United States.'
		].join('\n');
		const asked = draftsOf(text).filter((d) =>
			/_____, the U\.S\. Attorney|lead lawyer, _____/u.test(promptOf(d))
		);
		expect(asked.flatMap(wrongOf).filter((o) => /Crane|Lowe|Alan Hart/u.test(o))).toEqual([]);
	});
});

describe('"In his letter, _____ said…": the possessive before the gap is the key\'s', () => {
	it('offers no woman for the man who wrote "his letter"', () => {
		const text = [
			'LONDON, July 7 (SQ Wire) - Prime Minister Tom Hale resigned on Thursday after a revolt by his ministers.',
			'The revolt began on Tuesday when finance minister Rob Sand and health minister Kai Lunde quit within minutes.',
			'In his letter, Sand said the public rightly expected the government to be run properly.',
			'In Edinburgh, Nora Sten said the chaos showed the system was broken.',
			'Mia Dunn said on Wednesday that she had resigned after about 36 hours in the post.',
			'Lunde said the party needed a fresh start before the summer.',
			'Hale said he was sad to give up the best job in the world.',
			'Hale will stay on until the party chooses a new leader in September.'
		].join('\n');
		const asked = draftsOf(text, '2022-07-07').filter((d) =>
			/In his letter, _____/u.test(promptOf(d))
		);
		expect(asked.length).toBeGreaterThan(0);
		expect(asked.flatMap(wrongOf).filter((o) => /Sten|Dunn/u.test(o))).toEqual([]);
	});
});
