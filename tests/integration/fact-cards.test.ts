// Scheduling by fact, on both databases: a learner's card is per fact (the one a question asks about), a
// review shows one of that fact's questions (rotating, never one an open assignment withholds), a question
// shown in review buries the cards of the other facts it cites until the next day, and the migration from
// cards per question keeps every log row.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../../src/lib/server/auth.ts';
import {
	getAttemptForTaking,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { reviewCard, reviewLog } from '../../src/lib/server/db/schema.ts';
import {
	getDueCards,
	getReviewQueue,
	rateCard,
	revealCard
} from '../../src/lib/server/review/cards.ts';
import {
	createAssignment,
	startAssignmentAttempt
} from '../../src/lib/server/teaching/assignments.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { createSet, editSet } from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank, soleQuestionIds, wrongResponse } from '../helpers/bank.ts';
import { backends, createTestDatabase, migrationsDir, type TestDatabase } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const askers = (factId: string) => bank.questions.filter((q) => q.facts[0] === factId);
/** A fact two questions ask about, and those two. */
const pairFact = bank.questions.map((q) => q.facts[0]).find((f) => askers(f).length === 2)!;
const [pairA, pairB] = askers(pairFact).map((q) => q.id);
/**
 * A question alone on its fact X that also cites a fact Y some other question asks about: reviewing X
 * shows it, and so buries Y's card.
 */
const burier = bank.questions.find(
	(q) => askers(q.facts[0]).length === 1 && q.facts.slice(1).some((f) => askers(f).length === 1)
)!;
const buried = askers(burier.facts.slice(1).find((f) => askers(f).length === 1)!)[0].id;

describe.each(backends())('cards per fact on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
	});
	afterAll(async () => database?.dispose());

	async function learner(name: string) {
		return createUser(db, {
			email: `${name}@test.example`,
			password: 'a-long-password',
			displayName: name
		});
	}

	/** A practice quiz on exactly these questions, every answer wrong. */
	async function wrongQuiz(userId: string, questionIds: string[], at: Date) {
		const { id } = await startAttempt(
			db,
			userId,
			{ questionIds, count: questionIds.length },
			`quiz-${userId}`,
			at
		);
		const taking = await getAttemptForTaking(db, userId, id, at);
		for (const p of taking.questions)
			await saveAnswer(db, userId, id, p.id, wrongResponse(byId.get(p.id)!), at);
		await submitAttempt(db, userId, id, at);
	}

	const cardsOf = (userId: string) =>
		db.select().from(reviewCard).where(eq(reviewCard.userId, userId));

	test('two questions on one fact answered wrong in a quiz: one card, two log rows naming each question', async () => {
		const user = await learner('pair');
		const quizAt = new Date('2026-07-01T09:00:00Z');
		await wrongQuiz(user.id, [pairA, pairB], quizAt);
		const cards = await cardsOf(user.id);
		expect(cards.map((c) => c.factId)).toEqual([pairFact]);
		const logs = await db.select().from(reviewLog).where(eq(reviewLog.userId, user.id));
		expect(logs.map((l) => l.questionId).sort()).toEqual([pairA, pairB].sort());
		expect(logs.every((l) => l.cardId === cards[0].id)).toBe(true);
		expect(cards[0].reps).toBe(2);

		// The review shows a question on that fact, then the other form the next time the card is due.
		const at = new Date(quizAt.getTime() + HOUR);
		const queue = await getReviewQueue(db, user.id, at);
		expect(queue.remaining).toBe(1);
		expect(queue.card?.cardId).toBe(cards[0].id);
		const first = queue.card!.question.id;
		expect([pairA, pairB]).toContain(first);
		await rateCard(
			db,
			user.id,
			cards[0].id,
			'good',
			{ requestId: 'pair-1', response: null, elapsedMs: null, questionId: first },
			at
		);
		const [moved] = await cardsOf(user.id);
		const next = await getReviewQueue(
			db,
			user.id,
			new Date(Math.max(moved.due.getTime(), at.getTime()) + 60_000)
		);
		expect(next.card?.cardId).toBe(cards[0].id);
		expect(next.card?.question.id).toBe(first === pairA ? pairB : pairA);
	});

	test('a question shown in review buries the cards of the other facts it cites until the next day', async () => {
		const user = await learner('bury');
		const quizAt = new Date('2026-07-02T09:00:00Z');
		await wrongQuiz(user.id, [burier.id, buried], quizAt);
		const cards = await cardsOf(user.id);
		expect(cards).toHaveLength(2);
		const at = new Date(quizAt.getTime() + HOUR);
		const before = await getDueCards(db, user.id, at);
		expect(before.total).toBe(2);
		const own = before.due.find((d) => d.question.id === burier.id)!;
		await rateCard(
			db,
			user.id,
			own.card.id,
			'again',
			{ requestId: 'bury-1', response: null, elapsedMs: null, questionId: burier.id },
			at
		);
		// Later that day: the card just failed is due again; the sibling is not.
		const later = await getDueCards(db, user.id, new Date(at.getTime() + HOUR));
		expect(later.due.map((d) => d.card.id)).toEqual([own.card.id]);
		expect(later.total).toBe(1);
		// The next day both are back.
		const tomorrow = await getDueCards(db, user.id, new Date(at.getTime() + DAY));
		expect(tomorrow.due.map((d) => d.question.id)).toContain(buried);
	});

	test('a withheld question is never shown in review; a fact whose only questions are withheld is held back', async () => {
		const teacher = await createUser(db, {
			email: 'fact-teacher@test.example',
			password: 'a-long-password',
			displayName: 'Teacher',
			role: 'teacher'
		});
		const user = await learner('withheld');
		const sole = soleQuestionIds(bank).find((id) => id !== burier.id && id !== buried)!;
		const now = new Date();
		// Practice on one form of the pair and on the sole question, before any assignment.
		await wrongQuiz(user.id, [pairB, sole], new Date(now.getTime() - 2 * HOUR));
		// Then an open assignment asks the pair's other form and the sole question: their keys are withheld.
		const { id: classId, joinCode } = await createClass(db, teacher.id, 'Withholding');
		await joinClass(db, user.id, joinCode);
		const { id: setId } = await createSet(db, teacher.id, 'Withheld set');
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [pairA, sole] });
		const { id: assignmentId } = await createAssignment(db, teacher.id, {
			classId,
			setId,
			title: 'Open',
			opensAt: new Date(now.getTime() - HOUR),
			dueAt: new Date(now.getTime() + DAY),
			timeZone: 'UTC',
			attemptsAllowed: 1,
			timeLimitMinutes: null,
			shuffleQuestions: false,
			shuffleOptions: false,
			feedback: 'after_due',
			lateWork: 'refuse'
		});
		await startAssignmentAttempt(db, user.id, assignmentId, now);
		const cards = await cardsOf(user.id);
		const pairCard = cards.find((c) => c.factId === pairFact)!;
		const soleCard = cards.find((c) => c.factId === byId.get(sole)!.facts[0])!;

		// Unseen, pairA would be the form shown; it is withheld, so the pair's card shows pairB.
		const { due, total } = await getDueCards(db, user.id, now);
		expect(due.map((d) => [d.card.id, d.question.id])).toEqual([[pairCard.id, pairB]]);
		expect(total).toBe(1);
		const queue = await getReviewQueue(db, user.id, now);
		expect(queue.card?.question.id).toBe(pairB);
		// Neither the withheld form nor the held-back card can be revealed or rated.
		expect((await refusal(revealCard(db, user.id, pairCard.id, null, now, pairA))).status).toBe(
			409
		);
		expect((await refusal(revealCard(db, user.id, soleCard.id, null, now))).status).toBe(409);
		expect(
			(
				await refusal(
					rateCard(
						db,
						user.id,
						soleCard.id,
						'again',
						{ requestId: 'withheld-1', response: null, elapsedMs: null },
						now
					)
				)
			).status
		).toBe(409);
		// A question of another fact is not this card's to show.
		expect((await refusal(revealCard(db, user.id, pairCard.id, null, now, burier.id))).status).toBe(
			400
		);
		expect((await revealCard(db, user.id, pairCard.id, null, now, pairB)).questionId).toBe(pairB);
	});
});

