import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index.ts';
import { article, fact, question, questionVersion } from '../schema.ts';

export async function listArticles(db: Db) {
	return (
		db
			.select({
				slug: article.slug,
				title: article.title,
				publisher: article.publisher,
				eventDate: article.eventDate
			})
			.from(article)
			// Teachers' own articles are listed on their Teach pages, not here.
			.where(isNull(article.ownerId))
			.orderBy(asc(article.eventDate), asc(article.slug))
	);
}

/**
 * An article with its cited passages and, for each, the prompts of the current questions resting on it
 * (none for a teacher's own article: its questions are for their classes, not for browsing).
 */
export async function getArticleWithCitations(db: Db, slug: string) {
	const [row] = await db.select().from(article).where(eq(article.slug, slug));
	if (!row) return null;
	const facts = await db
		.select({ id: fact.id, quote: fact.quote, start: fact.spanStart, end: fact.spanEnd })
		.from(fact)
		// Passages teachers cite for their own questions stay theirs: the article page shows the bank's,
		// and on a teacher's own article the passages its questions cite (for the results page's links).
		.where(
			and(
				eq(fact.articleSlug, slug),
				row.ownerId ? eq(fact.ownerId, row.ownerId) : isNull(fact.ownerId)
			)
		)
		.orderBy(asc(fact.spanStart));
	const questions = await db
		.select({
			id: questionVersion.questionId,
			prompt: sql<string>`${questionVersion.body}->>'prompt'`,
			factIds: questionVersion.factIds
		})
		.from(question)
		.innerJoin(questionVersion, eq(question.currentVersionId, questionVersion.id))
		.where(
			and(
				eq(question.active, true),
				isNull(question.ownerId),
				row.ownerId ? sql`false` : undefined,
				sql`${questionVersion.factIds} && ${sql.param(facts.map((f) => f.id))}::text[]`
			)
		)
		.orderBy(asc(question.id));
	return {
		article: row,
		facts: facts.map((f) => ({
			...f,
			questions: questions
				.filter((q) => q.factIds.includes(f.id))
				.map((q) => ({ id: q.id, prompt: q.prompt }))
		}))
	};
}
