import { error } from '@sveltejs/kit';
import { segmentArticle } from '$lib/articles/segments.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { getArticleWithCitations } from '$lib/server/db/queries/articles.ts';
import { getQuestionListingFilter } from '$lib/server/disclosure.ts';
import { canReadArticle } from '$lib/server/teaching/articles.ts';
import {
	getMisreadScopes,
	getPassageMisreadings,
	parseMisreadScope
} from '$lib/server/teaching/misreadings.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	// A teacher's own article is for them and their classes' students; to anyone else it does not exist.
	if (!(await canReadArticle(getDb(), locals.user?.id ?? null, params.slug)))
		error(404, 'No such article.');
	const [found, mayList] = await Promise.all([
		getArticleWithCitations(getDb(), params.slug),
		getQuestionListingFilter(getDb(), locals.user ?? null, new Date())
	]);
	if (!found) error(404, 'No such article.');
	const { article } = found;
	// A passage's questions only to someone who may see their answers: it pairs a prompt with its evidence.
	const facts = found.facts.map((f) => ({
		...f,
		questions: f.questions.filter((q) => mayList(q.id))
	}));
	// A teacher's accepted drafts often cite the same passage (one fact per value it states): list it once.
	const listed: {
		id: string;
		ids: string[];
		quote: string;
		questions: { id: string; prompt: string }[];
	}[] = [];
	for (const f of facts) {
		const same = article.ownerId
			? listed.find((l) =>
					facts.some((g) => g.id === l.id && g.start === f.start && g.end === f.end)
				)
			: undefined;
		if (same) same.ids.push(f.id);
		else listed.push({ id: f.id, ids: [f.id], quote: f.quote, questions: f.questions });
	}
	return {
		...(locals.user?.role === 'teacher'
			? await misreadView(locals.user.id, url.searchParams.get('misread'), found.facts)
			: {}),
		article: {
			slug: article.slug,
			title: article.title,
			publisher: article.publisher,
			eventDate: article.eventDate,
			file: article.file
		},
		/** A teacher's own article: its passages are cited by that teacher's questions, which are not listed here. */
		teachersOwn: article.ownerId !== null,
		/** A teacher sees every passage with its questions; a student only those they have answered. */
		listsEveryQuestion: locals.user?.role === 'teacher',
		signedIn: locals.user !== null,
		paragraphs: segmentArticle(article.text, article.furniture, facts),
		facts: listed,
		selected: url.searchParams.get('fact')
	};
};

/**
 * A teacher's heatmap: the classes and assignments to choose from and, for the chosen one, how often its
 * students answered each passage's questions wrongly. Only for teachers: no one else gets these fields.
 */
async function misreadView(teacherId: string, value: string | null, facts: { id: string }[]) {
	const scope = parseMisreadScope(value);
	const [misreadScopes, byFact] = await Promise.all([
		getMisreadScopes(getDb(), teacherId),
		scope
			? getPassageMisreadings(
					getDb(),
					teacherId,
					scope,
					facts.map((f) => f.id)
				)
			: null
	]);
	return {
		misreadScopes,
		misread: scope && byFact ? { scope: value!, byFact } : null
	};
}
