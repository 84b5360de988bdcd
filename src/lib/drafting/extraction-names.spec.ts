// Names the extraction cut or joined wrongly in the nineteenth reading: a sentence cut at "Planned Parenthood v.",
// a case's party taken for a person ("Casey" offered as a justice), a candidate stored with his party as one body
// ("Atiku Abubakar of the Peoples Democratic Party", offered where the gap needs a person), "Justices" kept in a
// name, "U.S." asked out of "the U.S. Geological Survey", and "Netherlands" without its "the" after "in". Each test
// failed on the drafter before its change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import {
	draftingBank,
	FERRY_FILLER,
	optionsOf,
	promptOf,
	valuesOf
} from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('extraction-names', '2024-05-10');

describe('a court case is no person and no sentence end', () => {
	const text = [
		...FERRY_FILLER,
		'The court overturned Holm v. Lindvik Harbour Board and Berg v. Casey, the 1992 ruling that had upheld it.',
		'Justice Anna Sand wrote for the majority, joined by Justices Karl Moe and Eva Lund.',
		'Lower courts had blocked the harbour law because it conflicted with Casey, the board said.',
		'Judge Per Aas, who heard the first appeal in 2019, retired last year.'
	].join('\n');

	it('"v." does not end the sentence', () => {
		expect(draftsOf(text).filter((d) => /“_?_*,? ?Casey, the/u.test(promptOf(d)))).toEqual([]);
		expect(draftsOf(text).some((d) => /Berg v\. Casey, the/u.test(d.quote))).toBe(true);
	});

	it('a party to a case is no person anywhere in the report', () => {
		const persons = draftsOf(text)
			.filter((d) => d.value?.kind === 'person')
			.flatMap((d) => [d.value && 'name' in d.value ? d.value.name : '', ...optionsOf(d)]);
		expect(persons.filter((p) => /Casey/u.test(p))).toEqual([]);
	});

	it('"Justices" is a title, not part of the name', () => {
		expect(valuesOf(text).filter((v) => /:Justices?\s/u.test(v))).toEqual([]);
	});
});

describe('a candidate "of the" party the bracket abbreviates is a person and a body', () => {
	it('"Ola Berg of the Coastal Progress Party (CPP)"', () => {
		const text = [
			...FERRY_FILLER,
			'Ola Berg of the Coastal Progress Party (CPP), a former mayor, came second with 6,984 votes.',
			'Kari Dahl of the Green Harbour Party (GHP) was third with 5,101 votes, the council said.',
			'Turnout was 61%, the highest since 2011.'
		].join('\n');
		const values = valuesOf(text);
		expect(values).toContain('person:Ola Berg');
		expect(values).toContain('organisation:Coastal Progress Party');
		expect(values.filter((v) => / of the /u.test(v))).toEqual([]);
	});
});

describe('a name is asked whole', () => {
	it('"the _____ Geological Survey" is not asked', () => {
		const text = [
			...FERRY_FILLER,
			'The blast was felt across the bay, and the U.S. Geological Survey registered it as a magnitude 3.3 event.',
			'The harbour reopened on Monday.'
		].join('\n');
		expect(draftsOf(text).filter((d) => /_____ Geological Survey/u.test(promptOf(d)))).toEqual([]);
	});
});

describe('a place read after "the" keeps it in a gap without one', () => {
	it('"felt on _____" offers "the Netherlands", not "Netherlands"', () => {
		const text = [
			...FERRY_FILLER,
			'The explosion was felt on Cyprus, more than 200 km away across the sea, officials there said.',
			'The cargo ship had sailed from Batumi in Georgia and was bound for Beira in Mozambique when it was held in 2013.',
			'Its owner was later sued in a court in the Netherlands.'
		].join('\n');
		const options = draftsOf(text)
			.filter((d) => /felt on _____/u.test(promptOf(d)))
			.flatMap(optionsOf);
		expect(options).toContain('the Netherlands');
		expect(options).not.toContain('Netherlands');
	});
});

describe('given names written after the surname are no second person', () => {
	it('"Holm, Karin Marie, of the CPP, is hereby declared…" beside "Karin Holm"', () => {
		const text = [
			...FERRY_FILLER,
			'Karin Holm of the Coastal Progress Party was declared the winner of the mayoral vote on Tuesday.',
			'"Holm, Karin Marie, of the Coastal Progress Party, having won the most votes, is hereby declared elected," the returning officer said.',
			'Holm, 52, ran the harbour board from 2015 to 2021.'
		].join('\n');
		const named = draftsOf(text).flatMap((d) => [
			d.value && 'name' in d.value ? d.value.name : '',
			...optionsOf(d),
			...(d.question.type === 'short_text' ? d.question.accepted : [])
		]);
		expect(named.filter((n) => /Karin Marie/u.test(n))).toEqual([]);
	});
});

// The twenty-first reading (W2, W3): "RTS" asked out of "RTS,S/AS01", and "[a body],S/AS01".
describe('a comma with no space after it joins one name', () => {
	it('"RTS,S/AS01" gives no value "RTS"', () => {
		const text = [
			...FERRY_FILLER,
			'The advice applies to RTS,S/AS01, sold as Mosquirix, which GSK developed over 30 years.'
		].join('\n');
		expect(valuesOf(text).filter((v) => /:RTS$/u.test(v))).toEqual([]);
	});
});

describe('a middle initial is part of the name (the twenty-second reading’s A4)', () => {
	const text = [
		...FERRY_FILLER,
		'Chief Judge Mara T. Olvena accepted the plea deal on Wednesday and set no further hearing.',
		'Olvena told the court the case had taken 14 years and thanked both legal teams.'
	].join('\n');

	it('"Mara T. Olvena" is one person, never "Mara T" asked before ". Olvena"', () => {
		const values = valuesOf(text).filter((v) => /Olvena|Mara/u.test(v));
		expect(values.length).toBeGreaterThan(0);
		for (const v of values) expect(v).toMatch(/Mara T\. Olvena|^person:Olvena$/u);
		for (const d of draftsOf(text)) expect(promptOf(d)).not.toMatch(/_____\.\s+Olvena/u);
	});

	it('typed, she is accepted with or without her initial, and by her surname', () => {
		const typed = draftsOf(text).filter(
			(d) => d.question.type === 'short_text' && /Chief Judge _____/u.test(promptOf(d))
		);
		expect(typed.length).toBeGreaterThan(0);
		for (const d of typed)
			if (d.question.type === 'short_text')
				expect(d.question.accepted).toEqual(
					expect.arrayContaining(['Mara T. Olvena', 'Mara Olvena', 'Olvena'])
				);
	});
});

describe('a building named as people are is a place (the twenty-third reading’s K3, K10)', () => {
	it('"the Serena Hotel" is no person', () => {
		const text = [
			...FERRY_FILLER,
			'Across the city at the Serena Hotel, the deputy chair, Ana Koss, told reporters the count was opaque.'
		].join('\n');
		expect(valuesOf(text).filter((v) => /^person:.*Hotel/u.test(v))).toEqual([]);
	});
});
