import { redirect } from '@sveltejs/kit';
import { AccountError, isResetTokenUsable, resetPassword } from '$lib/server/account.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { invalid, readValues } from '$lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (url: URL) => (url.searchParams.get('token') ?? '').slice(0, 100);

export const load: PageServerLoad = async ({ url }) => {
	const token = tokenOf(url);
	return { usable: token !== '' && (await isResetTokenUsable(getDb(), token)) };
};

export const actions: Actions = {
	default: async (event) => {
		const values = await readValues(event.request);
		try {
			await resetPassword(getDb(), tokenOf(event.url), values.password ?? '');
		} catch (e) {
			if (!(e instanceof AccountError)) throw e;
			return invalid('default', {}, { [e.field]: e.message });
		}
		redirect(303, '/signin?password=reset');
	}
};
