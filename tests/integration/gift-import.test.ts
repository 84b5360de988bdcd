// Teachers' own questions against both databases: a GIFT import becomes the teacher's questions (never in
// practice, found only in their own search), written all or nothing; citing a passage makes a new
// version; the bank sync never retires them; a set exports back to GIFT with its quotes.
import { and, count, eq, isNotNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import { saveAnswer, submitAttempt } from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import { getArticleWithCitations } from '../../src/lib/server/db/queries/articles.ts';
import { getCurrentBank } from '../../src/lib/server/db/queries/bank.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { fact, question, questionVersion } from '../../src/lib/server/db/schema.ts';
import { importGift } from '../../src/lib/gift/import.ts';
import {
	createAssignment,
	startAssignmentAttempt
} from '../../src/lib/server/teaching/assignments.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { exportBankAsGift, exportSetAsGift } from '../../src/lib/server/teaching/gift-export.ts';
import {
	citeOwnQuestion,
	findTeacherByEmail,
	importGiftQuestions
} from '../../src/lib/server/teaching/own-questions.ts';
import { getItemAnalysis } from '../../src/lib/server/teaching/results.ts';
import {
	createSet,
	editSet,
	getSetItems,
	MAX_SET_SIZE,
	searchBank
} from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import { getMistakes } from '../../src/lib/server/review/insights.ts';
import { openHomework } from '../helpers/assignment.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

const bank = loadRealBank();

/** A small GIFT file: three importable questions, an essay (line 7) and a syntax error (line 11). */
const GIFT = [
	'// [tag:niger]',
	'::Troops leaving::How many French troops were expected to leave Mali in the next six months? {#2400:100####About 2,400, says the report.}',
	'',
	'::Bazoum country::Which country does Mohamed Bazoum lead? {=Niger ~Mali ~Chad}',
	'',
	'// an essay cannot be imported',
	'Write a paragraph on the Takuba task force. {}',
	'',
	'The Takuba task force was French-led. {T}',
	'',
	'::Broken:: Which? {=a ~b',
	''
].join('\n');

const GOOD_PASSAGE = 'Some 2,400 French troops that were part of the forces deployed in Mali';
const FURNITURE_PASSAGE =
	'Protestors in Mali and Burkina Faso have been pushing for French troops to leave.';
const ARTICLE = 'niger-bazoum-2022';

describe.each(backends())('teachers’ own questions on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let teacher: SessionUser;
	let otherTeacher: SessionUser;
	let student: SessionUser;

	const ownedCount = async (teacherId: string) =>
		(await db.select({ n: count() }).from(question).where(eq(question.ownerId, teacherId)))[0].n;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
		teacher = await createUser(db, {
			email: 'gift-teacher@test.example',
			password: 'a-long-password',
			displayName: 'Teacher',
			role: 'teacher'
		});
		otherTeacher = await createUser(db, {
			email: 'gift-other@test.example',
			password: 'a-long-password',
			displayName: 'Other',
			role: 'teacher'
		});
		student = await createUser(db, {
			email: 'gift-student@test.example',
			password: 'a-long-password',
			displayName: 'Student'
		});
	});
	afterAll(async () => database?.dispose());

	test('an import makes the teacher’s own questions, adds them to the set and reports what it left out', async () => {
		const { id: setId } = await createSet(db, teacher.id, 'Imported');
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [bank.questions[0].id] });
		const report = await importGiftQuestions(db, teacher.id, GIFT, { setId });

		expect(report.problems).toEqual([
			{ line: 7, reason: expect.stringContaining('essay') },
			{ line: 11, reason: expect.stringMatching(/^syntax error: /) }
		]);
		expect(report.imported.map((q) => q.line)).toEqual([2, 4, 9]);
		expect(report.addedToSet).toBe(3);
		for (const q of report.imported) expect(q.id).toMatch(/^t-[a-z2-9]{6}-/);
		expect(report.imported[0].id).toMatch(/-troops-leaving$/);

		const rows = await db
			.select({
				id: question.id,
				ownerId: question.ownerId,
				active: question.active,
				version: questionVersion.version,
				body: questionVersion.body
			})
			.from(question)
			.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
			.where(eq(question.ownerId, teacher.id));
		expect(rows).toHaveLength(3);
		for (const r of rows) {
			expect(r).toMatchObject({ ownerId: teacher.id, active: true, version: 1 });
			expect(r.body.facts).toEqual([]);
			// Our Question type, nothing of GIFT's extras.
			expect(Object.keys(r.body)).not.toContain('optionFeedback');
			expect(Object.keys(r.body)).not.toContain('cited');
		}
		const numeric = rows.find((r) => r.body.type === 'numeric')!.body;
		expect(numeric).toMatchObject({
			answer: 2400,
			tolerance: 100,
			explanation: 'About 2,400, says the report.',
			tags: ['niger']
		});

		const items = await getSetItems(db, setId);
		expect(items.map((i) => i.body.id)).toEqual([
			bank.questions[0].id,
			...report.imported.map((q) => q.id)
		]);
		expect(items.slice(1).every((i) => i.ownerId === teacher.id && i.quotes.length === 0)).toBe(
			true
		);
	});

	test('a file with a NUL character is refused with its line, and nothing is written', async () => {
		const before = await ownedCount(teacher.id);
		const e = await refusal(
			importGiftQuestions(db, teacher.id, `${GIFT}\n::Nul:: Which? {=a\u0000b ~c}\n`)
		);
		expect(e.status).toBe(400);
		expect(e.message).toMatch(/^line 13: .*NUL/);
		expect(await ownedCount(teacher.id)).toBe(before);
	});

	test('practice never draws own questions; only their teacher finds them in search', async () => {
		const owned = (
			await db.select({ id: question.id }).from(question).where(eq(question.ownerId, teacher.id))
		).map((r) => r.id);
		expect(owned.length).toBeGreaterThan(0);

		const { bank: current } = await getCurrentBank(db);
		expect(current.questions).toHaveLength(bank.questions.length);
		expect(current.questions.some((q) => q.id.startsWith('t-'))).toBe(false);

		const mine = await searchBank(db, { teacherId: teacher.id, source: 'mine' });
		expect(mine.map((r) => r.body.id).sort()).toEqual([...owned].sort());
		expect(mine.every((r) => r.ownerId === teacher.id && r.body.facts.length === 0)).toBe(true);

		const words = await searchBank(db, { teacherId: teacher.id, text: 'Bazoum lead' });
		expect(words.map((r) => r.body.id)).toContain(
			owned.find((id) => id.endsWith('bazoum-country'))
		);
		const all = await searchBank(db, { teacherId: teacher.id });
		expect(all).toHaveLength(bank.questions.length + owned.length);
		expect(
			(await searchBank(db, { teacherId: teacher.id, source: 'bank' })).some((r) => r.ownerId)
		).toBe(false);

		// Nobody else's: another teacher, and a search without a teacher, see the bank only.
		for (const search of [{ teacherId: otherTeacher.id }, {}]) {
			const found = await searchBank(db, search);
			expect(found).toHaveLength(bank.questions.length);
			expect(found.some((r) => r.ownerId !== null)).toBe(false);
		}
		expect(await searchBank(db, { teacherId: otherTeacher.id, source: 'mine' })).toEqual([]);

		// …and cannot put one in a set by its id.
		const { id: otherSet } = await createSet(db, otherTeacher.id, 'Not theirs');
		const e = await refusal(
			editSet(db, otherTeacher.id, otherSet, { kind: 'add', questionIds: [owned[0]] })
		);
		expect(e.status).toBe(400);
		// A rule draws from the grounded bank only.
		const { id: ruleSet } = await createSet(db, teacher.id, 'By rule');
		await editSet(db, teacher.id, ruleSet, {
			kind: 'add-rule',
			filters: { count: 50 },
			seed: 'rule-seed'
		});
		expect((await getSetItems(db, ruleSet)).some((i) => i.ownerId !== null)).toBe(false);
	});

	test('importing the same file again makes new ids, not collisions', async () => {
		const before = await ownedCount(teacher.id);
		const first = await importGiftQuestions(db, teacher.id, GIFT);
		const second = await importGiftQuestions(db, teacher.id, GIFT);
		expect(first.addedToSet).toBe(0);
		expect(second.imported).toHaveLength(3);
		const ids = [...first.imported, ...second.imported].map((q) => q.id);
		expect(new Set(ids).size).toBe(6);
		expect(await ownedCount(teacher.id)).toBe(before + 6);
		// Only the import's prefix differs: the same question, a different id.
		expect(first.imported[0].id.replace(/^t-\w+-/, '')).toBe(
			second.imported[0].id.replace(/^t-\w+-/, '')
		);
	});

	test('an import is all or nothing: a failed write saves no question and leaves the set as it was', async () => {
		const { id: setId } = await createSet(db, teacher.id, 'All or nothing');
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [bank.questions[1].id] });
		const before = await ownedCount(teacher.id);

		// The database refuses the third question's version: the two before it must not stay behind.
		await db.execute(
			sql.raw(`create function refuse_marked_version() returns trigger as $$
			begin
				if new.body->>'prompt' like '%REFUSE-ME%' then raise exception 'refused by the test'; end if;
				return new;
			end $$ language plpgsql`)
		);
		await db.execute(
			sql.raw(
				'create trigger refuse_marked before insert on question_version for each row execute function refuse_marked_version()'
			)
		);
		try {
			const marked = GIFT.replace(
				'The Takuba task force was French-led.',
				'REFUSE-ME The Takuba task force was French-led.'
			);
			await expect(importGiftQuestions(db, teacher.id, marked, { setId })).rejects.toThrow();
		} finally {
			await db.execute(sql.raw('drop trigger refuse_marked on question_version'));
			await db.execute(sql.raw('drop function refuse_marked_version()'));
		}
		expect(await ownedCount(teacher.id)).toBe(before);
		expect((await getSetItems(db, setId)).map((i) => i.body.id)).toEqual([bank.questions[1].id]);

		// A set without room for every question: refused whole, with a message for the teacher.
		const { id: fullSet } = await createSet(db, teacher.id, 'Nearly full');
		await editSet(db, teacher.id, fullSet, {
			kind: 'add',
			questionIds: bank.questions.slice(0, MAX_SET_SIZE - 2).map((q) => q.id)
		});
		const e = await refusal(importGiftQuestions(db, teacher.id, GIFT, { setId: fullSet }));
		expect(e.status).toBe(400);
		expect(e.message).toMatch(
			/3 questions to import and the set has room for 2.*nothing was imported/
		);
		expect(await ownedCount(teacher.id)).toBe(before);
		expect(await getSetItems(db, fullSet)).toHaveLength(MAX_SET_SIZE - 2);

		// Someone else's set is not found, and nothing is written either.
		expect((await refusal(importGiftQuestions(db, otherTeacher.id, GIFT, { setId }))).status).toBe(
			404
		);
		expect(await ownedCount(otherTeacher.id)).toBe(0);
		// A student has no questions of their own.
		expect((await refusal(importGiftQuestions(db, student.id, GIFT))).status).toBe(403);
		// A file with nothing importable writes nothing and says why.
		const nothing = await importGiftQuestions(db, teacher.id, 'Write about Mali. {}\n');
		expect(nothing).toMatchObject({ imported: [], problems: [{ line: 1 }] });
		expect(await ownedCount(teacher.id)).toBe(before);
	});

	test('citing: a passage not in the article, furniture, or someone else’s question is refused; a good one makes a new version', async () => {
		const { id: setId } = await createSet(db, teacher.id, 'Citing');
		const report = await importGiftQuestions(db, teacher.id, GIFT, { setId });
		const troops = report.imported[0].id;
		const cite = (passage: string, over: Partial<Parameters<typeof citeOwnQuestion>[2]> = {}) =>
			citeOwnQuestion(db, teacher.id, {
				questionId: troops,
				articleSlug: ARTICLE,
				passage,
				setId,
				...over
			});

		const notFound = await refusal(cite('Some 2,400 French soldiers that were part of the forces'));
		expect(notFound.status).toBe(400);
		expect(notFound.message).toMatch(/not in .* word for word/);
		// Case counts, as in the bank's own check.
		expect((await refusal(cite(GOOD_PASSAGE.toLowerCase()))).status).toBe(400);
		const furniture = await refusal(cite(FURNITURE_PASSAGE));
		expect(furniture.message).toMatch(/page furniture \(line \d+/);
		expect((await refusal(cite('Some 2,400'))).message).toMatch(/at least 3 words/);
		expect((await refusal(cite(GOOD_PASSAGE, { articleSlug: 'no-such-article' }))).status).toBe(
			400
		);
		expect(
			(
				await refusal(
					citeOwnQuestion(db, otherTeacher.id, {
						questionId: troops,
						articleSlug: ARTICLE,
						passage: GOOD_PASSAGE
					})
				)
			).status
		).toBe(404);
		expect((await refusal(cite(GOOD_PASSAGE, { questionId: bank.questions[0].id }))).status).toBe(
			404
		);
		// Nothing was written by the refusals.
		expect((await db.select({ n: count() }).from(fact).where(isNotNull(fact.ownerId)))[0].n).toBe(
			0
		);

		// Whitespace and quote style may differ (a line break pasted, straight quotes).
		const done = await cite(
			`  Some 2,400 French troops\nthat were part of   the forces deployed in Mali `
		);
		expect(done.factId).toMatch(/^t-fact-[a-z2-9]{10}$/);
		expect(done.version).toBe(2);
		expect(done.quote).toBe(GOOD_PASSAGE);
		const [row] = await db.select().from(fact).where(eq(fact.id, done.factId));
		expect(row).toMatchObject({ articleSlug: ARTICLE, quote: GOOD_PASSAGE, ownerId: teacher.id });

		const [current] = await db
			.select({
				versionId: questionVersion.id,
				body: questionVersion.body,
				factIds: questionVersion.factIds
			})
			.from(question)
			.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
			.where(eq(question.id, troops));
		expect(current.body.facts).toEqual([done.factId]);
		expect(current.factIds).toEqual([done.factId]);
		// The set moved to the cited version; the first version is still there for what served it.
		const items = await getSetItems(db, setId);
		const item = items.find((i) => i.body.id === troops)!;
		expect(item.versionId).toBe(done.versionId);
		expect(item.quotes.map((q) => q.quote)).toEqual([GOOD_PASSAGE]);
		expect(
			(
				await db
					.select({ n: count() })
					.from(questionVersion)
					.where(eq(questionVersion.questionId, troops))
			)[0].n
		).toBe(2);

		expect((await refusal(cite(GOOD_PASSAGE))).message).toMatch(/already cites this passage/);

		// Cited, it shows so in the teacher's search, and still never in practice nor on the article page.
		const found = (
			await searchBank(db, {
				teacherId: teacher.id,
				source: 'mine',
				text: 'troops leave Mali six months'
			})
		).find((r) => r.body.id === troops)!;
		expect(found.body.facts).toEqual([done.factId]);
		expect(found.quotes.map((q) => q.quote)).toEqual([GOOD_PASSAGE]);
		const { bank: current2 } = await getCurrentBank(db);
		expect(current2.questions.some((q) => q.id === troops)).toBe(false);
		expect(current2.facts.some((f) => f.id === done.factId)).toBe(false);
		const page = await getArticleWithCitations(db, ARTICLE);
		expect(page!.facts.some((f) => f.id === done.factId)).toBe(false);
		expect(page!.facts.flatMap((f) => f.questions).some((q) => q.id.startsWith('t-'))).toBe(false);
	});

	test('the bank sync never retires own questions, even when bank questions go', async () => {
		const owned = await ownedCount(teacher.id);
		expect(owned).toBeGreaterThan(0);
		const again = await syncBank(db, bank);
		expect(again).toMatchObject({ created: 0, updated: 0, retired: 0 });
		const smaller = { ...bank, questions: bank.questions.slice(1) };
		expect((await syncBank(db, smaller)).retired).toBe(1);
		const active = await db
			.select({ n: count() })
			.from(question)
			.where(and(eq(question.ownerId, teacher.id), eq(question.active, true)));
		expect(active[0].n).toBe(owned);
		// The removed bank question is back when the file is.
		expect((await syncBank(db, bank)).updated).toBe(1);
		// And no own question was ever versioned by the sync.
		const synced = await db
			.select({ n: count() })
			.from(questionVersion)
			.where(and(like(questionVersion.questionId, 't-%'), eq(questionVersion.version, 3)));
		expect(synced[0].n).toBe(0);
	});

	test('a set and the bank export as GIFT with explanations and cited quotes, and import back the same', async () => {
		const { id: setId } = await createSet(db, teacher.id, 'Export me');
		const report = await importGiftQuestions(db, teacher.id, GIFT, { setId });
		await citeOwnQuestion(db, teacher.id, {
			questionId: report.imported[1].id,
			articleSlug: ARTICLE,
			passage: "Niger's President Mohamed Bazoum says",
			setId
		});
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [bank.questions[0].id] });

		const { name, text } = await exportSetAsGift(db, teacher.id, setId);
		expect(name).toBe('Export me');
		expect(text).toContain('"Niger\'s President Mohamed Bazoum says"');
		const back = importGift(text, { idPrefix: 'back' });
		expect(back.problems).toEqual([]);
		const items = await getSetItems(db, setId);
		expect(back.questions.map((q) => ({ type: q.type, prompt: q.prompt }))).toEqual(
			items.map((i) => ({ type: i.body.type, prompt: i.body.prompt }))
		);
		const bankQuote = bank.facts.find((f) => f.id === bank.questions[0].facts[0])!.quote;
		expect(text).toContain(bankQuote.replace(/[~=#{}:\\]/g, (c) => `\\${c}`));

		expect((await refusal(exportSetAsGift(db, otherTeacher.id, setId))).status).toBe(404);
		const mine = await exportBankAsGift(db, teacher.id, 'mine');
		expect(importGift(mine, { idPrefix: 'x' }).questions).toHaveLength(
			await ownedCount(teacher.id)
		);
		const theirs = await exportBankAsGift(db, otherTeacher.id);
		expect(importGift(theirs, { idPrefix: 'x' }).questions).toHaveLength(bank.questions.length);
	});

	test('the item analysis says which questions are not yet cited', async () => {
		const { id: setId } = await createSet(db, teacher.id, 'Assigned');
		const report = await importGiftQuestions(db, teacher.id, GIFT, { setId });
		await citeOwnQuestion(db, teacher.id, {
			questionId: report.imported[0].id,
			articleSlug: ARTICLE,
			passage: GOOD_PASSAGE,
			setId
		});
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [bank.questions[0].id] });
		const klass = await createClass(db, teacher.id, 'Class');
		await joinClass(db, student.id, klass.joinCode);
		const { id: assignmentId } = await createAssignment(
			db,
			teacher.id,
			openHomework({ classId: klass.id, setId, title: 'Homework' })
		);
		// A student takes it: own questions are served like any other.
		const started = await startAssignmentAttempt(db, student.id, assignmentId, new Date());
		for (const item of await getSetItems(db, setId))
			await saveAnswer(db, student.id, started.id, item.body.id, rightResponse(item.body));
		expect((await submitAttempt(db, student.id, started.id)).score).toBe(4);

		const { prompts, analysis } = await getItemAnalysis(db, teacher.id, assignmentId, 'first');
		expect(analysis.attemptCount).toBe(1);
		const cited = Object.fromEntries(Object.entries(prompts).map(([id, p]) => [id, p.cited]));
		expect(cited).toEqual({
			[report.imported[0].id]: true,
			[report.imported[1].id]: false,
			[report.imported[2].id]: false,
			[bank.questions[0].id]: true
		});
		// Citing after the fact counts: the report follows the question, not the version served.
		await citeOwnQuestion(db, teacher.id, {
			questionId: report.imported[1].id,
			articleSlug: ARTICLE,
			passage: GOOD_PASSAGE
		});
		const after = await getItemAnalysis(db, teacher.id, assignmentId, 'first');
		expect(after.prompts[report.imported[1].id].cited).toBe(true);
	});

	test('mistakes on a teacher’s own questions are listed but not offered for practice', async () => {
		const learner = await createUser(db, {
			email: 'gift-mistakes@test.example',
			password: 'a-long-password',
			displayName: 'Learner'
		});
		const { id: setId } = await createSet(db, teacher.id, 'Mixed');
		const report = await importGiftQuestions(db, teacher.id, GIFT, { setId });
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: [bank.questions[0].id] });
		const klass = await createClass(db, teacher.id, 'Mistakes class');
		await joinClass(db, learner.id, klass.joinCode);
		const { id: assignmentId } = await createAssignment(
			db,
			teacher.id,
			openHomework({ classId: klass.id, setId, title: 'Mixed homework' })
		);
		const started = await startAssignmentAttempt(db, learner.id, assignmentId, new Date());
		for (const item of await getSetItems(db, setId))
			await saveAnswer(db, learner.id, started.id, item.body.id, wrongResponse(item.body));
		await submitAttempt(db, learner.id, started.id);

		const mistakes = await getMistakes(db, learner.id);
		const inPractice = Object.fromEntries(mistakes.map((m) => [m.questionId, m.inPractice]));
		expect(inPractice).toEqual({
			...Object.fromEntries(report.imported.map((q) => [q.id, false])),
			[bank.questions[0].id]: true
		});
	});

	test('the CLI finds its teacher by email, and only a teacher', async () => {
		expect((await findTeacherByEmail(db, 'GIFT-Teacher@test.example')).id).toBe(teacher.id);
		expect((await refusal(findTeacherByEmail(db, 'gift-student@test.example'))).status).toBe(403);
		expect((await refusal(findTeacherByEmail(db, 'nobody@test.example'))).status).toBe(404);
	});
});
