// Two tabs on one attempt, on both databases: each save names the version of the answer its page showed;
// a save or a clear based on a version another tab has replaced is refused with 409 (StaleAnswerError)
// and writes nothing; the page's next load shows the saved answer and its version, from which a save
// goes through. Parallel saves from the same version: exactly one wins, the others are refused.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth.ts';
import {
	clearAnswer,
	getAttemptForTaking,
	saveAnswer,
	StaleAnswerError,
	startAttempt
} from '../../src/lib/server/attempts.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { answer } from '../../src/lib/server/db/schema.ts';
import type { Question } from '../../src/lib/bank/types.ts';
import type { Response } from '../../src/lib/quiz/types.ts';
import { loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import { backends, databaseWithLearner, type TestDatabase } from '../helpers/db.ts';

const bank = loadRealBank();
const questionById = new Map(bank.questions.map((q) => [q.id, q]));

async function refused(work: Promise<unknown>) {
	const e = await work.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(StaleAnswerError);
	expect((e as StaleAnswerError).status).toBe(409);
}

describe.each(backends())('two tabs on one attempt on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let learner: SessionUser;

	beforeAll(async () => {
		({ database, db, learner } = await databaseWithLearner(backend, bank, {
			email: 'two-tabs@test.example',
			displayName: 'Two Tabs'
		}));
	});
	afterAll(async () => database?.dispose());

	/** A fresh attempt and its first question that has a right and a different wrong response. */
	async function attemptWithQuestion(seed: string) {
		const { id } = await startAttempt(db, learner.id, { count: 5 }, seed);
		const taking = await getAttemptForTaking(db, learner.id, id);
		const q = taking.questions
			.map((p) => questionById.get(p.id)!)
			.find((x) => x.type !== 'short_text') as Question;
		return { id, q, right: rightResponse(q), wrong: wrongResponse(q) };
	}
	const stored = async (attemptId: string, q: Question) => {
		const taking = await getAttemptForTaking(db, learner.id, attemptId);
		return { response: taking.responses[q.id] ?? null, version: taking.versions[q.id] ?? '' };
	};

	test('a save based on an answer another tab replaced is refused, and the load shows the saved one', async () => {
		const { id, q, right, wrong } = await attemptWithQuestion('tabs-1');
		// Both tabs open the question before anything is saved.
		const tabA = await stored(id, q);
		const tabB = await stored(id, q);
		expect(tabA).toEqual({ response: null, version: '' });

		const savedA = await saveAnswer(db, learner.id, id, q.id, right, new Date(), tabA.version);
		expect(savedA.version).toMatch(/^\d+$/);
		// Tab B still thinks there is no answer: its save would overwrite A's.
		await refused(saveAnswer(db, learner.id, id, q.id, wrong, new Date(), tabB.version));
		expect(await stored(id, q)).toEqual({ response: right, version: savedA.version });

		// Tab B shows the saved answer (its load) and saves from it: accepted.
		const reloadedB = await stored(id, q);
		const savedB = await saveAnswer(db, learner.id, id, q.id, wrong, new Date(), reloadedB.version);
		expect(savedB.version).not.toBe(savedA.version);
		// Now tab A is the stale one, for a save and for a clear.
		await refused(saveAnswer(db, learner.id, id, q.id, right, new Date(), savedA.version));
		await refused(clearAnswer(db, learner.id, id, q.id, new Date(), savedA.version));
		await refused(clearAnswer(db, learner.id, id, q.id, new Date(), ''));
		expect(await stored(id, q)).toEqual({ response: wrong, version: savedB.version });

		// A tab's own saves follow one another: each names the version the previous one returned.
		const again = await saveAnswer(db, learner.id, id, q.id, right, new Date(), savedB.version);
		const third = await saveAnswer(db, learner.id, id, q.id, wrong, new Date(), again.version);
		await clearAnswer(db, learner.id, id, q.id, new Date(), third.version);
		expect(await stored(id, q)).toEqual({ response: null, version: '' });
		// A save based on the answer that was just cleared does not bring it back.
		await refused(saveAnswer(db, learner.id, id, q.id, right, new Date(), third.version));
		expect(await stored(id, q)).toEqual({ response: null, version: '' });
	});

	test('parallel saves from the same version: exactly one is written, every other is refused with 409', async () => {
		const { id, q, right, wrong } = await attemptWithQuestion('tabs-2');
		const first = await saveAnswer(db, learner.id, id, q.id, wrong, new Date(), '');
		for (const basedOn of ['', first.version]) {
			const current = await stored(id, q);
			const responses: Response[] = Array.from({ length: 12 }, (_, i) => (i % 2 ? right : wrong));
			const settled = await Promise.allSettled(
				responses.map((r) => saveAnswer(db, learner.id, id, q.id, r, new Date(), current.version))
			);
			const ok = settled.filter(
				(s): s is PromiseFulfilledResult<{ position: number; version: string }> =>
					s.status === 'fulfilled'
			);
			for (const s of settled)
				if (s.status === 'rejected') expect(s.reason).toBeInstanceOf(StaleAnswerError);
			expect(ok, `based on ${basedOn === '' ? 'no answer' : 'the saved answer'}`).toHaveLength(1);
			const winner = responses[settled.indexOf(ok[0])];
			expect(await stored(id, q)).toEqual({ response: winner, version: ok[0].value.version });
			const rows = await db
				.select()
				.from(answer)
				.where(and(eq(answer.attemptId, id)));
			expect(rows).toHaveLength(1);
		}
	});

	test('without a version (one writer) a save still replaces the answer', async () => {
		const { id, q, right, wrong } = await attemptWithQuestion('tabs-3');
		await saveAnswer(db, learner.id, id, q.id, right);
		await saveAnswer(db, learner.id, id, q.id, wrong);
		expect((await stored(id, q)).response).toEqual(wrong);
	});
});
