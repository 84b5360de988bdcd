import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError, orHttpError } from '$lib/server/errors.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { createTeacherInvite, INVITE_LIFETIME_MS, listInvitesBy } from '$lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	return {
		invites: await listInvitesBy(getDb(), teacher.id),
		lifetimeDays: INVITE_LIFETIME_MS / 86_400_000
	};
};

export const actions: Actions = {
	// The link is shown once, in this answer: only its hash is stored.
	create: async (event) => {
		const teacher = requireTeacher(event, true);
		try {
			const { token, expiresAt } = await createTeacherInvite(getDb(), teacher.id);
			return { link: new URL(`/invites/${token}`, event.url.origin).toString(), expiresAt };
		} catch (e) {
			if (e instanceof RequestError && e.status === 400) return fail(400, { message: e.message });
			return orHttpError(() => Promise.reject(e));
		}
	}
};
