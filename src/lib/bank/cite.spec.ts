import { describe, expect, it } from 'vitest';
import { checkPassage } from './cite.ts';
import { parseBank } from './parse.ts';

const TEXT = [
	'Thu. Nov 21st, 2024',
	'France will send an extra 220 soldiers to the region, officials said.',
	'“We have no choice. We need results,” Macron said in the town of',
	'Pau, where the leaders met.',
	'Leave a Reply to the report'
].join('\n');
const ARTICLE = { title: 'The Pau summit', text: TEXT, furniture: [1, 5] };

describe('checkPassage: what a teacher may cite', () => {
	it('finds the article’s own words, whitespace and quote style aside, and gives them back as they stand', () => {
		const done = checkPassage(
			ARTICLE,
			'  "We have no choice. We need results," Macron said in the town of Pau '
		);
		expect(done).toEqual({
			ok: true,
			span: { start: TEXT.indexOf('“We'), end: TEXT.indexOf(', where') },
			quote: '“We have no choice. We need results,” Macron said in the town of Pau'
		});
	});

	it('refuses a changed word, a changed case or punctuation, with the reason', () => {
		for (const passage of [
			'France will send an extra 200 soldiers',
			'france will send an extra 220 soldiers',
			'France will send an extra 220 soldiers.'
		]) {
			const refused = checkPassage(ARTICLE, passage);
			expect(refused.ok).toBe(false);
			if (!refused.ok) expect(refused.reason).toMatch(/not in “The Pau summit” word for word/);
		}
	});

	it('refuses page furniture, even in part, naming its line', () => {
		for (const passage of ['Leave a Reply to', 'Thu. Nov 21st, 2024 France will send']) {
			const refused = checkPassage(ARTICLE, passage);
			expect(refused.ok).toBe(false);
			if (!refused.ok) expect(refused.reason).toMatch(/page furniture \(line [15] of the article/);
		}
	});

	it('refuses an empty passage and one of fewer than three words', () => {
		expect(checkPassage(ARTICLE, '   ')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/Paste the passage/)
		});
		expect(checkPassage(ARTICLE, 'extra 220')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/at least 3 words/)
		});
	});
});

describe('parseBank: ids starting with "t-" belong to teachers', () => {
	const sources = (bank: string) => ({
		articles: {
			file: 'questions/articles.yaml',
			source:
				'- slug: pau\n  file: pau.txt\n  title: Pau\n  publisher: null\n  event_date: 2020-01-13\n'
		},
		articleTexts: new Map([['pau.txt', TEXT]]),
		bankFiles: [{ file: 'questions/bank/pau.yaml', source: bank }]
	});

	it('refuses a fact or a question id with that prefix', () => {
		const { bank, errors } = parseBank(
			sources(`facts:
  - id: t-extra
    article: pau
    quote: France will send an extra 220 soldiers
questions:
  - id: t-abc123-q
    type: true_false
    prompt: France sent more soldiers.
    answer: true
    explanation: It said so.
    facts: [t-extra]
    difficulty: 1
`)
		);
		expect(bank).toBeNull();
		expect(errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
			`2: fact "t-extra": ids starting with "t-" are reserved for teachers' own questions and facts`,
			`6: question "t-abc123-q": ids starting with "t-" are reserved for teachers' own questions and facts`
		]);
	});
});
