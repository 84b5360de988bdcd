// Drafting runs in a worker thread with a time cap (issue 12, item 9): while a 40,000-character article
// is drafted, other work of the same process goes on. The probe is what any request does: database
// queries and timers on the event loop. Drafting on the event loop would hold all of them until it ends.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { createUser } from '../../src/lib/server/auth.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { addTeacherArticle, getDraftingBank } from '../../src/lib/server/teaching/articles.ts';
import {
	DraftingRefusedError,
	draftQuestionsOffThread
} from '../../src/lib/server/teaching/draft-off-thread.ts';
import { loadRealBank } from '../helpers/bank.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

/** 40,000 characters of real news text: the bank's articles, one after another. */
export function longArticleText(chars = 40_000): string {
	const dir = path.resolve(import.meta.dirname, '../../questions/articles');
	let text = '';
	for (const file of readdirSync(dir).sort()) {
		if (text.length >= chars) break;
		text += readFileSync(path.join(dir, file), 'utf8') + '\n';
	}
	return text.slice(0, chars);
}

// PGlite only: the worker is the same on both databases, and the probe needs no real server.
describe('drafting off the request thread', () => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		database = await createTestDatabase('pglite');
		db = database.db;
		await syncBank(db, loadRealBank());
	});
	afterAll(() => database?.dispose());

	test('twenty rounds of queries and timers finish while a 40,000-character article is drafted', async () => {
		const teacher = await createUser(db, {
			email: 'drafter@test.example',
			password: 'a-long-password',
			displayName: 'Drafter',
			role: 'teacher'
		});
		const order: string[] = [];
		const drafting = addTeacherArticle(db, teacher.id, {
			title: 'A very long article',
			publisher: 'Test Wire',
			eventDate: '2023-01-17',
			text: longArticleText()
		}).then((r) => {
			order.push('drafting');
			return r;
		});
		const probe = (async () => {
			for (let i = 0; i < 20; i++) {
				await db.execute(sql`select 1`);
				await new Promise((r) => setTimeout(r, 10));
			}
			order.push('probe');
		})();
		const [added] = await Promise.all([drafting, probe]);
		expect(order).toEqual(['probe', 'drafting']);
		expect(added.drafts).toBeGreaterThan(0);
	}, 120_000);

	test('a drafting past the time cap is stopped with a message for the teacher', async () => {
		const bank = await getDraftingBank(db);
		const e = await draftQuestionsOffThread(
			{
				slug: 't-capped',
				title: 'Capped',
				publisher: null,
				eventDate: '2023-01-17',
				text: longArticleText(),
				furniture: []
			},
			bank,
			50
		).then(
			() => null,
			(err: unknown) => err
		);
		expect(e).toBeInstanceOf(DraftingRefusedError);
		expect((e as Error).message).toMatch(
			/took longer than 0 seconds and was stopped \(nothing was saved\)/
		);
	}, 60_000);
});
