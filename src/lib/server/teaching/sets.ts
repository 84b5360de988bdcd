// Question sets: a teacher picks questions from the bank by hand or by rule. A set pins the versions it
// was built with, so an edit to the bank never changes an assignment under the students' feet; the
// builder shows when a newer version exists and lets the teacher take it.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Question, QuestionType } from '../../bank/types.ts';
import { generateQuiz, type QuizFilters } from '../../quiz/generate.ts';
import { getCurrentBank } from '../db/queries/bank.ts';
import type { Db } from '../db/index.ts';
import {
	article,
	fact,
	question,
	questionSet,
	questionSetItem,
	questionVersion
} from '../db/schema.ts';
import { RequestError } from '../errors.ts';

export const MAX_SET_SIZE = 60;

export type BankSearch = {
	/** The teacher searching: their own questions are found too (nobody else's). */
	teacherId?: string;
	/** Only the file bank, or only the teacher's own questions; both when absent. */
	source?: 'bank' | 'mine';
	text?: string;
	article?: string;
	tag?: string;
	type?: QuestionType;
	minDifficulty?: number;
	/** Leave out the questions already in this set. */
	notInSet?: string;
};

/** Questions `teacherId` may see and use: the file bank's and their own. */
export function visibleTo(teacherId: string | undefined) {
	return teacherId
		? or(isNull(question.ownerId), eq(question.ownerId, teacherId))!
		: isNull(question.ownerId);
}

/**
 * The bank as a teacher browses it: current versions, answer keys and quotes included, with the
 * teacher's own questions (`ownerId` set; not yet cited while their body has no facts).
 */
export async function searchBank(db: Db, search: BankSearch, limit = 200) {
	const conditions = [eq(question.active, true), visibleTo(search.teacherId)];
	if (search.source === 'bank') conditions.push(isNull(question.ownerId));
	if (search.source === 'mine')
		conditions.push(search.teacherId ? eq(question.ownerId, search.teacherId) : sql`false`);
	if (search.tag) conditions.push(sql`${search.tag} = any(${questionVersion.tags})`);
	if (search.type) conditions.push(eq(questionVersion.type, search.type));
	if (search.minDifficulty)
		conditions.push(sql`${questionVersion.difficulty} >= ${search.minDifficulty}`);
	if (search.notInSet)
		conditions.push(
			sql`not exists (select 1 from ${questionSetItem} i join ${questionVersion} v on v.id = i.question_version_id
				where i.set_id = ${search.notInSet} and v.question_id = ${question.id})`
		);
	if (search.article) {
		conditions.push(
			sql`exists (select 1 from ${fact} where ${fact.id} = any(${questionVersion.factIds}) and ${fact.articleSlug} = ${search.article})`
		);
	}
	const select = (where: SQL | undefined, order: SQL[]) =>
		db
			.select({
				versionId: questionVersion.id,
				version: questionVersion.version,
				body: questionVersion.body,
				ownerId: question.ownerId
			})
			.from(question)
			.innerJoin(questionVersion, eq(question.currentVersionId, questionVersion.id))
			.where(where)
			.orderBy(...order)
			.limit(limit);
	const text = search.text?.trim();
	if (!text) return withQuotes(db, await select(and(...conditions), [asc(question.id)]));
	// Every word must be found somewhere in the question (so more words narrow the list); when no question
	// has them all, those with any of them, best first, rather than nothing.
	const all = sql`websearch_to_tsquery('english', ${text})`;
	let rows = await select(and(...conditions, sql`${searchDocument} @@ ${all}`), [
		desc(sql`ts_rank(${searchDocument}, ${all})`),
		asc(question.id)
	]);
	if (rows.length === 0) {
		const any = sql`to_tsquery('english', ${anyWordQuery(text)})`;
		if (anyWordQuery(text))
			rows = await select(and(...conditions, sql`${searchDocument} @@ ${any}`), [
				desc(sql`ts_rank(${searchDocument}, ${any})`),
				asc(question.id)
			]);
	}
	return withQuotes(db, rows);
}

