// A teacher's own questions: imported from GIFT (Moodle's text format), owned by that teacher, "not yet
// cited" until the teacher attaches an article passage to them. They are versioned like the file bank's
// questions (the body is our Question type, with `facts: []` until cited) and have ids of their own
// (`t-<shortid>-<slug>`, a prefix the bank files may not use), so they never collide with the bank's.
// The bank sync never retires them, practice never draws them, and only their teacher finds them.
import { randomInt } from 'node:crypto';
import { and, count, eq, inArray, like, max, sql } from 'drizzle-orm';
import { checkPassage } from '../../bank/cite.ts';
import type { Question } from '../../bank/types.ts';
import { importGift, type GiftProblem, type ImportedQuestion } from '../../gift/import.ts';
import { questionContentHash } from '../bank-sync.ts';
import type { Db } from '../db/index.ts';
import {
	article,
	fact,
	question,
	questionSet,
	questionSetItem,
	questionVersion,
	user
} from '../db/schema.ts';
import { RequestError } from '../errors.ts';
import { editSetInTransaction, getTeacherSet, MAX_SET_SIZE } from './sets.ts';

/** The largest GIFT file the app and the CLI take. */
export const MAX_GIFT_BYTES = 1024 * 1024;

const SHORT_ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A short random id of lowercase letters and digits (no 0/o, 1/l): `t-<it>-…` names one import. */
export function shortId(length = 6): string {
	let out = '';
	for (let i = 0; i < length; i++) out += SHORT_ID_ALPHABET[randomInt(SHORT_ID_ALPHABET.length)];
	return out;
}

/** The question as we store it: our Question type, without what GIFT said beyond it. */
export function toQuestion(q: ImportedQuestion): Question {
	const base = {
		id: q.id,
		prompt: q.prompt,
		explanation: q.explanation,
		facts: [] as string[],
		tags: q.tags,
		difficulty: q.difficulty
	};
	switch (q.type) {
		case 'single':
		case 'multiple':
			return { ...base, type: q.type, options: q.options };
		case 'true_false':
			return { ...base, type: 'true_false', answer: q.answer };
		case 'numeric':
			return { ...base, type: 'numeric', answer: q.answer, tolerance: q.tolerance, unit: q.unit };
		case 'short_text':
			return { ...base, type: 'short_text', accepted: q.accepted };
		case 'ordering':
			return { ...base, type: 'ordering', items: q.items };
	}
}

export type ImportReport = {
	/** The questions saved, in file order, with the line each starts on and what GIFT said that we dropped. */
	imported: { id: string; prompt: string; line: number; notes: string[] }[];
	/** What could not be imported, with its line and the reason. */
	problems: GiftProblem[];
	/** How many of them went into the set (all of them when a set was given). */
	addedToSet: number;
};

async function requireTeacherUser(db: Db, teacherId: string) {
	const [row] = await db.select({ role: user.role }).from(user).where(eq(user.id, teacherId));
	if (!row || row.role !== 'teacher')
		throw new RequestError(403, 'Only a teacher can have questions of their own.');
}

/** A short id no question id starts with yet (a clash is unlikely; checking makes it impossible). */
async function freshImportPrefix(db: Db): Promise<string> {
	for (;;) {
		const prefix = `t-${shortId()}`;
		const [{ n }] = await db
			.select({ n: count() })
			.from(question)
			.where(like(question.id, `${prefix}-%`));
		if (n === 0) return prefix;
	}
}

/**
 * Imports a GIFT file as `teacherId`'s own questions, not yet cited; with `setId`, adds them to the end of
 * that set (the teacher's). Everything importable is written in one transaction: if any write fails,
 * nothing is saved, and if the set has no room for them all, nothing is imported. What cannot be
 * imported is reported with its line; the rest still imports.
 */
export async function importGiftQuestions(
	db: Db,
	teacherId: string,
	text: string,
	options: { setId?: string; idPrefix?: string } = {}
): Promise<ImportReport> {
	// Postgres cannot store a NUL in text: say where it is rather than fail in the middle of the write.
	const nul = text.indexOf('\u0000');
	if (nul >= 0)
		throw new RequestError(
			400,
			`line ${text.slice(0, nul).split('\n').length}: the file contains a NUL character; a GIFT file is plain text. Save it again as UTF-8 text.`
		);
	return db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		await requireTeacherUser(tx, teacherId);
		if (options.setId) await getTeacherSet(tx, teacherId, options.setId);
		const prefix = options.idPrefix ?? (await freshImportPrefix(tx));
		const parsed = importGift(text, { idPrefix: prefix });
		const report: ImportReport = {
			imported: parsed.questions.map((q) => ({
				id: q.id,
				prompt: q.prompt,
				line: q.line,
				notes: q.notes
			})),
			problems: parsed.problems,
			addedToSet: 0
		};
		if (parsed.questions.length === 0) return report;

		if (options.setId) {
			const [{ n }] = await tx
				.select({ n: count() })
				.from(questionSetItem)
				.where(eq(questionSetItem.setId, options.setId));
			const room = MAX_SET_SIZE - n;
			if (parsed.questions.length > room)
				throw new RequestError(
					400,
					`The file has ${parsed.questions.length} questions to import and the set has room for ${room} (a set holds at most ${MAX_SET_SIZE}): nothing was imported. Import into a new set, or split the file.`
				);
		}

		const bodies = parsed.questions.map(toQuestion);
		await tx
			.insert(question)
			.values(bodies.map((q) => ({ id: q.id, ownerId: teacherId, active: true })));
		await tx.insert(questionVersion).values(
			bodies.map((q) => ({
				questionId: q.id,
				version: 1,
				contentHash: questionContentHash(q),
				type: q.type,
				difficulty: q.difficulty,
				tags: q.tags,
				factIds: q.facts,
				body: q
			}))
		);
		const ids = bodies.map((q) => q.id);
		// Each new question has exactly one version: make it the current one.
		await tx
			.update(question)
			.set({
				currentVersionId: sql`(select ${questionVersion.id} from ${questionVersion} where ${questionVersion.questionId} = ${question.id})`
			})
			.where(inArray(question.id, ids));
		if (options.setId) {
			const added = await editSetInTransaction(tx, teacherId, options.setId, {
				kind: 'add',
				questionIds: ids
			});
			report.addedToSet = added.added;
		}
		return report;
	});
}

