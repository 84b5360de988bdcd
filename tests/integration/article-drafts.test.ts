// A teacher's own article against both databases: adding it stores the drafts proposed from it; the
// teacher edits, accepts and rejects them; an accepted draft is the teacher's own question, citing a fact
// of the new article with its exact span, found in their search, assignable and graded like any other.
// Nobody else sees the article's drafts (another teacher gets 404, a student 403), and the article page
// is for the teacher and their classes' students only.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import { saveAnswer, submitAttempt } from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import { getArticleWithCitations, listArticles } from '../../src/lib/server/db/queries/articles.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { articleDraft, fact, question, questionVersion } from '../../src/lib/server/db/schema.ts';
import { RequestError } from '../../src/lib/server/errors.ts';
import {
	acceptDraft,
	addTeacherArticle,
	canReadArticle,
	getDraftingBank,
	getDraftReview,
	getTeacherArticle,
	listTeacherArticles,
	rejectDraft,
	rejectDrafts,
	restoreDraft,
	saveDraftEdit
} from '../../src/lib/server/teaching/articles.ts';
import {
	createAssignment,
	startAssignmentAttempt
} from '../../src/lib/server/teaching/assignments.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { createSet, getSetItems, searchBank } from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank, rightResponse } from '../helpers/bank.ts';
import { openHomework } from '../helpers/assignment.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const bank = loadRealBank();

// Drafting is a pure function of the article and the drafting bank, the same on both databases, and
// seconds of CPU each time. An article is drafted for real (in its worker) the first time; when the same
// article (title, text, date) is added again with the same bank read from the database, on either
// backend, it gets those drafts again, its new slug put in. Each test still stores, reads and decides
// the drafter's real drafts.
const { drafted, SLUG } = vi.hoisted(() => ({
	drafted: new Map<string, string>(),
	/** Stands for the article's slug in a remembered drafting. */
	SLUG: '\u0000slug\u0000'
}));
vi.mock('../../src/lib/server/teaching/draft-off-thread.ts', async (importOriginal) => {
	const real =
		await importOriginal<typeof import('../../src/lib/server/teaching/draft-off-thread.ts')>();
	return {
		...real,
		draftQuestionsOffThread: async (
			...[article, drafting, cap]: Parameters<typeof real.draftQuestionsOffThread>
		) => {
			const { slug, ...rest } = article;
			const key = JSON.stringify([rest, drafting]);
			const seen = drafted.get(key);
			if (seen) return JSON.parse(seen.replaceAll(SLUG, slug));
			const drafts = await real.draftQuestionsOffThread(article, drafting, cap);
			drafted.set(key, JSON.stringify(drafts).replaceAll(slug, SLUG));
			return drafts;
		}
	};
});

/** A new article (written for this test) that names numbers, dates, people, places and operations. */
const TEXT = [
	'Chad will send 1,200 soldiers to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday.',
	'The deployment was agreed at a meeting in Niamey with Niger’s President Mohamed Bazoum, who said the force would start work in March.',
	'France ended Operation Barkhane in 2022 after nine years in Mali, and some 3,000 French troops remain in the region.',
	'The European Takuba task force left Mali in June 2022, its members moving to Niger or going home.',
	'Officials in Nouakchott welcomed the plan, which they said would help the G5 Sahel states share intelligence against armed groups.'
].join('\n');
const INPUT = {
	title: 'Chad sends soldiers to the tri-border area',
	publisher: 'Test Wire',
	eventDate: '2023-01-17',
	text: TEXT
};

async function refusal(work: Promise<unknown>) {
	const e = await work.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(RequestError);
	return e as RequestError;
}

