// Teachers' own articles: a teacher adds an article, the drafter (src/lib/drafting) proposes questions
// citing it, and the teacher edits, accepts or rejects each. An accepted draft becomes the teacher's own
// question (`t-…` id, as GIFT imports are) citing a fact of the new article with its exact span, so it is
// grounded like the bank's. Only the teacher who added an article sees it, its drafts and their keys;
// the students of their classes may read the article itself (the results page links a cited passage).
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { checkPassage } from '../../bank/cite.ts';
import {
	applyDraftEdit,
	DraftEditError,
	questionOfDraft,
	type DraftEdit
} from '../../drafting/accept.ts';
import { articleSlug, type ArticleInput } from '../../drafting/article-input.ts';
import {
	findNearDuplicates,
	type BankQuestionToCompare,
	type NearDuplicate
} from '../../drafting/near-duplicates.ts';
import { draftRejectionSchema, type DraftRejectionInput } from '../../drafting/review.ts';
import type { DraftingBank } from '../../drafting/types.ts';
import { slugify } from '../../gift/import.ts';
import { questionContentHash } from '../bank-sync.ts';
import type { Db } from '../db/index.ts';
import {
	article,
	articleDraft,
	classMember,
	fact,
	question,
	questionVersion,
	schoolClass,
	user
} from '../db/schema.ts';
import { RequestError } from '../errors.ts';
import { draftQuestionsOffThread } from './draft-off-thread.ts';
import { shortId } from './own-questions.ts';
import { editSetInTransaction, getTeacherSet } from './sets.ts';

const NOT_FOUND = 'No such article of yours.';

async function requireTeacherUser(db: Db, teacherId: string) {
	const [row] = await db.select({ role: user.role }).from(user).where(eq(user.id, teacherId));
	if (!row || row.role !== 'teacher')
		throw new RequestError(403, 'Only a teacher can add articles.');
}

/** The grounded bank the drafter draws wrong options and timeline events from: the files' articles and facts. */
export async function getDraftingBank(db: Db): Promise<DraftingBank> {
	const [articles, facts, questions] = await Promise.all([
		db
			.select({
				slug: article.slug,
				title: article.title,
				eventDate: article.eventDate,
				text: article.text,
				furniture: article.furniture
			})
			.from(article)
			.where(isNull(article.ownerId)),
		db
			.select({
				id: fact.id,
				article: fact.articleSlug,
				quote: fact.quote,
				value: fact.value,
				event: fact.event
			})
			.from(fact)
			.where(isNull(fact.ownerId)),
		db
			.select({
				id: question.id,
				prompt: sql<string>`${questionVersion.body}->>'prompt'`,
				facts: questionVersion.factIds,
				items: sql<{ text: string }[] | null>`${questionVersion.body}->'items'`
			})
			.from(question)
			.innerJoin(questionVersion, eq(question.currentVersionId, questionVersion.id))
			.where(and(eq(question.active, true), isNull(question.ownerId)))
	]);
	return {
		articles,
		facts: facts.map((f) => ({ ...f, value: f.value ?? undefined, event: f.event ?? undefined })),
		questions: questions.map((q) => ({ ...q, items: q.items ?? undefined }))
	};
}

/** Adds `input` as `teacherId`'s article and stores the drafts proposed from it; returns its slug. */
export async function addTeacherArticle(
	db: Db,
	teacherId: string,
	input: ArticleInput & { fileName?: string }
) {
	await requireTeacherUser(db, teacherId);
	const slug = `t-${articleSlug(input.title, shortId())}`;
	const bank = await getDraftingBank(db);
	// Off the request thread, with a time cap: nobody else's request waits for it.
	const drafts = await draftQuestionsOffThread(
		{
			slug,
			title: input.title,
			publisher: input.publisher,
			eventDate: input.eventDate,
			text: input.text,
			furniture: []
		},
		bank
	);
	await db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		await tx.insert(article).values({
			slug,
			file: input.fileName ?? 'pasted text',
			title: input.title,
			publisher: input.publisher,
			eventDate: input.eventDate,
			text: input.text,
			furniture: [],
			ownerId: teacherId
		});
		if (drafts.length)
			await tx
				.insert(articleDraft)
				.values(drafts.map((d, i) => ({ articleSlug: slug, position: i + 1, draft: d })));
	});
	return { slug, drafts: drafts.length };
}

