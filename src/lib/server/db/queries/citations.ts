import { eq } from 'drizzle-orm';
import { isAnyOf } from '../array-params.ts';
import type { Db } from '../index.ts';
import { article, fact } from '../schema.ts';

/** A passage a question cites, with the article it is in. */
export type Citation = { factId: string; quote: string; articleSlug: string; articleTitle: string };

/** The passages with these ids and their articles, by fact id (ids that no longer exist are absent). */
export async function getCitationsByFactId(
	db: Db,
	factIds: readonly string[]
): Promise<Map<string, Citation>> {
	const ids = [...new Set(factIds)];
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({
			factId: fact.id,
			quote: fact.quote,
			articleSlug: fact.articleSlug,
			articleTitle: article.title
		})
		.from(fact)
		.innerJoin(article, eq(article.slug, fact.articleSlug))
		.where(isAnyOf(fact.id, ids))
		.prepare('citations')
		.execute();
	return new Map(rows.map((r) => [r.factId, r]));
}

/** The citations of one question, in the order its facts list them. */
export function pickCitations(byId: Map<string, Citation>, factIds: readonly string[]): Citation[] {
	return factIds.flatMap((id) => {
		const c = byId.get(id);
		return c ? [c] : [];
	});
}

/** The citations of one question's facts, in their order. */
export async function getCitations(db: Db, factIds: readonly string[]): Promise<Citation[]> {
	return pickCitations(await getCitationsByFactId(db, factIds), factIds);
}
