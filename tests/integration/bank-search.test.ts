// The set builder's search finds what a teacher means, on both databases: their words anywhere in a
// question (prompt, options, accepted answers, explanation, topic, cited quotes, article title), every word
// narrowing the list, best matches first; when no question has every word, those with any, rather than none.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/auth.ts';
import { createSet, editSet, searchBank } from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank } from '../helpers/bank.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const bank = loadRealBank();
const quoteOf = new Map(bank.facts.map((f) => [f.id, f.quote]));
const titleOf = new Map(bank.articles.map((a) => [a.slug, a.title]));
const articleOf = new Map(bank.facts.map((f) => [f.id, f.article]));

/** Whether a question mentions `word` anywhere a teacher would look (case-insensitive, whole text). */
function mentions(q: (typeof bank.questions)[number], word: string) {
	const parts = [
		q.prompt,
		q.explanation,
		...q.tags,
		...('options' in q ? q.options.map((o) => o.text) : []),
		...('items' in q ? q.items.map((o) => o.text) : []),
		...('accepted' in q ? q.accepted : []),
		...q.facts.flatMap((f) => [quoteOf.get(f) ?? '', titleOf.get(articleOf.get(f)!) ?? ''])
	];
	return parts.some((p) => p.toLowerCase().includes(word));
}

describe.each(backends())('searching the bank on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
	});
	afterAll(async () => database?.dispose());

	const ids = async (text: string) => (await searchBank(db, { text })).map((r) => r.body.id);

	test('the placeholder’s own example finds the questions that speak of both', async () => {
		const both = bank.questions.filter((q) => mentions(q, 'barkhane') && mentions(q, 'troops'));
		expect(both.length).toBeGreaterThan(0);
		const found = await ids('Barkhane troops');
		expect(found.length).toBeGreaterThan(0);
		// More words narrow: every question found for both words is found for each alone.
		const barkhane = new Set(await ids('Barkhane'));
		expect(found.every((id) => barkhane.has(id))).toBe(true);
		expect(found.length).toBeLessThanOrEqual(barkhane.size);
	});

	test('words of the options, the quotes and the article titles count, not the prompt alone', async () => {
		// A question whose prompt does not say "Takuba" but whose options or quotes do.
		const hidden = bank.questions.find(
			(q) => !q.prompt.toLowerCase().includes('takuba') && mentions(q, 'takuba')
		)!;
		expect(hidden).toBeDefined();
		expect(await ids('Takuba')).toContain(hidden.id);
	});

	test('a prompt match ranks above a match in a quote', async () => {
		const found = await ids('Takuba');
		const firstQuoteOnly = found.findIndex(
			(id) =>
				!bank.questions
					.find((q) => q.id === id)!
					.prompt.toLowerCase()
					.includes('takuba')
		);
		const lastInPrompt = found.findLastIndex((id) =>
			bank.questions
				.find((q) => q.id === id)!
				.prompt.toLowerCase()
				.includes('takuba')
		);
		expect(lastInPrompt).toBeGreaterThanOrEqual(0);
		expect(firstQuoteOnly === -1 || lastInPrompt < firstQuoteOnly).toBe(true);
	});

	test('no question with every word: those with any of them, rather than an empty list', async () => {
		const found = await ids('Barkhane xylophone');
		expect(found.length).toBeGreaterThan(0);
		// Syntax in the words is only words.
		expect(await ids('Barkhane & | ! ( :*')).toEqual(expect.arrayContaining(await ids('Barkhane')));
	});

	test('“not in this set yet” leaves out the set’s questions, and only those', async () => {
		const teacher = await createUser(db, {
			email: 'search@test.example',
			password: 'a-long-password',
			displayName: 'Teacher',
			role: 'teacher'
		});
		const { id: setId } = await createSet(db, teacher.id, 'Barkhane');
		const barkhane = await ids('Barkhane');
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: barkhane.slice(0, 3) });
		const fresh = (
			await searchBank(db, { teacherId: teacher.id, text: 'Barkhane', notInSet: setId })
		).map((r) => r.body.id);
		expect(fresh).toEqual(barkhane.slice(3));
	});
});
