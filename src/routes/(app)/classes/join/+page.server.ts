import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { invalid, readValues } from '$lib/server/form-actions.ts';
import { RateLimitedError } from '$lib/server/rate-limit.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { joinClass } from '$lib/server/teaching/classes.ts';
import type { Actions, PageServerLoad } from './$types';

// A join link (/classes/join?code=…) fills the code in; joining is always an explicit click.
export const load: PageServerLoad = async (event) => {
	requireUserForPage(event);
	return { code: (event.url.searchParams.get('code') ?? '').slice(0, 20) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUserForAction(event);
		const values = await readValues(event.request);
		const code = values.code ?? '';
		const refuse = (message: string, status = 400) =>
			invalid('default', { code }, { code: message }, status);
		if (!code.trim()) return refuse('Enter the code your teacher gave you.');
		if (user.role !== 'student') return refuse('Teachers run classes rather than join them.', 403);
		let joined;
		try {
			joined = await joinClass(getDb(), user.id, code);
		} catch (e) {
			if (e instanceof RequestError) return refuse(e.message, e.status);
			if (e instanceof RateLimitedError) {
				event.setHeaders({ 'retry-after': String(e.retryAfter) });
				return refuse(e.message, 429);
			}
			throw e;
		}
		redirect(303, `/classes?joined=${encodeURIComponent(joined.name)}`);
	}
};
