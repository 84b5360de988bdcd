import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { MAX_QUESTIONS_PER_QUIZ, startAttempt } from '$lib/server/attempts.ts';
import { getCurrentBank } from '$lib/server/db/queries/bank.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { parseForm, readFields, refused } from '$lib/server/form-actions.ts';
import { requireUserForAction } from '$lib/server/guards.ts';
import { RateLimitedError, rateLimitedFailure } from '$lib/server/rate-limit.ts';
import { QUESTION_TYPE_LABELS } from '$lib/quiz/labels.ts';
import type { Actions, PageServerLoad } from './$types';

const QUESTION_TYPES = [
	'single',
	'multiple',
	'true_false',
	'numeric',
	'short_text',
	'ordering'
] as const;

const PracticeForm = z.object({
	articles: z.array(z.string().max(100)).max(50).default([]),
	tags: z.array(z.string().max(100)).max(100).default([]),
	types: z.array(z.enum(QUESTION_TYPES, 'Unknown question type.')).default([]),
	count: z.coerce
		.number('Choose how many questions.')
		.int('Choose a whole number of questions.')
		.min(1, 'Choose at least 1 question.')
		.max(MAX_QUESTIONS_PER_QUIZ, `At most ${MAX_QUESTIONS_PER_QUIZ} questions.`),
	seed: z
		.string()
		.trim()
		.max(64, 'The quiz code is too long.')
		.regex(/^[\w-]*$/, 'A quiz code has only letters, digits, - and _.')
		.default('')
});

export const load: PageServerLoad = async () => {
	const { bank } = await getCurrentBank(getDb());
	const tagCounts = new Map<string, number>();
	for (const q of bank.questions)
		for (const t of q.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
	const factArticle = new Map(bank.facts.map((f) => [f.id, f.article]));
	return {
		articles: bank.articles.map((a) => ({
			slug: a.slug,
			title: a.title,
			eventDate: a.eventDate,
			questionCount: bank.questions.filter((q) =>
				q.facts.some((f) => factArticle.get(f) === a.slug)
			).length
		})),
		tags: [...tagCounts].sort((a, b) => b[1] - a[1]).map(([tag, count]) => ({ tag, count })),
		types: QUESTION_TYPES.map((t) => ({ type: t, label: QUESTION_TYPE_LABELS[t] })),
		total: bank.questions.length
	};
};

/** The choices as sent, to refill the form: checkbox lists one value per line. */
const CHOICE_FIELDS = ['article', 'tag', 'type', 'count', 'seed'];

export const actions: Actions = {
	default: async (event) => {
		const user = requireUserForAction(event);
		const fields = await readFields(event.request);
		const refill = Object.fromEntries(CHOICE_FIELDS.map((k) => [k, (fields[k] ?? []).join('\n')]));
		const { data, failure } = parseForm(
			'default',
			PracticeForm,
			{
				articles: fields.article,
				tags: fields.tag,
				types: fields.type,
				count: fields.count?.[0],
				seed: fields.seed?.[0]
			},
			refill
		);
		if (failure) return failure;
		const { seed, ...filters } = data;
		let started;
		try {
			started = await startAttempt(getDb(), user.id, filters, seed || undefined);
		} catch (e) {
			if (e instanceof RequestError) return refused('default', refill, e.message, e.status);
			if (e instanceof RateLimitedError) return rateLimitedFailure(event, e, 'default', refill);
			throw e;
		}
		redirect(303, `/attempts/${started.id}/1`);
	}
};
