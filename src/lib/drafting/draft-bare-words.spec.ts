// Words that read as names but name no one: a nationality noun ("The 25-year-old Scot") is not a person to offer,
// and a regnal number cut from its name ("XVI" of "Benedict XVI") is not a surname.
// Each test failed on the drafter before its change (issue 16). The reports are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('bare-words', '2025-06-01');

const allOptions = (text: string) => draftsOf(text).flatMap((d) => optionsOf(d));

describe('a nationality noun or a regnal number is not a name', () => {
	it('"The 25-year-old Scot" gives no "Scot" to offer beside the runners', () => {
		const text = [
			'Tom Baird won the 800 metres final in Lisbon on Sunday, ahead of Pavel Novak and Erik Lind.',
			'The 25-year-old Scot had been fourth at the same meeting last year.',
			'Novak, the favourite, took silver in 1:44.20 and Lind claimed the bronze in 1:44.90.',
			'Baird’s club mate Ross Kerr was sixth in 1:46.10, his best time of the season.',
			'With 200 metres to go Baird drew level with Novak, and he pulled clear on the final bend.'
		].join('\n');
		expect(allOptions(text)).not.toContain('Scot');
	});
	it('"Pope Benedict XVI" gives no "XVI" to offer beside people', () => {
		const text = [
			'Marta Vidal was sworn in as president of Valmora on Sunday, in the capital, Port Amell.',
			'The crowd kept a minute of silence for the singer Joao Pires and for Pope Benedict XVI, who died this week.',
			'Supporters of the former president, Rui Costa, had camped outside barracks calling for the army to stop Vidal from taking office.',
			'Vidal, who has led the Labour Front since 2009, won the runoff with 51% of the vote against Costa.'
		].join('\n');
		expect(allOptions(text)).not.toContain('XVI');
	});
});
