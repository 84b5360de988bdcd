// Volume without lost quality (issue 16, drafts20): two drafts of one sentence that ask values of different kinds
// each show the other's answer, but they cite one fact, and a quiz serves a second question on a fact only when no
// fresh fact is left. Each test failed on the drafter before its change. The sentences are made up.
import { describe, expect, it } from 'vitest';
import { draftingBank, FERRY_FILLER } from '../../../tests/helpers/drafting.ts';
import { parse } from 'yaml';
import { chooseDrafts, selectCompatible } from './draft.ts';
import type { Draft, DraftArticle } from './types.ts';
import { draftsYaml } from './draft-yaml.ts';

const { bank, draftsOf } = draftingBank('draft-volume', '2024-05-10');

describe('two values of different kinds on one sentence are both kept', () => {
	it.each([
		'The old ferry Nordlys was sold in 2019 to a company in Bergen for 4 million crowns.',
		'In 1998 the yard in Stavanger built 14 ships for the navy of Chile.'
	])('"%s"', (sentence) => {
		const text = [...FERRY_FILLER, sentence].join('\n');
		// A claim or a wh-question stays alone on its sentence; the gap-fills are what this rule is about.
		const chosen = selectCompatible(
			draftsOf(text).filter((d) => d.form !== 'true-false' && d.form !== 'wh-question')
		).filter((d) => d.quote.includes(sentence.slice(0, 30)));
		const kinds = new Set(chosen.map((d) => d.value?.kind));
		expect(kinds.size).toBeGreaterThanOrEqual(2);
	});
});

describe('two drafts of one sentence cite one fact', () => {
	it('defines the fact once, its quote holding both', () => {
		const sentence =
			'The old ferry Nordlys was sold in 2019 to a company in Bergen for 4 million crowns.';
		const text = [...FERRY_FILLER, sentence].join('\n');
		const chosen = selectCompatible(
			draftsOf(text).filter((d) => d.form !== 'true-false' && d.form !== 'wh-question')
		).filter((d) => d.quote.includes(sentence.slice(0, 30)));
		expect(chosen.length).toBe(2);
		const article = {
			slug: 'draft-volume-yaml',
			title: 'A made-up report',
			publisher: null,
			eventDate: '2024-05-10',
			text,
			furniture: []
		};
		const doc = parse(draftsYaml(article, chosen, 'made-up.txt')) as {
			facts: { id: string; quote: string }[];
			questions: { facts: string[] }[];
		};
		expect(doc.facts.length).toBe(1);
		expect(doc.facts[0].quote).toContain(sentence.slice(0, 40));
		expect(doc.questions.map((q) => q.facts[0])).toEqual([doc.facts[0].id, doc.facts[0].id]);
	});
});

describe('a claim and a value of another kind on one sentence', () => {
	const sentence =
		'The old ferry Nordlys was sold in 2019 to a company in Bergen for 4 million crowns.';
	const onIt = (drafts: Draft[]) => drafts.filter((d) => d.quote.includes(sentence.slice(0, 30)));

	it("are both kept on a report that gives fewer than a quiz's worth of drafts", () => {
		const text = [...FERRY_FILLER, sentence].join('\n');
		const article: DraftArticle = {
			slug: `draft-volume-${text.length}`,
			title: 'A made-up report',
			publisher: null,
			eventDate: '2024-05-10',
			text,
			furniture: []
		};
		const chosen = onIt(chooseDrafts(article, bank(), draftsOf(text)));
		expect(chosen.map((d) => d.form)).toContain('true-false');
		expect(new Set(chosen.map((d) => d.value?.kind)).size).toBe(2);
	});

	it('are not both kept otherwise: the claim would hide the other answer as "[a year]"', () => {
		const chosen = onIt(selectCompatible(draftsOf([...FERRY_FILLER, sentence].join('\n'))));
		expect(chosen.length).toBe(1);
	});
});
