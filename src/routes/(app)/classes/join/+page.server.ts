import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { readFormFields } from '$lib/server/form-fields.ts';
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
		try {
			const fields = readFormFields(await event.request.formData());
			const code = fields.code?.[0] ?? '';
			if (!code.trim()) return fail(400, { code, error: 'Enter the code your teacher gave you.' });
			if (user.role !== 'student')
				return fail(403, { code, error: 'Teachers run classes rather than join them.' });
			const joined = await joinClass(getDb(), user.id, code, {
				address: event.getClientAddress()
			});
			redirect(303, `/classes?joined=${encodeURIComponent(joined.name)}`);
		} catch (e) {
			if (e instanceof RequestError) return fail(e.status, { code: '', error: e.message });
			if (e instanceof RateLimitedError) return rateLimitedFailure(event, e, { code: '' });
			throw e;
		}
	}
};
