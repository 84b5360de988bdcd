import { fail, redirect } from '@sveltejs/kit';
import { AccountError, isResetTokenUsable, resetPassword } from '$lib/server/account.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { firstValues, readFormFields } from '$lib/server/form-fields.ts';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (url: URL) => (url.searchParams.get('token') ?? '').slice(0, 100);

export const load: PageServerLoad = async ({ url }) => {
	const token = tokenOf(url);
	return { usable: token !== '' && (await isResetTokenUsable(getDb(), token)) };
};

export const actions: Actions = {
	default: async (event) => {
		const values = firstValues(readFormFields(await event.request.formData()));
		try {
			await resetPassword(getDb(), tokenOf(event.url), values.password ?? '');
		} catch (e) {
			if (!(e instanceof AccountError)) throw e;
			return fail(400, { errors: { [e.field]: e.message } as Record<string, string> });
		}
		redirect(303, '/signin?password=reset');
	}
};
