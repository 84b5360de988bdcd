import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index.ts';
import { article, fact, question, questionVersion } from '../schema.ts';

export async function listArticles(db: Db) {
	return db
		.select({ slug: article.slug, title: article.title, publisher: article.publisher, eventDate: article.eventDate })
		.from(article)
		.orderBy(asc(article.eventDate), asc(article.slug));
}

/** An article with its cited passages and, for each, the prompts of the current questions resting on it. */
export async function getArticleWithCitations(db: Db, slug: string) {
	const [row] = await db.select().from(article).where(eq(article.slug, slug));
	if (!row) return null;
	const facts = await db
		.select({ id: fact.id, quote: fact.quote, start: fact.spanStart, end: fact.spanEnd })
		.from(fact)
		// Passages teachers cite for their own questions stay theirs: the article page shows the bank's.
		.where(and(eq(fact.articleSlug, slug), isNull(fact.ownerId)))
		.orderBy(asc(fact.spanStart));
	const questions = await db
		.select({ id: questionVersion.questionId, prompt: sql<string>`${questionVersion.body}->>'prompt'`, factIds: questionVersion.factIds })
		.from(question)
		.innerJoin(questionVersion, eq(question.currentVersionId, questionVersion.id))
		.where(and(eq(question.active, true), isNull(question.ownerId), sql`${questionVersion.factIds} && ${sql.param(facts.map((f) => f.id))}::text[]`))
		.orderBy(asc(question.id));
	return {
		article: row,
		facts: facts.map((f) => ({ ...f, questions: questions.filter((q) => q.factIds.includes(f.id)).map((q) => ({ id: q.id, prompt: q.prompt })) }))
	};
}