describe.each(backends())('teachers’ own articles and their drafts on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let teacher: SessionUser;
	let otherTeacher: SessionUser;
	let student: SessionUser;
	let outsider: SessionUser;
	let slug: string;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
		teacher = await createUser(db, {
			email: 'art-teacher@test.example',
			password: 'a-long-password',
			displayName: 'Teacher',
			role: 'teacher'
		});
		otherTeacher = await createUser(db, {
			email: 'art-other@test.example',
			password: 'a-long-password',
			displayName: 'Other',
			role: 'teacher'
		});
		student = await createUser(db, {
			email: 'art-student@test.example',
			password: 'a-long-password',
			displayName: 'Student'
		});
		outsider = await createUser(db, {
			email: 'art-outsider@test.example',
			password: 'a-long-password',
			displayName: 'Outsider'
		});
		({ slug } = await addTeacherArticle(db, teacher.id, INPUT));
	}, 60_000);
	afterAll(async () => database?.dispose());

	test('adding an article stores it as the teacher’s, with drafts quoting it; only a teacher may add one', async () => {
		const { article, drafts } = await getTeacherArticle(db, teacher.id, slug);
		expect(article.ownerId).toBe(teacher.id);
		expect(drafts.length).toBeGreaterThanOrEqual(5);
		for (const d of drafts) {
			expect(d.status).toBe('pending');
			expect(TEXT.slice(d.draft.span.start, d.draft.span.end).replace(/\s+/gu, ' ')).toBe(
				d.draft.quote
			);
		}
		expect((await listTeacherArticles(db, teacher.id)).map((a) => [a.slug, a.pending])).toEqual([
			[slug, drafts.length]
		]);
		expect(await listTeacherArticles(db, otherTeacher.id)).toEqual([]);
		expect((await refusal(addTeacherArticle(db, student.id, INPUT))).status).toBe(403);
		// The public article list is the bank's.
		expect((await listArticles(db)).map((a) => a.slug)).not.toContain(slug);
	});

	test('the bank’s event labels reach the drafter: stored with their facts, read back, used in the drafts across reports', async () => {
		const drafting = await getDraftingBank(db);
		const labelled = bank.facts.filter((f) => f.event);
		expect(labelled.length).toBeGreaterThan(0);
		for (const f of labelled)
			expect(drafting.facts.find((x) => x.id === f.id)?.event, f.id).toBe(f.event);
		expect(drafting.facts.filter((f) => f.event).length).toBe(labelled.length);
		const own = await getTeacherArticle(db, teacher.id, slug);
		const texts = JSON.stringify(own.drafts.map((d) => d.draft.question));
		expect(labelled.some((f) => texts.includes(f.event!))).toBe(true);
	});

	test('another teacher gets 404 for the article and each of its drafts', async () => {
		const { drafts } = await getTeacherArticle(db, teacher.id, slug);
		expect((await refusal(getTeacherArticle(db, otherTeacher.id, slug))).status).toBe(404);
		expect((await refusal(acceptDraft(db, otherTeacher.id, slug, drafts[0].id))).status).toBe(404);
		expect(
			(await refusal(rejectDraft(db, otherTeacher.id, slug, drafts[0].id, { reason: 'too_easy' })))
				.status
		).toBe(404);
		expect((await refusal(restoreDraft(db, otherTeacher.id, slug, drafts[0].id))).status).toBe(404);
		const edit = { prompt: 'Taken over?', explanation: 'No.' };
		expect(
			(await refusal(saveDraftEdit(db, otherTeacher.id, slug, drafts[0].id, edit))).status
		).toBe(404);
		// A draft of another article (the same one, added by another teacher) is not found through this one.
		const { slug: second } = await addTeacherArticle(db, otherTeacher.id, INPUT);
		const theirs = (await getTeacherArticle(db, otherTeacher.id, second)).drafts[0];
		expect((await refusal(acceptDraft(db, teacher.id, slug, theirs.id))).status).toBe(404);
		expect(
			(await getTeacherArticle(db, teacher.id, slug)).drafts.every((d) => d.status === 'pending')
		).toBe(true);
	});

	test('reject, edit and accept: accepted drafts become cited, gradeable questions of the teacher, in a set', async () => {
		const { drafts } = await getTeacherArticle(db, teacher.id, slug);
		const singles = drafts.filter((d) => d.draft.question.type === 'single');
		expect(singles.length).toBeGreaterThanOrEqual(3);
		const [rejected, edited, plain] = singles;

		await rejectDraft(db, teacher.id, slug, rejected.id, { reason: 'ambiguous' });
		expect((await refusal(acceptDraft(db, teacher.id, slug, rejected.id))).status).toBe(400);

		// An edit that breaks the key is refused with a message, and nothing changes.
		const q = edited.draft.question;
		if (q.type !== 'single') throw new Error('expected a single-choice draft');
		const badEdit = {
			prompt: 'Which is right?',
			explanation: 'Because.',
			options: q.options.map((o) => o.text),
			correct: []
		};
		const bad = await refusal(saveDraftEdit(db, teacher.id, slug, edited.id, badEdit));
		expect(bad.status).toBe(400);
		expect(bad.message).toMatch(/exactly one option/u);

		const { id: setId } = await createSet(db, teacher.id, 'From the new article');
		const prompt = `In the report of January 2023: ${q.prompt}`;
		const right = q.options.findIndex((o) => o.correct);
		const edit = {
			prompt,
			explanation: 'Our own words on why.',
			options: q.options.map((o) => o.text),
			correct: [right]
		};
		const first = await acceptDraft(db, teacher.id, slug, edited.id, { edit, setId });
		const second = await acceptDraft(db, teacher.id, slug, plain.id, { setId });
		expect((await refusal(acceptDraft(db, teacher.id, slug, plain.id))).status).toBe(400);

		// The questions are the teacher's, cited: a fact of the new article with the draft's exact span.
		const [row] = await db.select().from(question).where(eq(question.id, first.questionId));
		expect(row.ownerId).toBe(teacher.id);
		const [version] = await db
			.select()
			.from(questionVersion)
			.where(eq(questionVersion.questionId, first.questionId));
		expect(version.body.prompt).toBe(prompt);
		expect(version.body.facts).toEqual([first.factId]);
		const [cited] = await db.select().from(fact).where(eq(fact.id, first.factId));
		expect(cited).toMatchObject({
			articleSlug: slug,
			ownerId: teacher.id,
			spanStart: edited.draft.span.start,
			spanEnd: edited.draft.span.end,
			quote: edited.draft.quote
		});
		expect(cited.value).toEqual(edited.draft.value);

		const mine = await searchBank(db, { teacherId: teacher.id, source: 'mine' });
		expect(mine.map((m) => m.body.id).sort()).toEqual([first.questionId, second.questionId].sort());
		expect(await searchBank(db, { teacherId: otherTeacher.id, source: 'mine' })).toEqual([]);
		const statuses = Object.fromEntries(
			(await getTeacherArticle(db, teacher.id, slug)).drafts.map((d) => [d.id, d.status])
		);
		expect([statuses[rejected.id], statuses[edited.id], statuses[plain.id]]).toEqual([
			'rejected',
			'accepted',
			'accepted'
		]);

		// Assigned to a class and answered: graded by the server like the bank's questions.
		const klass = await createClass(db, teacher.id, 'Class');
		await joinClass(db, student.id, klass.joinCode);
		const { id: assignmentId } = await createAssignment(
			db,
			teacher.id,
			openHomework({ classId: klass.id, setId, title: 'New article' })
		);
		const started = await startAssignmentAttempt(db, student.id, assignmentId, new Date());
		const items = await getSetItems(db, setId);
		expect(items).toHaveLength(2);
		await saveAnswer(db, student.id, started.id, items[0].body.id, rightResponse(items[0].body));
		const wrongOption =
			items[1].body.type === 'single' ? items[1].body.options.find((o) => !o.correct)! : null;
		await saveAnswer(db, student.id, started.id, items[1].body.id, {
			type: 'single',
			optionId: wrongOption!.id
		});
		expect((await submitAttempt(db, student.id, started.id)).score).toBe(1);

		// The article page: the teacher and their class's students read it, with the cited passage; nobody else.
		expect(await canReadArticle(db, teacher.id, slug)).not.toBeNull();
		expect(await canReadArticle(db, student.id, slug)).not.toBeNull();
		expect(await canReadArticle(db, outsider.id, slug)).toBeNull();
		expect(await canReadArticle(db, otherTeacher.id, slug)).toBeNull();
		expect(await canReadArticle(db, null, slug)).toBeNull();
		expect(await canReadArticle(db, null, bank.articles[0].slug)).not.toBeNull();
		const page = await getArticleWithCitations(db, slug);
		expect(page!.facts.map((f) => f.id).sort()).toEqual([first.factId, second.factId].sort());
		expect(page!.facts.every((f) => f.questions.length === 0)).toBe(true);
	});

	test('a draft across reports (an ordering, "which came first", "how many years between") is stored citing the new article’s fact first, then every bank fact its events rest on', async () => {
		const { drafts } = await getTeacherArticle(db, teacher.id, slug);
		const across = drafts.filter(
			(d) => d.status === 'pending' && (d.draft.kind === 'timeline' || d.draft.kind === 'gap')
		);
		expect(across.length).toBeGreaterThanOrEqual(3);
		expect(new Set(across.map((d) => d.draft.question.type)).size).toBeGreaterThanOrEqual(2);
		for (const d of across.slice(0, 3)) {
			const events = d.draft.events!;
			// Each event of another report is a bank fact the draft rests on.
			for (const e of events.filter((x) => x.factId)) expect(d.draft.bankFacts).toContain(e.factId);
			const { questionId, factId } = await acceptDraft(db, teacher.id, slug, d.id);
			const [version] = await db
				.select()
				.from(questionVersion)
				.where(eq(questionVersion.questionId, questionId));
			expect(version.body.facts).toEqual([factId, ...d.draft.bankFacts]);
			expect(version.factIds).toEqual([factId, ...d.draft.bankFacts]);
			const cited = await db.select().from(fact).where(inArray(fact.id, d.draft.bankFacts));
			expect(cited).toHaveLength(d.draft.bankFacts.length);
			// The bank's facts stay the bank's (no owner); the new one is the teacher's, quoting the article exactly.
			expect(cited.every((f) => f.ownerId === null)).toBe(true);
			const [own] = await db.select().from(fact).where(eq(fact.id, factId));
			expect(own).toMatchObject({
				articleSlug: slug,
				ownerId: teacher.id,
				quote: d.draft.quote,
				spanStart: d.draft.span.start,
				spanEnd: d.draft.span.end
			});
			expect(TEXT.slice(own.spanStart, own.spanEnd).replace(/\s+/gu, ' ')).toBe(d.draft.quote);
		}
	});

	test('a draft is rejected with a reason from the list (a note needed for “other”), listed so, and restored as it was', async () => {
		// The same article added again: a new one, with drafts of its own that nothing has decided yet.
		const { slug: own } = await addTeacherArticle(db, teacher.id, INPUT);
		const [first, second] = (await getTeacherArticle(db, teacher.id, own)).drafts;
		const row = async (id: number) =>
			(await getTeacherArticle(db, teacher.id, own)).drafts.find((d) => d.id === id)!;

		// A missing or unknown reason, or "other" with no note, is refused with what to fix; nothing changes.
		const noNote = await refusal(rejectDraft(db, teacher.id, own, first.id, { reason: 'other' }));
		expect([noNote.status, noNote.message]).toEqual([
			400,
			'Say in the note why you reject it (the reason “Other” needs one).'
		]);
		const unknown = await refusal(
			rejectDraft(db, teacher.id, own, first.id, { reason: 'boring' } as never)
		);
		expect([unknown.status, unknown.message]).toEqual([400, 'Choose why you reject this draft.']);
		expect(await row(first.id)).toMatchObject({
			status: 'pending',
			rejectReason: null,
			rejectNote: null
		});

		await rejectDraft(db, teacher.id, own, first.id, {
			reason: 'wrong_key',
			note: '  The key is Niger. '
		});
		expect(await row(first.id)).toMatchObject({
			status: 'rejected',
			rejectReason: 'wrong_key',
			rejectNote: 'The key is Niger.'
		});
		expect((await row(first.id)).decidedAt).toBeInstanceOf(Date);
		expect(
			(await refusal(rejectDraft(db, teacher.id, own, first.id, { reason: 'too_easy' }))).status
		).toBe(400);
		expect((await listTeacherArticles(db, teacher.id)).find((a) => a.slug === own)?.rejected).toBe(
			1
		);

		// Restored: waiting again, its reason forgotten, and it can be accepted.
		await restoreDraft(db, teacher.id, own, first.id);
		expect(await row(first.id)).toMatchObject({
			status: 'pending',
			rejectReason: null,
			rejectNote: null,
			decidedAt: null
		});
		expect((await refusal(restoreDraft(db, teacher.id, own, first.id))).message).toBe(
			'This draft is waiting already.'
		);
		await acceptDraft(db, teacher.id, own, second.id);
		expect((await refusal(restoreDraft(db, teacher.id, own, second.id))).status).toBe(400);
		expect((await row(second.id)).status).toBe('accepted');

		// Several at once, for one reason: all of them, or none when one was decided already.
		const [, , third, fourth] = (await getTeacherArticle(db, teacher.id, own)).drafts;
		const late = await refusal(
			rejectDrafts(db, teacher.id, own, [third.id, second.id], { reason: 'duplicate' })
		);
		expect([late.status, late.message]).toEqual([
			400,
			`Draft ${second.position} was accepted already: nothing was rejected.`
		]);
		expect((await row(third.id)).status).toBe('pending');
		expect(
			(await refusal(rejectDrafts(db, teacher.id, own, [], { reason: 'duplicate' }))).status
		).toBe(400);
		expect(
			(await refusal(rejectDrafts(db, otherTeacher.id, own, [third.id], { reason: 'duplicate' })))
				.status
		).toBe(404);
		await rejectDrafts(db, teacher.id, own, [third.id, fourth.id, third.id], {
			reason: 'duplicate',
			note: 'Same as draft 1.'
		});
		for (const id of [third.id, fourth.id])
			expect(await row(id)).toMatchObject({
				status: 'rejected',
				rejectReason: 'duplicate',
				rejectNote: 'Same as draft 1.'
			});

		// The database keeps a reason to rejected drafts only.
		await expect(
			db
				.update(articleDraft)
				.set({ rejectReason: 'duplicate' })
				.where(eq(articleDraft.id, first.id))
		).rejects.toThrow();
	});

	test('the review flags near-duplicates among the drafts and of the bank’s questions, and forgets a rejected one', async () => {
		const { slug: own } = await addTeacherArticle(db, teacher.id, INPUT);
		const review = await getDraftReview(db, teacher.id, own);
		const pairs = [...review.nearDuplicates].flatMap(([id, found]) =>
			found.filter((m) => m.of === 'draft').map((m) => [id, m.id] as const)
		);
		expect(pairs.length).toBeGreaterThan(0);
		// Reject the draft a flagged one repeats: the flag goes with it.
		const [flaggedId, originalId] = pairs[0];
		await rejectDraft(db, teacher.id, own, originalId, { reason: 'ungrammatical' });
		const after = await getDraftReview(db, teacher.id, own);
		expect((after.nearDuplicates.get(flaggedId) ?? []).map((m) => m.id)).not.toContain(originalId);
		expect(after.nearDuplicates.has(originalId)).toBe(false);

		// Lines of a bank article that its facts quote: the drafts are flagged as like the bank's questions. (Six facts'
		// lines: the first three's only gap asks a French town, and the bank's capitals of other countries are no
		// options for "the town of _____".)
		const source = bank.articles[0];
		const quoted = bank.facts.filter((f) => f.article === source.slug).slice(0, 6);
		const lines = source.text
			.split('\n')
			.filter((line) => quoted.some((f) => line.includes(f.quote.slice(0, 40))));
		expect(lines.length).toBeGreaterThan(0);
		const { slug: copy } = await addTeacherArticle(db, teacher.id, {
			// A title of its own: one naming the report's subject would leave its values unasked (not worth asking).
			title: 'Three passages copied from a report of the bank',
			publisher: null,
			eventDate: source.eventDate,
			text: lines.join('\n')
		});
		const copied = await getDraftReview(db, teacher.id, copy);
		const bankIds = new Set(bank.questions.map((q) => q.id));
		const ofBank = [...copied.nearDuplicates.values()].flat().filter((m) => m.of === 'bank');
		expect(ofBank.length).toBeGreaterThan(0);
		for (const m of ofBank) expect(bankIds.has(m.id as string)).toBe(true);
		// The test article, written for these tests, quotes no bank passage.
		expect(
			[...review.nearDuplicates.values()]
				.flat()
				.filter((m) => m.of === 'bank' && m.why !== 'same-question')
		).toEqual([]);
	}, 60_000);
});
