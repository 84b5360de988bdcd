import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { invalid, readValues } from '$lib/server/form-actions.ts';
import { RateLimitedError, rateLimitedFailure } from '$lib/server/rate-limit.ts';
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
		if (!code.trim())
			return invalid('default', { code }, { code: 'Enter the code your teacher gave you.' });
		if (user.role !== 'student')
			return invalid(
				'default',
				{ code },
				{ code: 'Teachers run classes rather than join them.' },
				403
			);
		try {
			const joined = await joinClass(getDb(), user.id, code, {
				address: event.getClientAddress()
			});
			redirect(303, `/classes?joined=${encodeURIComponent(joined.name)}`);
		} catch (e) {
			// A wrong code is not refilled: the next try starts from an empty field.
			if (e instanceof RequestError)
				return invalid('default', { code: '' }, { code: e.message }, e.status);
			if (e instanceof RateLimitedError)
				return rateLimitedFailure(event, e, 'default', { code: '' });
			throw e;
		}
	}
};