export async function listTeacherArticles(db: Db, teacherId: string) {
	const rows = await db
		.select({
			slug: article.slug,
			title: article.title,
			publisher: article.publisher,
			eventDate: article.eventDate,
			createdAt: article.createdAt
		})
		.from(article)
		.where(eq(article.ownerId, teacherId))
		.orderBy(asc(article.createdAt), asc(article.slug));
	const counts = rows.length
		? await db
				.select({ slug: articleDraft.articleSlug, status: articleDraft.status, n: count() })
				.from(articleDraft)
				.where(
					inArray(
						articleDraft.articleSlug,
						rows.map((r) => r.slug)
					)
				)
				.groupBy(articleDraft.articleSlug, articleDraft.status)
		: [];
	return rows.map((r) => {
		const of = (status: string) =>
			counts.find((c) => c.slug === r.slug && c.status === status)?.n ?? 0;
		return { ...r, pending: of('pending'), accepted: of('accepted'), rejected: of('rejected') };
	});
}

/** The teacher's article with its drafts; someone else's (or none) is a 404. */
export async function getTeacherArticle(db: Db, teacherId: string, slug: string) {
	const [row] = await db.select().from(article).where(eq(article.slug, slug));
	if (!row || row.ownerId !== teacherId) throw new RequestError(404, NOT_FOUND);
	const drafts = await db
		.select()
		.from(articleDraft)
		.where(eq(articleDraft.articleSlug, slug))
		.orderBy(asc(articleDraft.position));
	return { article: row, drafts };
}

/** The bank's questions with the quotes and values of the facts they cite: what drafts are compared with. */
export async function getBankQuestionsToCompare(db: Db): Promise<BankQuestionToCompare[]> {
	const [questions, facts] = await Promise.all([
		db
			.select({ body: questionVersion.body })
			.from(question)
			.innerJoin(questionVersion, eq(question.currentVersionId, questionVersion.id))
			.where(and(eq(question.active, true), isNull(question.ownerId))),
		db
			.select({ id: fact.id, quote: fact.quote, value: fact.value })
			.from(fact)
			.where(isNull(fact.ownerId))
	]);
	const factById = new Map(facts.map((f) => [f.id, f]));
	return questions.map(({ body }) => ({
		id: body.id,
		question: body,
		facts: body.facts.flatMap((id) => {
			const f = factById.get(id);
			return f ? [{ quote: f.quote, value: f.value ?? undefined }] : [];
		})
	}));
}

/**
 * The teacher's article for review: its drafts, and for each draft still waiting the drafts and bank
 * questions it nearly duplicates (src/lib/drafting/near-duplicates.ts), so the extras can go first.
 */
export async function getDraftReview(db: Db, teacherId: string, slug: string) {
	const [own, bank] = await Promise.all([
		getTeacherArticle(db, teacherId, slug),
		getBankQuestionsToCompare(db)
	]);
	const nearDuplicates: Map<number, NearDuplicate[]> = findNearDuplicates(
		own.drafts.map((d) => ({
			id: d.id,
			number: d.position,
			status: d.status,
			quote: d.draft.quote,
			span: d.draft.span,
			value: d.draft.value,
			question: d.draft.question,
			similarTo: d.draft.similarTo,
			timeline: d.draft.kind === 'timeline'
		})),
		bank
	);
	return { ...own, nearDuplicates };
}

