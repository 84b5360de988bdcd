import { redirect } from '@sveltejs/kit';
import { invalidateSession } from '$lib/server/auth.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { clearSessionCookie } from '$lib/server/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.sessionId) await invalidateSession(getDb(), event.locals.sessionId);
		clearSessionCookie(event);
		redirect(303, '/');
	}
};