/**
 * What a teacher's words are matched against, weighted for the ranking: the prompt first (A), then the
 * options, ordering items, accepted answers and explanation (B), the topic tags (C), and the cited quotes
 * with their articles' titles (D). English stemming: "withdraw" finds "withdrawal".
 */
const searchDocument = sql`(
	setweight(to_tsvector('english', coalesce(${questionVersion.body}->>'prompt', '')), 'A') ||
	setweight(to_tsvector('english',
		coalesce((select string_agg(o->>'text', ' ') from jsonb_array_elements(coalesce(${questionVersion.body}->'options', ${questionVersion.body}->'items', '[]'::jsonb)) o), '') || ' ' ||
		coalesce((select string_agg(t, ' ') from jsonb_array_elements_text(coalesce(${questionVersion.body}->'accepted', '[]'::jsonb)) t), '') || ' ' ||
		coalesce(${questionVersion.body}->>'explanation', '')), 'B') ||
	setweight(to_tsvector('english', replace(array_to_string(${questionVersion.tags}, ' '), '-', ' ')), 'C') ||
	setweight(to_tsvector('english', coalesce((select string_agg(f.quote || ' ' || a.title, ' ')
		from ${fact} f join ${article} a on a.slug = f.article_slug
		where f.id = any(${questionVersion.factIds})), '')), 'D')
)`;

/** "Barkhane troops" as "barkhane | troops" for to_tsquery: letters and digits only, so nothing is syntax. */
function anyWordQuery(text: string): string {
	return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 20).join(' | ');
}

async function withQuotes<T extends { body: Question }>(db: Db, rows: T[]) {
	const factIds = [...new Set(rows.flatMap((r) => r.body.facts))];
	const facts = factIds.length
		? await db
				.select({ id: fact.id, quote: fact.quote, articleSlug: fact.articleSlug })
				.from(fact)
				.where(inArray(fact.id, factIds))
		: [];
	const byId = new Map(facts.map((f) => [f.id, f]));
	return rows.map((r) => ({
		...r,
		quotes: r.body.facts.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
	}));
}

export async function listSets(db: Db, teacherId: string) {
	return db
		.select({
			id: questionSet.id,
			name: questionSet.name,
			updatedAt: questionSet.updatedAt,
			size: sql<number>`(select count(*)::int from ${questionSetItem} where ${questionSetItem.setId} = ${questionSet.id})`
		})
		.from(questionSet)
		.where(eq(questionSet.teacherId, teacherId))
		.orderBy(desc(questionSet.updatedAt));
}

export async function getTeacherSet(db: Db, teacherId: string, setId: string) {
	const [row] = await db
		.select()
		.from(questionSet)
		.where(and(eq(questionSet.id, setId), eq(questionSet.teacherId, teacherId)));
	if (!row) throw new RequestError(404, 'No such question set.');
	return row;
}

/** A set's questions in order, with the pinned version, the current one, and the cited quotes. */
export async function getSetItems(db: Db, setId: string) {
	const rows = await db
		.select({
			position: questionSetItem.position,
			versionId: questionVersion.id,
			version: questionVersion.version,
			body: questionVersion.body,
			currentVersionId: question.currentVersionId,
			active: question.active,
			ownerId: question.ownerId
		})
		.from(questionSetItem)
		.innerJoin(questionVersion, eq(questionVersion.id, questionSetItem.questionVersionId))
		.innerJoin(question, eq(question.id, questionVersion.questionId))
		.where(eq(questionSetItem.setId, setId))
		.orderBy(asc(questionSetItem.position));
	const items = await withQuotes(db, rows);
	return items.map((r) => ({ ...r, newerVersion: r.active && r.currentVersionId !== r.versionId }));
}

/** Replaces a set's items with these version ids, in this order (one transaction). */
async function writeItems(tx: Db, setId: string, versionIds: number[]) {
	if (versionIds.length > MAX_SET_SIZE)
		throw new RequestError(400, `A set holds at most ${MAX_SET_SIZE} questions.`);
	if (new Set(versionIds).size !== versionIds.length)
		throw new RequestError(400, 'A question is in the set twice.');
	await tx.delete(questionSetItem).where(eq(questionSetItem.setId, setId));
	if (versionIds.length) {
		await tx
			.insert(questionSetItem)
			.values(
				versionIds.map((questionVersionId, position) => ({ setId, position, questionVersionId }))
			);
	}
	await tx.update(questionSet).set({ updatedAt: new Date() }).where(eq(questionSet.id, setId));
}

