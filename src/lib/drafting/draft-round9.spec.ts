// The drafter's rules added after the fifth held-back reading of issue 16 (drafts usable without an edit; each test
// failed on the drafter before its change). The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('round9', '2025-06-12');

const gapFills = (ds: Draft[]) => ds.filter((d) => d.form === 'gap-fill');

describe('context named by the sentence before', () => {
	const text = [
		'The Harlow Water Board fined Tallis Utilities 40 million crowns on Tuesday for leaks along the Vessa river. ' +
			'The regulator said the company had ignored 17 warnings since 2019 and must repair the pipes within 18 months.',
		'Board chair Mia Tran said the fine was the largest since 2011. Tallis chief Omar Haddad said 300 engineers would work on the pipes.',
		'Tallis Utilities said it would appeal against the fine in the Dunmore high court.',
		'That ruling could take until March 2026, lawyers for Tallis Utilities said on Wednesday.'
	].join('\n\n');

	it('a gap whose sentence leans on the one before quotes that sentence as a lead-in', () => {
		const leaning = gapFills(draftsOf(text)).filter((d) =>
			/\b(?:The regulator|the company)\b/u.test(d.question.prompt)
		);
		expect(leaning.length).toBeGreaterThan(0);
		for (const d of leaning)
			expect(d.question.prompt).toContain(
				'after “The Harlow Water Board fined Tallis Utilities 40 million crowns on Tuesday for leaks along the Vessa river.”'
			);
		// "That ruling" opens its paragraph: no sentence before to quote, so it is not drafted.
		expect(gapFills(draftsOf(text)).filter((d) => /That ruling/u.test(d.question.prompt))).toEqual(
			[]
		);
	});

	it('a lead-in never states the key: a gap on what the sentence before says is not drafted', () => {
		const same = [
			'Tallis Utilities paid 40 million crowns to the Harlow Water Board on Tuesday, its chief Omar Haddad said.',
			'The regulator said the 40 million crowns would pay for 12 new pumps along the Vessa river by 2027.'
		].join(' ');
		const led = gapFills(draftsOf(same)).filter((d) => /after “/u.test(d.question.prompt));
		expect(led.length).toBeGreaterThan(0);
		for (const d of led) {
			const key =
				d.question.type === 'single'
					? d.question.options.find((o) => o.correct)!.text
					: String(d.question.type === 'numeric' ? d.question.answer : '');
			const leadIn = d.question.prompt.match(/after “(.*)”, complete the next sentence/u)![1];
			expect(leadIn).not.toContain(key);
		}
	});

	it('a true/false claim opening on "The gap" or "It" is read after the sentence before', () => {
		const vote = [
			'Ana Ruiz won the runoff with 58.4% of the vote against 41.6% for Leo Marsh, officials said on Sunday. ' +
				'The gap of almost 17 points was the widest in a presidential vote since 1994, when turnout was 81%.',
			'Marsh, 61, conceded defeat before the first results were published in Porto Vale.'
		].join('\n\n');
		const claims = draftsOf(vote).filter(
			(d) => d.form === 'true-false' && /The gap of almost/u.test(d.question.prompt)
		);
		expect(claims.length).toBeGreaterThan(0);
		for (const d of claims)
			expect(d.question.prompt).toMatch(
				/after “Ana Ruiz won the runoff .*”, true or false: The gap/u
			);
	});
});

describe('names whole', () => {
	it('no gap cuts a name and no option is a name cut in two ("Lula da _____", "Silva")', () => {
		const text = [
			'Brazilian President Paulo Souza da Costa congratulated Ana Ruiz and invited her to Brasilia in January.',
			'Leo Marsh of the Harlow Labour Alliance conceded defeat before the first results were published.',
			'Mia Tran of the Green Front said her party would join the new government in March.'
		].join('\n\n');
		const drafts = draftsOf(text);
		expect(drafts.filter((d) => /Souza da _____/u.test(d.question.prompt))).toEqual([]);
		for (const d of drafts)
			for (const o of optionsOf(d)) expect(['Costa', 'Paulo Souza']).not.toContain(o);
	});
});

describe('false claims intact', () => {
	it('an age in an apposition keeps its closing comma when asked ("Marsh, _____, conceded")', () => {
		const text = [
			'Ruiz, 53, takes office on July 10 for a four-year term, officials said on Sunday.',
			'Marsh, 61, conceded defeat before the first results were published in Porto Vale.'
		].join('\n\n');
		const drafts = draftsOf(text);
		const asked = drafts.filter((d) => /^(?:.*“)?(?:Ruiz|Marsh), /u.test(d.question.prompt));
		expect(asked.length).toBeGreaterThan(0);
		for (const d of drafts) {
			expect(d.question.prompt).not.toMatch(/(?:Ruiz|Marsh), (?:_____|\d+) (?:takes|conceded)/u);
			expect(d.question.prompt).not.toMatch(/(?:Ruiz|Marsh), (?:_____|\d+),?$/u);
		}
	});
});

describe('options the sentence rules out', () => {
	it('"about _____" takes no precise figure of the report (36.8%) as a wrong option', () => {
		const text = [
			'Ana Ruiz won the runoff with 58.4% of the vote against 41.6% for Leo Marsh, officials said on Sunday.',
			'Turnout was 76.2%, and about 40% of voters live in the capital, the electoral board said.',
			'In the first round Ruiz had 33.1% and Marsh 36.8%, with 20% for Mia Tran.',
			'About 30% of the country lives in poverty, the statistics office said in March.'
		].join('\n\n');
		const about = draftsOf(text).filter(
			(d) => d.form === 'gap-fill' && /\babout _____/iu.test(d.question.prompt)
		);
		expect(about.length).toBeGreaterThan(0);
		for (const d of about) for (const o of optionsOf(d)) expect(o).not.toMatch(/\d\.\d/u);
	});
});
