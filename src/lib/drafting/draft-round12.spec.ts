// The drafter's rules added to lift the volume after drafts8 (issue 16: more types from what a report states, no
// option the sentence rules out and no type above a third). Each test failed on the drafter before its change. The
// articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('round12', '2025-03-09');

describe('more types from what the report states', () => {
	it('people with romanised hyphenated given names ("Wu Mei-ling") are asked about, by their whole names', () => {
		const text = [
			'Wu Mei-ling of the Harbour Party took about 41% of the vote, and Pan Chi-wei of the Valley League about 30%.',
			'Her running mate, Lo Yu-hsin, was until recently the island’s top envoy in Canada.',
			'Outgoing leader Tang Shu-fen will hand over power on June 2 after eight years in office.',
			'The count ended at 9 p.m., with turnout at 68.3%, down from 71.9% four years earlier.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', 'An island vote');
		const people = drafts.filter((d) => d.kind === 'person');
		expect(people.length).toBeGreaterThan(0);
		const names = ['Wu Mei-ling', 'Pan Chi-wei', 'Lo Yu-hsin', 'Tang Shu-fen'];
		for (const d of people) for (const o of optionsOf(d)) expect(names).toContain(o);
	});

	it('a hyphenated title before such a name is the role whole ("Secretary-General"), not its last half', () => {
		const text = [
			'Union Secretary-General Ma Ho-jin called the pact a turning point for the harbour towns.',
			'Trade minister Ruth Okafor said the pact would cut port fees by 12% from July.',
			'Port director Sven Aalto said 46 ships had already asked to dock under the new rules.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', 'A harbour pact');
		const ma = drafts.filter((d) => d.value && 'name' in d.value && d.value.name === 'Ma Ho-jin');
		expect(ma.length).toBeGreaterThan(0);
		for (const d of ma) expect(d.value).toMatchObject({ role: 'Secretary-General' });
	});
});

describe('typed wrong options the sentence allows', () => {
	it('a day written the wire way ("Oct. 25") is a date, and days the report does not state fill its options', () => {
		const text = [
			'The engine of the ferry Larkspur failed off Cape Morrow on Sunday, leaving 212 passengers adrift for six hours.',
			'The ferry was almost new. It was certified as seaworthy on Oct. 14 and began carrying passengers nine days later.',
			'It had made about 320 crossings before the failure, and 41 of them had been delayed by bad weather.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', 'A ferry adrift');
		const day = drafts.find((d) => d.kind === 'date' && d.quote.includes('Oct. 14'));
		expect(day).toBeDefined();
		const options = optionsOf(day!);
		expect(options).toContain('14 October');
		expect(options.length).toBe(4);
		// Days of the same month, none after the report's date and none the report states.
		for (const o of options) expect(o).toMatch(/^\d{1,2} October$/u);
	});

	it('a day after a present-tense start ("starts … on Aug. 28") is read as still to come', () => {
		const text = [
			'Harlow beat Kingsford by 31 runs in the Vessa Trophy final at Elm Park on Sunday, before a crowd of 41,200.',
			'The Tallis Shield, the season’s last tournament, starts in Lisbon on Aug. 28, with 12 teams taking part.'
		].join('\n');
		const drafts = draftsOf(text, '2025-03-09', 'A cup final');
		const day = drafts.find((d) => d.kind === 'date' && d.quote.includes('Aug. 28'));
		expect(day?.value).toEqual({ kind: 'date', date: '2025-08-28' });
	});
});
