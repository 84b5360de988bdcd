import { error, redirect } from '@sveltejs/kit';
import { orHttpError } from '$lib/server/errors.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireUserForAction } from '$lib/server/guards.ts';
import { acceptTeacherInvite, readInvite } from '$lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

// Open to everyone with the link: someone without an account signs up first and comes back here.
export const load: PageServerLoad = async ({ params, locals }) => {
	const invite = await readInvite(getDb(), params.token);
	if (!invite) error(404, 'This invite link is not valid: check that it was copied whole.');
	return {
		invite,
		signedIn: locals.user !== null,
		alreadyTeacher: locals.user?.role === 'teacher'
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const user = requireUserForAction(event);
		if (!(await readInvite(getDb(), event.params.token)))
			error(404, 'This invite link is not valid.');
		await orHttpError(() => acceptTeacherInvite(getDb(), event.params.token, user.id));
		redirect(303, '/teach');
	}
};