export async function createSet(db: Db, teacherId: string, name: string) {
	const id = randomUUID();
	await db.insert(questionSet).values({ id, teacherId, name });
	return { id };
}

export async function renameSet(db: Db, teacherId: string, setId: string, name: string) {
	await getTeacherSet(db, teacherId, setId);
	await db
		.update(questionSet)
		.set({ name, updatedAt: new Date() })
		.where(eq(questionSet.id, setId));
}

export type SetEdit =
	| { kind: 'add'; questionIds: string[] }
	| { kind: 'remove'; position: number }
	| { kind: 'move'; position: number; by: -1 | 1 }
	| { kind: 'update-version'; position: number }
	| { kind: 'add-rule'; filters: QuizFilters; seed: string };

/** Every change to a set's items goes through here: read, change the list, write it back, atomically. */
export async function editSet(db: Db, teacherId: string, setId: string, edit: SetEdit) {
	return db.transaction(async (tx) =>
		editSetInTransaction(tx as unknown as Db, teacherId, setId, edit)
	);
}

/** editSet's work inside a transaction the caller holds (an import adds its questions in its own). */
export async function editSetInTransaction(
	tx: Db,
	teacherId: string,
	setId: string,
	edit: SetEdit
) {
	await getTeacherSet(tx, teacherId, setId);
	const items = await tx
		.select({
			versionId: questionSetItem.questionVersionId,
			questionId: questionVersion.questionId,
			current: question.currentVersionId
		})
		.from(questionSetItem)
		.innerJoin(questionVersion, eq(questionVersion.id, questionSetItem.questionVersionId))
		.innerJoin(question, eq(question.id, questionVersion.questionId))
		.where(eq(questionSetItem.setId, setId))
		.orderBy(asc(questionSetItem.position))
		.for('update');
	const versionIds = items.map((i) => i.versionId);
	const inSet = new Set(items.map((i) => i.questionId));
	const at = (position: number) => {
		if (!Number.isInteger(position) || position < 0 || position >= items.length)
			throw new RequestError(400, 'No question at that place in the set.');
		return position;
	};
	let added = 0;
	switch (edit.kind) {
		case 'add':
		case 'add-rule': {
			let ids: string[];
			if (edit.kind === 'add') ids = edit.questionIds;
			else {
				const { bank } = await getCurrentBank(tx);
				// The rule draws from questions not yet in the set.
				const rest = { ...bank, questions: bank.questions.filter((q) => !inSet.has(q.id)) };
				ids = generateQuiz(rest, edit.filters, edit.seed);
				if (ids.length === 0)
					throw new RequestError(400, 'No question outside the set matches this rule.');
			}
			const fresh = ids.filter((id) => !inSet.has(id));
			if (fresh.length) {
				const current = await tx
					.select({ id: question.id, versionId: question.currentVersionId })
					.from(question)
					.where(and(inArray(question.id, fresh), eq(question.active, true), visibleTo(teacherId)));
				if (current.length !== new Set(fresh).size)
					throw new RequestError(400, 'One of these questions is not in the bank.');
				const versionOf = new Map(current.map((c) => [c.id, c.versionId!]));
				for (const id of fresh) versionIds.push(versionOf.get(id)!);
			}
			added = fresh.length;
			break;
		}
		case 'remove':
			versionIds.splice(at(edit.position), 1);
			break;
		case 'move': {
			const from = at(edit.position);
			const to = from + edit.by;
			if (to < 0 || to >= versionIds.length) break;
			[versionIds[from], versionIds[to]] = [versionIds[to], versionIds[from]];
			break;
		}
		case 'update-version': {
			const item = items[at(edit.position)];
			if (item.current) versionIds[edit.position] = item.current;
			break;
		}
	}
	await writeItems(tx, setId, versionIds);
	return { added, size: versionIds.length };
}
