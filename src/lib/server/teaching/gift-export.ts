// GIFT export of a set or of the bank a teacher sees: exportGift (src/lib/gift/export.ts) with each
// question's cited quotes in its general feedback.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Question } from '../../bank/types.ts';
import { exportGift, GiftExportError } from '../../gift/export.ts';
import type { Db } from '../db/index.ts';
import { fact, question, questionVersion } from '../db/schema.ts';
import { getSetItems, getTeacherSet, visibleTo } from './sets.ts';

async function quotesOf(db: Db, questions: Question[]): Promise<Map<string, string[]>> {
	const ids = [...new Set(questions.flatMap((q) => q.facts))];
	const rows = ids.length
		? await db.select({ id: fact.id, quote: fact.quote }).from(fact).where(inArray(fact.id, ids))
		: [];
	const quote = new Map(rows.map((r) => [r.id, r.quote]));
	return new Map(
		questions.map((q) => [q.id, q.facts.flatMap((id) => (quote.has(id) ? [quote.get(id)!] : []))])
	);
}

/**
 * The questions as GIFT. The rare question GIFT cannot write (a "->" in an ordering item or an accepted
 * answer) is left out and named in a comment at the top, rather than failing the whole file.
 */
export function giftOf(questions: Question[], quotes: Map<string, string[]>): string {
	const kept: Question[] = [];
	const left: string[] = [];
	for (const q of questions) {
		try {
			exportGift([q], quotes);
			kept.push(q);
		} catch (e) {
			if (!(e instanceof GiftExportError)) throw e;
			left.push(`// Left out: ${e.message}`);
		}
	}
	const text = exportGift(kept, quotes);
	return left.length ? `${left.join('\n')}\n${text}` : text;
}

/** A set as GIFT: the versions the set pins, in the set's order. */
export async function exportSetAsGift(db: Db, teacherId: string, setId: string) {
	const set = await getTeacherSet(db, teacherId, setId);
	const items = await getSetItems(db, set.id);
	const questions = items.map((i) => i.body);
	return { name: set.name, text: giftOf(questions, await quotesOf(db, questions)) };
}

/**
 * The bank as the teacher sees it, as GIFT: the current versions of the file bank's active questions and
 * of the teacher's own ('all'), or only one of the two.
 */
export async function exportBankAsGift(
	db: Db,
	teacherId: string,
	scope: 'all' | 'bank' | 'mine' = 'all'
) {
	const conditions = [eq(question.active, true), visibleTo(teacherId)];
	if (scope === 'bank') conditions.push(visibleTo(undefined));
	if (scope === 'mine') conditions.push(eq(question.ownerId, teacherId));
	const rows = await db
		.select({ body: questionVersion.body })
		.from(question)
		.innerJoin(questionVersion, eq(question.currentVersionId, questionVersion.id))
		.where(and(...conditions))
		.orderBy(asc(question.id));
	const questions = rows.map((r) => r.body);
	return giftOf(questions, await quotesOf(db, questions));
}
