import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { startAttempt, MAX_QUESTIONS_PER_QUIZ } from '$lib/server/attempts.ts';
import { RateLimitedError, rateLimitedFailure } from '$lib/server/rate-limit.ts';
import { readValues, refused } from '$lib/server/form-actions.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { getMistakes } from '$lib/server/review/insights.ts';
import type { Actions, PageServerLoad } from './$types';

function filtered(
	mistakes: Awaited<ReturnType<typeof getMistakes>>,
	articleSlug: string,
	tag: string
) {
	return mistakes.filter(
		(m) => (!articleSlug || m.articles.includes(articleSlug)) && (!tag || m.tags.includes(tag))
	);
}

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const all = await getMistakes(getDb(), user.id);
	const articleSlug = event.url.searchParams.get('article') ?? '';
	const tag = event.url.searchParams.get('tag') ?? '';
	const articles = new Map(
		all.flatMap((m) => m.citations.map((c) => [c.articleSlug, c.articleTitle] as const))
	);
	const shown = filtered(all, articleSlug, tag);
	return {
		mistakes: shown,
		inPractice: shown.filter((m) => m.inPractice).length,
		total: all.length,
		filters: { article: articleSlug, tag },
		articles: [...articles].map(([slug, title]) => ({ slug, title })),
		tags: [...new Set(all.flatMap((m) => m.tags))].sort()
	};
};

export const actions: Actions = {
	/** "Practise these now": a quiz of the mistakes shown (with the same filters). */
	practise: async (event) => {
		const user = requireUserForAction(event);
		const values = await readValues(event.request);
		const mistakes = filtered(
			await getMistakes(getDb(), user.id),
			values.article ?? '',
			values.tag ?? ''
		).filter((m) => m.inPractice);
		if (mistakes.length === 0)
			return refused(
				'practise',
				values,
				'None of these mistakes is in the practice bank: they come back in your reviews.'
			);
		const questionIds = mistakes.slice(0, MAX_QUESTIONS_PER_QUIZ).map((m) => m.questionId);
		let id: string;
		try {
			({ id } = await orHttpError(() =>
				startAttempt(getDb(), user.id, { questionIds, count: questionIds.length })
			));
		} catch (e) {
			if (e instanceof RateLimitedError) return rateLimitedFailure(event, e, 'practise', values);
			throw e;
		}
		redirect(303, `/attempts/${id}/1`);
	}
};
