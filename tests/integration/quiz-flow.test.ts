import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Bank } from '../../src/lib/bank/types.ts';
import { createUser } from '../../src/lib/server/auth.ts';
import {
	getAttemptForTaking,
	getAttemptPageForTaking,
	getAttemptResults,
	listAttempts,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import { getCurrentBank } from '../../src/lib/server/db/queries/bank.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { answer, attempt, question, questionVersion } from '../../src/lib/server/db/schema.ts';
import { RequestError } from '../../src/lib/server/errors.ts';
import { forgedResponses, loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import { backends, createTestDatabase, oneConnectionDb, type TestDatabase } from '../helpers/db.ts';
import { getMistakes, getProgress } from '../../src/lib/server/review/insights.ts';
import { getWorkload } from '../../src/lib/server/review/workload.ts';

const bank = loadRealBank();

async function rowCounts(db: Db) {
	const [[a], [v], [q], [t]] = await Promise.all([
		db.select({ n: count() }).from(answer),
		db.select({ n: count() }).from(questionVersion),
		db.select({ n: count() }).from(question),
		db.select({ n: count() }).from(attempt)
	]);
	return { answers: a.n, versions: v.n, questions: q.n, attempts: t.n };
}

async function expectRefused(work: Promise<unknown>, status: number, message: RegExp) {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(RequestError);
	expect((error as RequestError).status).toBe(status);
	expect((error as RequestError).message).toMatch(message);
}

describe.each(backends())('quiz flow on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let student: { id: string };
	let other: { id: string };

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		student = await createUser(db, {
			email: 'learner@test.example',
			password: 'a-long-password',
			displayName: 'Learner'
		});
		other = await createUser(db, {
			email: 'other@test.example',
			password: 'a-long-password',
			displayName: 'Other'
		});
	});
	afterAll(async () => database?.dispose());

	test('loading the bank twice changes nothing the second time', async () => {
		const first = await syncBank(db, bank);
		expect(first.created).toBe(bank.questions.length);
		const before = await rowCounts(db);
		const second = await syncBank(db, bank);
		expect(second).toEqual({
			created: 0,
			updated: 0,
			unchanged: bank.questions.length,
			retired: 0
		});
		expect(await rowCounts(db)).toEqual(before);
		const { bank: stored } = await getCurrentBank(db);
		expect(stored.questions).toHaveLength(bank.questions.length);
		expect(stored.facts).toHaveLength(bank.facts.length);
	});

	test('start, save, resume, submit: the score is decided from the saved answers', async () => {
		// On Postgres through one connection, to check that every statement with parameters of these paths
		// goes out prepared (postgres.js sends any other in two round trips).
		const one = oneConnectionDb(database);
		const via = one?.db ?? db;
		try {
			const { id, questionCount } = await startAttempt(via, student.id, { count: 6 }, 'flow-seed');
			expect(questionCount).toBe(6);
			const taking = await getAttemptForTaking(via, student.id, id);
			const byId = new Map(bank.questions.map((q) => [q.id, q]));
			const [q1, q2, q3] = taking.questions.map((p) => byId.get(p.id)!);
			await saveAnswer(via, student.id, id, q1.id, rightResponse(q1));
			await saveAnswer(via, student.id, id, q2.id, wrongResponse(q2));
			// Changing one's mind replaces the answer rather than adding one.
			await saveAnswer(via, student.id, id, q3.id, wrongResponse(q3));
			await saveAnswer(via, student.id, id, q3.id, rightResponse(q3));

			// Resume (a reload, another tab, a restart): the same questions in the same order with the saved answers.
			const resumed = await getAttemptForTaking(via, student.id, id);
			expect(resumed.questions).toEqual(taking.questions);
			expect(resumed.responses).toEqual({
				[q1.id]: rightResponse(q1),
				[q2.id]: wrongResponse(q2),
				[q3.id]: rightResponse(q3)
			});

			const submitted = await submitAttempt(via, student.id, id);
			expect(submitted).toMatchObject({ score: 2, maxScore: 6 });
			const results = await getAttemptResults(via, student.id, id);
			expect(results.score).toBe(2);
			expect(results.results.map((r) => r.correct)).toEqual([
				true,
				false,
				true,
				false,
				false,
				false
			]);
			for (const r of results.results) {
				expect(r.explanation.length).toBeGreaterThan(10);
				expect(r.citations.length).toBeGreaterThan(0);
			}
			// The learner's other pages over the same answers.
			expect(await listAttempts(via, student.id)).toHaveLength(1);
			expect((await getMistakes(via, student.id)).length).toBeGreaterThan(0);
			await getProgress(via, student.id, new Date());
			await getWorkload(via, student.id, new Date());
			if (one) expect(await one.unprepared()).toEqual([]);
		} finally {
			await one?.end();
		}
	});

	test('what a learner loads before answering carries no answer key', async () => {
		const { id } = await startAttempt(db, student.id, { count: 12 }, 'no-keys');
		const taking = await getAttemptForTaking(db, student.id, id);
		const json = JSON.stringify(taking);
		expect(json).not.toMatch(/"correct"|"accepted"|"tolerance"|"explanation"|"answer"/);
		for (const p of taking.questions) {
			const q = bank.questions.find((b) => b.id === p.id)!;
			expect(json).not.toContain(JSON.stringify(q.explanation));
			if (q.type === 'short_text') for (const a of q.accepted) expect(json).not.toContain(`"${a}"`);
		}
	});

	test("the quiz page's one-question read agrees with the whole attempt, question by question", async () => {
		const { id } = await startAttempt(db, student.id, { count: 5 }, 'page-read');
		const whole = await getAttemptForTaking(db, student.id, id);
		const byId = new Map(bank.questions.map((q) => [q.id, q]));
		const [first, , third] = whole.questions.map((p) => byId.get(p.id)!);
		await saveAnswer(db, student.id, id, first.id, wrongResponse(first));
		await saveAnswer(db, student.id, id, third.id, rightResponse(third));
		const after = await getAttemptForTaking(db, student.id, id);
		for (let position = 0; position < 5; position++) {
			const page = await getAttemptPageForTaking(db, student.id, id, position);
			const shown = after.questions[position];
			expect(page).toMatchObject({
				id,
				status: 'in_progress',
				total: 5,
				answered: [true, false, true, false, false]
			});
			expect(page.question).toEqual(shown);
			expect(page.response).toEqual(after.responses[shown.id] ?? null);
			expect(page.version).toBe(after.versions[shown.id] ?? '');
		}
		// One past the end has no question (the page sends the learner to the review page).
		expect((await getAttemptPageForTaking(db, student.id, id, 5)).question).toBeNull();
		// An address with a position no column can hold (the fuzz test's /1e308) finds no question rather than failing.
		for (const position of [1e308, 2 ** 31, -1, 1.5])
			expect((await getAttemptPageForTaking(db, student.id, id, position)).question).toBeNull();
		const json = JSON.stringify(await getAttemptPageForTaking(db, student.id, id, 1));
		expect(json).not.toMatch(/"correct"|"accepted"|"tolerance"|"explanation"|"answer"/);
		await expectRefused(getAttemptPageForTaking(db, other.id, id, 0), 404, /No such attempt/);
	});

	test('the same seed and bank give the same quiz', async () => {
		const a = await startAttempt(db, student.id, { count: 8 }, 'same-seed');
		const b = await startAttempt(db, other.id, { count: 8 }, 'same-seed');
		const ids = async (userId: string, attemptId: string) =>
			(await getAttemptForTaking(db, userId, attemptId)).questions.map((q) => q.id);
		expect(await ids(other.id, b.id)).toEqual(await ids(student.id, a.id));
	});

	describe('forged requests are refused and change nothing', () => {
		let attemptId: string;
		let inAttempt: Bank['questions'][number];
		let notInAttempt: Bank['questions'][number];

		beforeAll(async () => {
			({ id: attemptId } = await startAttempt(db, student.id, { count: 5 }, 'forgery'));
			const taking = await getAttemptForTaking(db, student.id, attemptId);
			const ids = new Set(taking.questions.map((q) => q.id));
			inAttempt = bank.questions.find((q) => q.id === taking.questions[0].id)!;
			notInAttempt = bank.questions.find((q) => !ids.has(q.id))!;
			await saveAnswer(db, student.id, attemptId, inAttempt.id, rightResponse(inAttempt));
		});

		test('an answer to a question not in the attempt', async () => {
			const before = await rowCounts(db);
			await expectRefused(
				saveAnswer(db, student.id, attemptId, notInAttempt.id, rightResponse(notInAttempt)),
				400,
				/not part of this attempt/
			);
			expect(await rowCounts(db)).toEqual(before);
		});

		test('an option not in the question, a response of the wrong type, an oversized answer', async () => {
			const before = await rowCounts(db);
			const saved = await getAttemptForTaking(db, student.id, attemptId);
			for (const forged of forgedResponses(inAttempt)) {
				await expectRefused(saveAnswer(db, student.id, attemptId, inAttempt.id, forged), 400, /./);
			}
			expect(await rowCounts(db)).toEqual(before);
			expect((await getAttemptForTaking(db, student.id, attemptId)).responses).toEqual(
				saved.responses
			);
		});

		test("someone else's attempt looks like no attempt at all", async () => {
			const before = await rowCounts(db);
			await expectRefused(
				saveAnswer(db, other.id, attemptId, inAttempt.id, rightResponse(inAttempt)),
				404,
				/No such attempt/
			);
			await expectRefused(getAttemptForTaking(db, other.id, attemptId), 404, /No such attempt/);
			await expectRefused(submitAttempt(db, other.id, attemptId), 404, /No such attempt/);
			expect(await rowCounts(db)).toEqual(before);
		});

		test('an answer after submission, and a second submission', async () => {
			await submitAttempt(db, student.id, attemptId);
			const before = await rowCounts(db);
			const [row] = await db.select().from(attempt).where(eq(attempt.id, attemptId));
			await expectRefused(
				saveAnswer(db, student.id, attemptId, inAttempt.id, wrongResponse(inAttempt)),
				409,
				/submitted/
			);
			await expectRefused(submitAttempt(db, student.id, attemptId), 409, /already submitted/);
			expect(await rowCounts(db)).toEqual(before);
			expect((await db.select().from(attempt).where(eq(attempt.id, attemptId)))[0]).toEqual(row);
		});
	});

	test('editing a question makes a new version; attempts keep the version they answered', async () => {
		const { id } = await startAttempt(db, student.id, { count: 3 }, 'versions');
		const taking = await getAttemptForTaking(db, student.id, id);
		const target = bank.questions.find((q) => q.id === taking.questions[0].id)!;
		const edited: Bank = {
			...bank,
			questions: bank.questions.map((q) =>
				q.id === target.id ? { ...q, prompt: `${q.prompt} (reworded)` } : q
			)
		};
		expect(await syncBank(db, edited)).toMatchObject({ updated: 1, created: 0 });
		const versions = await db
			.select()
			.from(questionVersion)
			.where(eq(questionVersion.questionId, target.id));
		expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);

		const resumed = await getAttemptForTaking(db, student.id, id);
		expect(resumed.questions[0].prompt).toBe(target.prompt);
		const fresh = await getCurrentBank(db);
		expect(fresh.bank.questions.find((q) => q.id === target.id)!.prompt).toBe(
			`${target.prompt} (reworded)`
		);

		// Going back to the original content points at version 1 again rather than making a third.
		await syncBank(db, bank);
		expect(
			await db.select().from(questionVersion).where(eq(questionVersion.questionId, target.id))
		).toHaveLength(2);
	});
});

describe('PGlite serialises transactions from concurrent requests', () => {
	test('two read-modify-write transactions never interleave', async () => {
		const database = await createTestDatabase('pglite');
		try {
			const db = database.db;
			const user = await createUser(db, {
				email: 'c@test.example',
				password: 'a-long-password',
				displayName: 'C'
			});
			await syncBank(db, bank);
			const { id } = await startAttempt(db, user.id, { count: 1 }, 'race');
			// Each transaction reads max_score, waits, then writes it + 1. Interleaved, both would read the same value.
			const bump = () =>
				db.transaction(async (tx) => {
					const [row] = await tx
						.select({ m: attempt.maxScore })
						.from(attempt)
						.where(eq(attempt.id, id));
					await new Promise((r) => setTimeout(r, 30));
					await tx
						.update(attempt)
						.set({ maxScore: row.m + 1 })
						.where(eq(attempt.id, id));
				});
			await Promise.all([bump(), bump(), bump()]);
			const [row] = await db
				.select({ m: attempt.maxScore })
				.from(attempt)
				.where(eq(attempt.id, id));
			expect(row.m).toBe(4);
		} finally {
			await database.dispose();
		}
	});
});
