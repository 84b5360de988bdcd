import { redirect } from '@sveltejs/kit';
import { getAttemptResults } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { requireUserForPage } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	try {
		const {
			attempt,
			results,
			score,
			max,
			percent,
			asTeacher,
			feedbackFrom,
			removedFromClass,
			heldByAssignment
		} = await getAttemptResults(getDb(), user.id, event.params.id);
		return {
			attempt: {
				id: attempt.id,
				seed: attempt.seed,
				startedAt: attempt.startedAt,
				submittedAt: attempt.submittedAt,
				late: attempt.late,
				assignmentId: attempt.assignmentId
			},
			asTeacher,
			feedbackFrom,
			removedFromClass,
			heldByAssignment,
			results: results.map(({ presented: _presented, response: _response, ...r }) => r),
			score,
			max,
			percent
		};
	} catch (e) {
		// Not submitted yet: go back to the quiz rather than show an error.
		if (e instanceof RequestError && e.status === 409)
			redirect(303, `/attempts/${event.params.id}/review`);
		return orHttpError(() => Promise.reject(e));
	}
};
