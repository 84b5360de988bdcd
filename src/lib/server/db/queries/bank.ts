import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Bank } from '../../../bank/types.ts';
import type { Db } from '../index.ts';
import { article, fact, question, questionVersion } from '../schema.ts';

/**
 * The grounded bank as it stands in the database: current versions of the active questions of the files,
 * with their facts. Teachers' own questions (and the facts they cite) are not in it: practice and rules
 * draw only from questions every one of which cites its articles.
 */
export async function getCurrentBank(
	db: Db
): Promise<{ bank: Bank; versionIdOf: Map<string, number> }> {
	const [articles, facts, rows] = await Promise.all([
		// Teachers' own articles are theirs: practice and rules draw on the files' articles only.
		db
			.select()
			.from(article)
			.where(isNull(article.ownerId))
			.orderBy(asc(article.eventDate), asc(article.slug)),
		db.select().from(fact).where(isNull(fact.ownerId)),
		db
			.select({ id: questionVersion.id, body: questionVersion.body })
			.from(question)
			.innerJoin(questionVersion, eq(question.currentVersionId, questionVersion.id))
			.where(and(eq(question.active, true), isNull(question.ownerId)))
			.orderBy(asc(question.id))
			.prepare('bank_questions')
			.execute()
	]);
	return {
		bank: {
			articles: articles.map((a) => ({ ...a, publisher: a.publisher ?? null })),
			facts: facts.map((f) => ({
				id: f.id,
				article: f.articleSlug,
				quote: f.quote,
				value: f.value ?? undefined,
				span: { start: f.spanStart, end: f.spanEnd }
			})),
			questions: rows.map((r) => r.body)
		},
		versionIdOf: new Map(rows.map((r) => [r.body.id, r.id]))
	};
}
