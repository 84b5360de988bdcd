import { getDb } from '$lib/server/db/app-db.ts';
import { refused, tryService } from '$lib/server/form-actions.ts';
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
		const made = await tryService(() => createTeacherInvite(getDb(), teacher.id));
		if (!made.ok) return refused('create', {}, made.message);
		const { token, expiresAt } = made.value;
		return { link: new URL(`/invites/${token}`, event.url.origin).toString(), expiresAt };
	}
};