/** The migrations up to and including `last` (by journal index), copied to a folder of their own. */
function migrationsUpTo(last: number) {
	const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
	cpSync(migrationsDir, dir, { recursive: true });
	const journalFile = path.join(dir, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
	journal.entries = journal.entries.filter((e) => e.idx <= last);
	writeFileSync(journalFile, JSON.stringify(journal));
	return dir;
}

describe.each(backends())('migrating cards per question to cards per fact on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		// The schema before scheduling by fact (migration 0011), with its data, then the rest.
		database = await createTestDatabase(backend, migrationsUpTo(11));
		db = database.db;
		await syncBank(db, bank);
	});
	afterAll(async () => database?.dispose());

	test('every log row is kept; a fact’s cards merge into the most recently reviewed one', async () => {
		await db.execute(sql`insert into "user" (id, email, display_name, password_hash)
			values ('m1', 'm1@test.example', 'M', 'x')`);
		await db.execute(sql`insert into question (id, active) values ('t-uncited', true)`);
		await db.execute(sql`insert into question_version (question_id, version, content_hash, type, difficulty, tags, fact_ids, body)
			values ('t-uncited', 1, 'h', 'true_false', 1, '{}', '{}', '{}'::jsonb)`);
		await db.execute(
			sql`update question set current_version_id = (select id from question_version where question_id = 't-uncited') where id = 't-uncited'`
		);
		const sole = soleQuestionIds(bank)[0];
		// pairA reviewed last (its state survives), pairB earlier, one other card, one uncited question.
		const cards: [string, string][] = [
			[pairA, '2026-03-05T09:00:00Z'],
			[pairB, '2026-03-01T09:00:00Z'],
			[sole, '2026-03-02T09:00:00Z'],
			['t-uncited', '2026-03-03T09:00:00Z']
		];
		const ids = new Map<string, number>();
		for (const [questionId, last] of cards) {
			const rows =
				(await db.execute(sql`insert into review_card (user_id, question_id, due, stability, difficulty,
					elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
				values ('m1', ${questionId}, ${last}::timestamptz + interval '3 days', ${questionId === pairA ? 7.5 : 2},
					5, 0, 3, 0, 2, 0, 'review', ${last}::timestamptz) returning id`)) as unknown as
					{ id: number }[] | { rows: { id: number }[] };
			const row = Array.isArray(rows) ? rows[0] : rows.rows[0];
			ids.set(questionId, row.id);
			for (let k = 0; k < (questionId === pairB ? 3 : 2); k++)
				await db.execute(sql`insert into review_log (card_id, user_id, question_id, reviewed_at, rating, source,
						card_before, card_after)
					values (${row.id}, 'm1', ${questionId}, ${last}::timestamptz - ${k} * interval '1 day', 'good', 'review',
						'{}'::jsonb, '{}'::jsonb)`);
		}
		const logCount = async () =>
			(await db.select({ n: count() }).from(reviewLog).where(eq(reviewLog.userId, 'm1')))[0].n;
		expect(await logCount()).toBe(9);

		await database.migrate(migrationsDir);

		expect(await logCount()).toBe(9);
		const after = await db.select().from(reviewCard).where(eq(reviewCard.userId, 'm1'));
		expect(after).toHaveLength(3);
		const merged = after.find((c) => c.factId === pairFact)!;
		expect(merged.id).toBe(ids.get(pairA));
		expect(merged.stability).toBeCloseTo(7.5);
		expect(merged.questionId).toBeNull();
		const pairLogs = await db
			.select({ questionId: reviewLog.questionId })
			.from(reviewLog)
			.where(and(eq(reviewLog.userId, 'm1'), eq(reviewLog.cardId, merged.id)));
		expect(pairLogs.map((l) => l.questionId).sort()).toEqual(
			[pairA, pairA, pairB, pairB, pairB].sort()
		);
		expect(after.find((c) => c.factId === byId.get(sole)!.facts[0])?.id).toBe(ids.get(sole));
		expect(after.find((c) => c.questionId === 't-uncited')).toMatchObject({
			id: ids.get('t-uncited'),
			factId: null
		});
		// The log is append-only again.
		await expect(
			db.execute(sql`update review_log set rating = 'again' where user_id = 'm1'`)
		).rejects.toThrow();
	});
});
