import { error } from '@sveltejs/kit';
import { segmentArticle } from '$lib/articles/segments.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { getArticleWithCitations } from '$lib/server/db/queries/articles.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
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
