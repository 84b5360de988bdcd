// A drafted figure is given with the unit the report writes (issue 16, the tenth reading: "five worlds" for "five
// world championship matches", "three miles" for "three nautical miles", "metres" for "cubic metres a second"),
// and a figure the report gives as approximate is not asked to 1%. Each test failed on the drafter before its
// change. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, FERRY_FILLER, promptOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('explanation-units', '2024-05-10');

/** The words a draft gives after its key: the explanation's last words, or a numeric answer's unit. */
const unitsOf = (d: Draft): string[] => {
	const q = d.question;
	const said = q.explanation.match(/says so: [\w.,]+(?: million)? ([^.]+)\.$/u)?.[1];
	return [...(said ? [said] : []), ...(q.type === 'numeric' ? [q.unit] : [])];
};

describe('a counted noun phrase keeps all its words in the explanation and the unit', () => {
	it.each([
		[
			'Karin Holt, who had led the club since 2015, won seven world championship titles before she retired.',
			/won _____ world championship titles/u,
			'world championship titles'
		],
		[
			'The regatta started in Lindvik on July 1 and covered 900 km, with six island stages spread over two seas.',
			/with _____ island stages/u,
			'island stages'
		],
		[
			'The coast guard closed the waters within six nautical miles of the wreck to small boats.',
			/within _____ nautical miles/u,
			'nautical miles'
		],
		[
			'Water poured through the broken gate at a rate of 450 cubic metres a second on the first night.',
			/rate of _____ cubic metres a second/u,
			'cubic metres a second'
		]
	])('"%s"', (sentence, asked, unit) => {
		const text = [...FERRY_FILLER, sentence, 'The quay will open in June.'].join('\n');
		const drafts = draftsOf(text).filter((d) => asked.test(promptOf(d)));
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts) for (const u of unitsOf(d)) expect(u).toBe(unit);
	});
});

describe('a figure the report gives as approximate is asked with room around it', () => {
	it('"about 100 to _____" is typed in with 5% either side, as "about _____" is', () => {
		const text = [
			...FERRY_FILLER,
			'Water poured through the broken gate at a rate of about 150 to 400 cubic metres a second on the first night.',
			'The quay will open in June.'
		].join('\n');
		const typed = draftsOf(text).filter(
			(d) => d.question.type === 'numeric' && /150 to _____/u.test(promptOf(d))
		);
		expect(typed.length).toBeGreaterThan(0);
		for (const d of typed) if (d.question.type === 'numeric') expect(d.question.tolerance).toBe(20);
	});
});
