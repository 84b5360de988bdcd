import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import {
	getStudentAssignmentPage,
	startAssignmentAttempt
} from '$lib/server/teaching/assignments.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const { assignment: a, ...page } = await orHttpError(() =>
		getStudentAssignmentPage(getDb(), user.id, event.params.id, new Date())
	);
	return {
		assignment: {
			id: a.id,
			title: a.title,
			className: a.className,
			opensAt: a.opensAt,
			dueAt: a.dueAt,
			timeZone: a.timeZone,
			attemptsAllowed: a.attemptsAllowed,
			timeLimitMinutes: a.timeLimitMinutes,
			feedback: a.feedback,
			lateWork: a.lateWork
		},
		...page
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUserForAction(event);
		const { id } = await orHttpError(() =>
			startAssignmentAttempt(getDb(), user.id, event.params.id, new Date())
		);
		redirect(303, `/attempts/${id}/1`);
	}
};
