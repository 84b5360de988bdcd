import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { getItemAnalysis } from '$lib/server/teaching/results.ts';
import { QUESTION_TYPE_LABELS } from '$lib/quiz/labels.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const which = event.url.searchParams.get('attempts') === 'all' ? 'all' : 'first';
	const {
		assignment: a,
		analysis,
		prompts
	} = await orHttpError(() => getItemAnalysis(getDb(), teacher.id, event.params.id, which));
	return {
		which,
		assignment: {
			id: a.id,
			title: a.title,
			classId: a.classId,
			className: a.className,
			dueAt: a.dueAt,
			timeZone: a.timeZone
		},
		summary: {
			attemptCount: analysis.attemptCount,
			maxTotal: analysis.maxTotal,
			mean: analysis.mean,
			meanPercent: analysis.meanPercent,
			median: analysis.median,
			standardDeviation: analysis.standardDeviation,
			standardDeviationPercent: analysis.standardDeviationPercent,
			cronbachAlpha: analysis.cronbachAlpha
		},
		questions: analysis.questions.map((q, i) => ({
			...q,
			position: i + 1,
			prompt: prompts[q.questionId]?.prompt ?? q.questionId,
			typeLabel: prompts[q.questionId] ? QUESTION_TYPE_LABELS[prompts[q.questionId].type] : '',
			cited: prompts[q.questionId]?.cited ?? true
		}))
	};
};