async function lockDraft(tx: Db, teacherId: string, slug: string, draftId: number) {
	const [a] = await tx
		.select({
			ownerId: article.ownerId,
			text: article.text,
			title: article.title,
			furniture: article.furniture
		})
		.from(article)
		.where(eq(article.slug, slug));
	if (!a || a.ownerId !== teacherId) throw new RequestError(404, NOT_FOUND);
	const [row] = await tx
		.select()
		.from(articleDraft)
		.where(and(eq(articleDraft.id, draftId), eq(articleDraft.articleSlug, slug)))
		.for('update');
	if (!row) throw new RequestError(404, 'No such draft.');
	return { article: { ...a, slug }, row };
}

function editOrRefuse<T>(work: () => T): T {
	try {
		return work();
	} catch (e) {
		if (e instanceof DraftEditError) throw new RequestError(400, e.message);
		throw e;
	}
}

/** Saves the teacher's edits to a pending draft (accepted and rejected ones are settled). */
export async function saveDraftEdit(
	db: Db,
	teacherId: string,
	slug: string,
	draftId: number,
	edit: DraftEdit
) {
	await db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		const { row } = await lockDraft(tx, teacherId, slug, draftId);
		if (row.status !== 'pending')
			throw new RequestError(400, `This draft was ${row.status} already.`);
		const next = editOrRefuse(() => applyDraftEdit(row.draft, edit));
		// Check it would make a valid question now, not only when accepted.
		editOrRefuse(() => questionOfDraft(next, 't-check', ['t-fact-check', ...next.bankFacts]));
		await tx.update(articleDraft).set({ draft: next }).where(eq(articleDraft.id, draftId));
	});
}

/**
 * Accepts a draft (with the teacher's edits, if any): a fact of the article citing the draft's quote
 * with its exact span (checked again, as a pasted citation would be), the teacher's own question citing
 * it and the bank facts it also rests on, and with `setId` the question added to that set. One transaction.
 */
export async function acceptDraft(
	db: Db,
	teacherId: string,
	slug: string,
	draftId: number,
	options: { edit?: DraftEdit; setId?: string } = {}
) {
	return db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		const { article: a, row } = await lockDraft(tx, teacherId, slug, draftId);
		if (row.status !== 'pending')
			throw new RequestError(400, `This draft was ${row.status} already.`);
		if (options.setId) await getTeacherSet(tx, teacherId, options.setId);
		const draft = options.edit
			? editOrRefuse(() => applyDraftEdit(row.draft, options.edit!))
			: row.draft;
		const checked = checkPassage(a, draft.quote);
		if (!checked.ok) throw new RequestError(400, checked.reason);
		if (checked.span.start !== draft.span.start || checked.span.end !== draft.span.end) {
			// The same words stand earlier in the article: cite the place the draft was made from.
			checked.span = draft.span;
		}
		if (draft.bankFacts.length) {
			const found = await tx
				.select({ id: fact.id })
				.from(fact)
				.where(and(inArray(fact.id, draft.bankFacts), isNull(fact.ownerId)));
			if (found.length !== draft.bankFacts.length)
				throw new RequestError(
					400,
					'An event of this timeline is no longer in the bank: reject this draft.'
				);
		}
		const key = shortId();
		const questionId = `t-${key}-${slugify(draft.question.prompt).slice(0, 40).replace(/-+$/u, '') || 'drafted'}`;
		const factId = `t-fact-${shortId(10)}`;
		const body = editOrRefuse(() =>
			questionOfDraft(draft, questionId, [factId, ...draft.bankFacts])
		);
		await tx.insert(fact).values({
			id: factId,
			articleSlug: slug,
			quote: checked.quote,
			value: draft.value ?? null,
			spanStart: checked.span.start,
			spanEnd: checked.span.end,
			ownerId: teacherId
		});
		await tx.insert(question).values({ id: questionId, ownerId: teacherId, active: true });
		const [version] = await tx
			.insert(questionVersion)
			.values({
				questionId,
				version: 1,
				contentHash: questionContentHash(body),
				type: body.type,
				difficulty: body.difficulty,
				tags: body.tags,
				factIds: body.facts,
				body
			})
			.returning({ id: questionVersion.id });
		await tx
			.update(question)
			.set({ currentVersionId: version.id })
			.where(eq(question.id, questionId));
		await tx
			.update(articleDraft)
			.set({ status: 'accepted', draft, questionId, decidedAt: new Date() })
			.where(eq(articleDraft.id, draftId));
		if (options.setId)
			await editSetInTransaction(tx, teacherId, options.setId, {
				kind: 'add',
				questionIds: [questionId]
			});
		return { questionId, factId };
	});
}

