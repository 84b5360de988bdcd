// Gaps not worth asking (issue 16, the tenth reading): a first name inside someone's words, which picks its key out
// of full names (chess 4). Each test failed on the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, FERRY_FILLER, promptOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('not-worth-asking', '2024-05-10');

describe('a first name inside quoted words is not asked', () => {
	it('"‘The moment Karin crossed the line…’" does not offer full names for "Karin"', () => {
		const text = [
			...FERRY_FILLER,
			'Anna Berg beat Karin Holt by two seconds in the final race of the Baltic regatta on Sunday.',
			'Berg took the title from Ingrid Sand, who had held it since 2019, and Sand did not race this year.',
			'"I am so happy," Berg said after the race. "The moment Karin crossed the line I knew I had won."',
			'Holt had led the regatta for most of the week.'
		].join('\n');
		const drafts = draftsOf(text).filter((d) => /The moment _____ crossed/u.test(promptOf(d)));
		expect(drafts.map(promptOf)).toEqual([]);
	});
});

describe('a name that belongs to its idea is common knowledge, not asked', () => {
	it('"confirmation of _____\'s theory of general relativity" is not drafted', () => {
		const text = [
			...FERRY_FILLER,
			'Astronomers led by Sara Lind showed the first image of a black hole on Wednesday.',
			'The shadow matched the size predicted by Albert Einstein, said Lind, who spoke in Brussels.',
			'"This is strong confirmation of Einstein\'s theory of general relativity," Lind told reporters.',
			'The image took two years to assemble from data gathered by eight telescopes in 2017.'
		].join('\n');
		const theory = draftsOf(text).filter((d) => /_____['’]s theory/u.test(promptOf(d)));
		expect(theory.map(promptOf)).toEqual([]);
	});
});

describe('a roman numeral cut from its name is not asked', () => {
	it('"as soon as 2025 on Artemis _____" is not drafted', () => {
		const text = [
			...FERRY_FILLER,
			'NASA launched the uncrewed Artemis I mission on Wednesday after two earlier attempts were called off.',
			'A crewed flight around the Moon is planned for 2024, and a landing near the lunar south pole could follow as soon as 2025 on Artemis III.',
			'The rocket cost more than $4 billion per launch, the agency said.'
		].join('\n');
		const numeral = draftsOf(text).filter((d) => /Artemis _____/u.test(promptOf(d)));
		expect(numeral.map(promptOf)).toEqual([]);
	});
});

describe("generic words cut from a body's name are not typed in", () => {
	it('"the Lawrence Livermore _____" keyed "National Laboratory"', () => {
		const text = [
			...FERRY_FILLER,
			'The shot was fired at the Lawrence Livermore National Laboratory in California on Dec. 5, officials said.',
			'The laboratory has run the facility since it opened in 2009.'
		].join('\n');
		const typed = draftsOf(text).filter(
			(d) => d.question.type === 'short_text' && d.kind === 'organisation'
		);
		expect(typed.map(promptOf)).toEqual([]);
	});
});

// The twentieth reading (O20): "The _____ Industrial Average" (G10's "Peace and _____" is checked on its report, in
// twentieth-reading.spec.ts).
describe('a gap cut through a longer name is not asked', () => {
	it('"The _____ Industrial Average"', () => {
		const text = [
			...FERRY_FILLER,
			'The Dow Jones Industrial Average fell 592 points on Monday, its worst day since March.'
		].join('\n');
		expect(
			draftsOf(text)
				.filter((d) => /_____ Industrial/u.test(promptOf(d)))
				.map(promptOf)
		).toEqual([]);
	});
});
