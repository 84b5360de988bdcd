import { error } from '@sveltejs/kit';
import { segmentArticle } from '$lib/articles/segments.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { getArticleWithCitations } from '$lib/server/db/queries/articles.ts';
import { canReadArticle } from '$lib/server/teaching/articles.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	// A teacher's own article is for them and their classes' students; to anyone else it does not exist.
	if (!(await canReadArticle(getDb(), locals.user?.id ?? null, params.slug))) error(404, 'No such article.');
	const found = await getArticleWithCitations(getDb(), params.slug);
	if (!found) error(404, 'No such article.');
	const { article, facts } = found;
	return {
		article: { slug: article.slug, title: article.title, publisher: article.publisher, eventDate: article.eventDate, file: article.file },
		paragraphs: segmentArticle(article.text, article.furniture, facts),
		facts: facts.map((f) => ({ id: f.id, quote: f.quote, questions: f.questions })),
		selected: url.searchParams.get('fact')
	};
};