/** Rejects a pending draft, saying why; it stays listed as rejected, and may be restored. */
export async function rejectDraft(
	db: Db,
	teacherId: string,
	slug: string,
	draftId: number,
	rejection: DraftRejectionInput
) {
	await rejectDrafts(db, teacherId, slug, [draftId], rejection);
}

/**
 * Rejects several pending drafts of one article for one reason (the teacher's ticked near-duplicates):
 * all of them or, when one was decided already, none, saying which.
 */
export async function rejectDrafts(
	db: Db,
	teacherId: string,
	slug: string,
	draftIds: readonly number[],
	rejection: DraftRejectionInput
) {
	const why = draftRejectionSchema.safeParse(rejection);
	if (!why.success) throw new RequestError(400, why.error.issues[0].message);
	const ids = [...new Set(draftIds)].sort((a, b) => a - b);
	if (!ids.length) throw new RequestError(400, 'Tick the drafts to reject.');
	await db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		for (const draftId of ids) {
			const { row } = await lockDraft(tx, teacherId, slug, draftId);
			if (row.status !== 'pending')
				throw new RequestError(
					400,
					ids.length === 1
						? `This draft was ${row.status} already.`
						: `Draft ${row.position} was ${row.status} already: nothing was rejected.`
				);
		}
		await tx
			.update(articleDraft)
			.set({
				status: 'rejected',
				decidedAt: new Date(),
				rejectReason: why.data.reason,
				rejectNote: why.data.note ?? null
			})
			.where(and(eq(articleDraft.articleSlug, slug), inArray(articleDraft.id, ids)));
	});
}

/** Puts a rejected draft back among those waiting, as it was before (its reason is forgotten). */
export async function restoreDraft(db: Db, teacherId: string, slug: string, draftId: number) {
	await db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		const { row } = await lockDraft(tx, teacherId, slug, draftId);
		if (row.status === 'pending') throw new RequestError(400, 'This draft is waiting already.');
		if (row.status === 'accepted')
			throw new RequestError(400, 'This draft was accepted already: it is one of your questions.');
		await tx
			.update(articleDraft)
			.set({ status: 'pending', decidedAt: null, rejectReason: null, rejectNote: null })
			.where(eq(articleDraft.id, draftId));
	});
}

/**
 * Whether `viewer` may read the article `slug`: the files' articles are public; a teacher's article is
 * for that teacher and the students of their classes (they answer its questions).
 */
export async function canReadArticle(
	db: Db,
	viewerId: string | null,
	slug: string
): Promise<{ ownerId: string | null } | null> {
	const [row] = await db
		.select({ ownerId: article.ownerId })
		.from(article)
		.where(eq(article.slug, slug));
	if (!row) return null;
	if (row.ownerId === null || row.ownerId === viewerId) return row;
	if (!viewerId) return null;
	const [member] = await db
		.select({ n: count() })
		.from(classMember)
		.innerJoin(schoolClass, eq(schoolClass.id, classMember.classId))
		.where(and(eq(classMember.userId, viewerId), eq(schoolClass.teacherId, row.ownerId)));
	return member.n > 0 ? row : null;
}