/** The teacher account a CLI import names by email. */
export async function findTeacherByEmail(db: Db, email: string) {
	const [row] = await db
		.select({ id: user.id, role: user.role, email: user.email })
		.from(user)
		.where(eq(sql`lower(${user.email})`, email.trim().toLowerCase()));
	if (!row) throw new RequestError(404, `No account with the email ${email}.`);
	if (row.role !== 'teacher') throw new RequestError(403, `${row.email} is not a teacher.`);
	return row;
}

export type CiteInput = {
	questionId: string;
	articleSlug: string;
	passage: string;
	setId?: string;
};

/**
 * Attaches an article passage to one of the teacher's own questions: the passage must be the article's
 * own words (findQuote: only whitespace and quote style may differ) and not page furniture. A fact
 * `t-fact-<shortid>` is created and a new version of the question cites it. With `setId`, that set's
 * item moves to the new version (the key and the prompt are unchanged; attempts keep the version they
 * served). Refusals are RequestError 400 with a message for the teacher; someone else's question is 404.
 */
export async function citeOwnQuestion(db: Db, teacherId: string, input: CiteInput) {
	return db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		if (input.setId) await getTeacherSet(tx, teacherId, input.setId);
		const [q] = await tx
			.select({
				id: question.id,
				ownerId: question.ownerId,
				currentVersionId: question.currentVersionId
			})
			.from(question)
			.where(eq(question.id, input.questionId))
			.for('update');
		if (!q || q.ownerId !== teacherId || q.currentVersionId === null)
			throw new RequestError(404, 'No such question of yours.');
		const [current] = await tx
			.select({ body: questionVersion.body })
			.from(questionVersion)
			.where(eq(questionVersion.id, q.currentVersionId));
		const [a] = await tx
			.select({
				slug: article.slug,
				title: article.title,
				text: article.text,
				furniture: article.furniture,
				ownerId: article.ownerId
			})
			.from(article)
			.where(eq(article.slug, input.articleSlug));
		if (!a) throw new RequestError(400, 'Choose the article the passage comes from.');
		// Another teacher's article is theirs: to anyone else it does not exist (and its text is not checked).
		if (a.ownerId !== null && a.ownerId !== teacherId)
			throw new RequestError(404, 'No such article.');
		const checked = checkPassage(a, input.passage);
		if (!checked.ok) throw new RequestError(400, checked.reason);

		const body = current.body;
		if (body.facts.length) {
			const cited = await tx
				.select({ id: fact.id })
				.from(fact)
				.where(
					and(
						inArray(fact.id, body.facts),
						eq(fact.articleSlug, a.slug),
						eq(fact.spanStart, checked.span.start),
						eq(fact.spanEnd, checked.span.end)
					)
				);
			if (cited.length) throw new RequestError(400, 'The question already cites this passage.');
		}

		const factId = `t-fact-${shortId(10)}`;
		await tx.insert(fact).values({
			id: factId,
			articleSlug: a.slug,
			quote: checked.quote,
			value: null,
			spanStart: checked.span.start,
			spanEnd: checked.span.end,
			ownerId: teacherId
		});
		const next: Question = { ...body, facts: [...body.facts, factId] };
		const [{ latest }] = await tx
			.select({ latest: max(questionVersion.version) })
			.from(questionVersion)
			.where(eq(questionVersion.questionId, q.id));
		const [inserted] = await tx
			.insert(questionVersion)
			.values({
				questionId: q.id,
				version: (latest ?? 0) + 1,
				contentHash: questionContentHash(next),
				type: next.type,
				difficulty: next.difficulty,
				tags: next.tags,
				factIds: next.facts,
				body: next
			})
			.returning({ id: questionVersion.id, version: questionVersion.version });
		await tx.update(question).set({ currentVersionId: inserted.id }).where(eq(question.id, q.id));
		if (input.setId) {
			await tx
				.update(questionSetItem)
				.set({ questionVersionId: inserted.id })
				.where(
					and(
						eq(questionSetItem.setId, input.setId),
						sql`${questionSetItem.questionVersionId} in (select ${questionVersion.id} from ${questionVersion} where ${questionVersion.questionId} = ${q.id})`
					)
				);
			await tx
				.update(questionSet)
				.set({ updatedAt: new Date() })
				.where(eq(questionSet.id, input.setId));
		}
		return { factId, quote: checked.quote, versionId: inserted.id, version: inserted.version };
	});
}
