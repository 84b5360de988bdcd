import { redirect } from '@sveltejs/kit';
import { getAttemptForTaking, submitAttempt } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { scheduleOptimisation } from '$lib/server/review/optimiser-job.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const taking = await orHttpError(() => getAttemptForTaking(getDb(), user.id, event.params.id));
	if (taking.status === 'submitted') redirect(303, `/attempts/${taking.id}/results`);
	return {
		attemptId: taking.id,
		questions: taking.questions.map((q) => ({
			prompt: q.prompt,
			answered: q.id in taking.responses
		}))
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const user = requireUserForAction(event);
		// Submitting twice (a second tab, a replayed request) is refused with 409; nothing changes.
		const submitted = await orHttpError(() => submitAttempt(getDb(), user.id, event.params.id));
		scheduleOptimisation(getDb(), user.id, submitted.refit);
		redirect(303, `/attempts/${event.params.id}/results`);
	}
};
